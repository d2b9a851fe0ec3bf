import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module.js';
import { CellCorrectionFieldsResolver, ReportCorrectionsResolver } from './cell-corrections.resolver.js';
import { CorrectionsResolver } from './corrections.resolver.js';
import { CorrectionsService } from './corrections.service.js';

@Module({
  imports: [ReportsModule],
  providers: [CorrectionsService, CorrectionsResolver, CellCorrectionFieldsResolver, ReportCorrectionsResolver],
  exports: [CorrectionsService],
})
export class CorrectionsModule {}
