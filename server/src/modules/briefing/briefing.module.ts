import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { BriefingController } from './briefing.controller.js';
import { BriefingResolver } from './briefing.resolver.js';
import { BriefingService } from './briefing.service.js';
import { ContactsService } from './contacts.service.js';
import { FollowUpsResolver } from './follow-ups.resolver.js';
import { FollowUpsService } from './follow-ups.service.js';
import { LeagueTableResolver } from './league-table.resolver.js';
import { LeagueService } from './league.service.js';
import { ThresholdsService } from './thresholds.service.js';

/** What the bureau acts on: thresholds and league tables, notable changes, follow-ups and contacts, the briefing and the notice. */
@Module({
  imports: [AnalyticsModule],
  controllers: [BriefingController],
  providers: [ThresholdsService, LeagueService, ContactsService, FollowUpsService, BriefingService, BriefingResolver, LeagueTableResolver, FollowUpsResolver],
})
export class BriefingModule {}
