import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule } from '../common/database/database.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { CollectModule } from '../modules/collect/collect.module.js';
import { IngestModule } from '../modules/ingest/ingest.module.js';

/** What `pnpm ingest` needs: configuration, the database, ingest and collect — no HTTP, no scheduled poll. */
@Module({})
export class IngestCliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const once: AppConfig = { ...config, collect: { ...config.collect, pollEnabled: false } };
    return {
      module: IngestCliModule,
      imports: [ConfigModule.forRoot(once), DatabaseModule.forRoot(databaseUrl, { logSql: config.logSql }), IngestModule, CollectModule],
    };
  }
}
