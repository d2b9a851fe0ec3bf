import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { DatasetDownloadController } from './dataset-download.controller.js';
import { DatasetService } from './dataset.service.js';

/** Bulk downloads: a selection's whole current data as CSV or Parquet files, for pandas, R and DuckDB. */
@Module({
  imports: [AnalyticsModule],
  controllers: [DatasetDownloadController],
  providers: [DatasetService],
})
export class BulkModule {}
