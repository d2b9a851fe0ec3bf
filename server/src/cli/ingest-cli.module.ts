import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule } from '../common/database/database.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { IngestModule } from '../modules/ingest/ingest.module.js';

/** What `pnpm ingest` needs: configuration, the database and the ingest module — no HTTP. */
@Module({})
export class IngestCliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: IngestCliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl, { logSql: config.logSql }), IngestModule],
    };
  }
}
