import { Controller, Get, Res } from '@nestjs/common';
import { embeddedPostgresSupervision } from '@ogi/database';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators.js';

/**
 * `GET /api/health` for load balancers and monitoring: open to anyone, says whether the database answers and,
 * with the embedded PostgreSQL, what its supervisor did (`running` / `restarting`, how many restarts, when it
 * last exited unasked) — nothing else.
 */
@Controller('api/health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  async health(@Res() res: Response): Promise<void> {
    const supervision = embeddedPostgresSupervision();
    const embeddedPostgres = supervision && { state: supervision.state, restarts: supervision.restarts, lastExitAt: supervision.lastExitAt };
    try {
      await this.dataSource.query('SELECT 1');
      res.status(200).json({ status: 'ok', database: 'ok', ...(embeddedPostgres ? { embeddedPostgres } : {}) });
    } catch {
      res.status(503).json({
        status: 'unavailable',
        database: supervision?.state === 'restarting' ? 'restarting' : 'unavailable',
        ...(embeddedPostgres ? { embeddedPostgres } : {}),
      });
    }
  }
}
