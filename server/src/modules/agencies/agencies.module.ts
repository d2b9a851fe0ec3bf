import { Module } from '@nestjs/common';
import { AgenciesResolver } from './agencies.resolver.js';
import { AgenciesService } from './agencies.service.js';
import { ReportAgencyResolver } from './report-agency.resolver.js';

@Module({
  providers: [AgenciesService, AgenciesResolver, ReportAgencyResolver],
  exports: [AgenciesService],
})
export class AgenciesModule {}
