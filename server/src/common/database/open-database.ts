/** The database the product runs on: DATABASE_URL when given, else the embedded PostgreSQL in DATA_DIR. */
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { startEmbeddedPostgres } from '@ogi/database';
import type { AppConfig } from '../../config/app-config.js';

export interface OpenDatabase {
  url: string;
  /** Where it runs, for the log (no password). */
  description: string;
  stop(): Promise<void>;
}

export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, description: config.databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@'), stop: async () => undefined };
  }
  const dataDir = join(config.dataDir, 'postgres');
  // Restarts after PostgreSQL exits unasked are logged as warnings (and shown by /api/health).
  const logger = new Logger('Database');
  const pg = await startEmbeddedPostgres({ dataDir, persistent: true, onSupervisorEvent: (message) => logger.warn(message) });
  return {
    url: pg.url,
    description: `embedded PostgreSQL on port ${pg.port}, data in ${dataDir}${pg.owned ? '' : ' (shared with a running server)'}`,
    stop: () => pg.stop(),
  };
}
