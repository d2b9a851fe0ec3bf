import { Module } from '@nestjs/common';
import { AgencyReportsResolver } from './agency-reports.resolver.js';
import { ReportFileController } from './report-file.controller.js';
import { ReportsResolver } from './reports.resolver.js';
import { ReportsService } from './reports.service.js';

@Module({
  controllers: [ReportFileController],
  providers: [ReportsService, ReportsResolver, AgencyReportsResolver],
  exports: [ReportsService],
})
export class ReportsModule {}
