import { Module } from '@nestjs/common';
import { AgencySelectionService } from './agency-selection.service.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';
import { QualityService } from './quality.service.js';

@Module({
  providers: [AgencySelectionService, AnalyticsService, QualityService, AnalyticsResolver],
  exports: [AgencySelectionService, AnalyticsService],
})
export class AnalyticsModule {}
