import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { AgencySourcesResolver } from './agency-sources.resolver.js';
import { AgencySourcesService } from './agency-sources.service.js';
import { CollectResolver } from './collect.resolver.js';
import { CollectService } from './collect.service.js';
import { ListingCheckService } from './listing-check.service.js';
import { ListingPollScheduler } from './listing-poll.scheduler.js';
import { ReportSourceResolver } from './report-source.resolver.js';

/** Collecting reports from agencies' sites: by address, from listing pages, and by the scheduled poll. */
@Module({
  imports: [IngestModule, AgenciesModule],
  providers: [CollectService, ListingCheckService, AgencySourcesService, ListingPollScheduler, CollectResolver, AgencySourcesResolver, ReportSourceResolver],
  exports: [CollectService, ListingCheckService, AgencySourcesService],
})
export class CollectModule {}
