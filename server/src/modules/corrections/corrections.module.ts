import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { CellCorrectionFieldsResolver, ReportCorrectionsResolver } from './cell-corrections.resolver.js';
import { CorrectionsResolver } from './corrections.resolver.js';
import { CorrectionsService } from './corrections.service.js';
import { SubmissionMarksResolver } from './submission-marks.resolver.js';
import { SubmissionMarksService } from './submission-marks.service.js';

@Module({
  imports: [ReportsModule, AnalyticsModule],
  providers: [
    CorrectionsService,
    CorrectionsResolver,
    CellCorrectionFieldsResolver,
    ReportCorrectionsResolver,
    SubmissionMarksService,
    SubmissionMarksResolver,
  ],
  exports: [CorrectionsService],
})
export class CorrectionsModule {}
