import { Module } from '@nestjs/common';
import { AgenciesResolver } from './agencies.resolver.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyRegistryResolver } from './agency-registry.resolver.js';
import { AgencyRegistryService } from './agency-registry.service.js';
import { ReportAgencyResolver } from './report-agency.resolver.js';

@Module({
  providers: [AgenciesService, AgenciesResolver, ReportAgencyResolver, AgencyRegistryService, AgencyRegistryResolver],
  exports: [AgenciesService],
})
export class AgenciesModule {}
