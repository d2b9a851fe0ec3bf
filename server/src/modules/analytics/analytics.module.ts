import { Module } from '@nestjs/common';
import { AgencySelectionService } from './agency-selection.service.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';
import { ComparisonExportController } from './exports/comparison-export.controller.js';
import { QualityService } from './quality.service.js';

@Module({
  controllers: [ComparisonExportController],
  providers: [AgencySelectionService, AnalyticsService, QualityService, AnalyticsResolver],
  exports: [AgencySelectionService, AnalyticsService, QualityService],
})
export class AnalyticsModule {}
