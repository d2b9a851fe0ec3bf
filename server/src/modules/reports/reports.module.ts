import { Module } from '@nestjs/common';
import { AgencyReportsResolver } from './agency-reports.resolver.js';
import { ReportsResolver } from './reports.resolver.js';
import { ReportsService } from './reports.service.js';

@Module({
  providers: [ReportsService, ReportsResolver, AgencyReportsResolver],
  exports: [ReportsService],
})
export class ReportsModule {}
