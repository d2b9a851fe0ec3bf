import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { VersionsResolver } from './versions.resolver.js';
import { VersionsService } from './versions.service.js';

/** Versions of a report: their differences, and re-reading a version with the current parser. */
@Module({
  imports: [ReportsModule, IngestModule],
  providers: [VersionsService, VersionsResolver],
})
export class VersionsModule {}
