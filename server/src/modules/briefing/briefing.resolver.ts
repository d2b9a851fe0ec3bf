import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@ogi/database';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import { RequestActor } from '../../common/access/actor.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { BriefingService } from './briefing.service.js';
import { SetThresholdArgs, ThresholdHistoryArgs } from './dto/set-threshold.args.js';
import { BriefingScopeArgs, LeagueTableArgs } from './dto/league-table.args.js';
import { LeagueService } from './league.service.js';
import { BriefingModel } from './models/briefing.model.js';
import { LeagueTableModel, NotableChangeModel } from './models/league-table.model.js';
import { ThresholdModel } from './models/threshold.model.js';
import { ThresholdsService } from './thresholds.service.js';

@Resolver()
export class BriefingResolver {
  constructor(
    private readonly thresholdsService: ThresholdsService,
    private readonly league: LeagueService,
    private readonly briefings: BriefingService,
  ) {}

  @Query(() => [ThresholdModel], { description: 'The league-table thresholds in force: those editors set, and the defaults of the others.' })
  @Roles(...ACCESS.read)
  thresholds(): Promise<ThresholdModel[]> {
    return this.thresholdsService.inForce();
  }

  @Query(() => [ThresholdModel], { description: "Every version of a metric's thresholds, newest first (the default last)." })
  @Roles(...ACCESS.read)
  thresholdHistory(@Args() args: ThresholdHistoryArgs): Promise<ThresholdModel[]> {
    return this.thresholdsService.history(args.metric);
  }

  @Mutation(() => ThresholdModel, {
    description:
      "Sets a metric's thresholds (editors): a new version, audited. Errors: BAD_USER_INPUT with extensions.reason UNKNOWN_METRIC, BOUNDS_OUT_OF_RANGE, BOUNDS_IN_WRONG_ORDER or INVALID_MIN_SAMPLE.",
  })
  @Roles(...ACCESS.edit)
  setThreshold(@Args() args: SetThresholdArgs, @RequestActor() actor: Actor): Promise<ThresholdModel> {
    return this.thresholdsService.set(
      { metric: args.metric, direction: args.direction, red: args.red, yellow: args.yellow, minSample: args.minSample },
      args.reason ?? null,
      actor,
    );
  }

  @Query(() => LeagueTableModel, { description: "A league table (红黄绿) of agencies' own reports for a year under a metric's thresholds in force." })
  @Roles(...ACCESS.read)
  leagueTable(@Args() args: LeagueTableArgs, @Scope() scope: AgencyScope): Promise<LeagueTableModel> {
    return this.league.leagueTable(args.metric, args.year, args.selection, scope);
  }

  @Query(() => [NotableChangeModel], { description: 'Year-on-year jumps and outliers among peers (median and MAD), each explaining itself.' })
  @Roles(...ACCESS.read)
  notableChanges(@Args() args: BriefingScopeArgs, @Scope() scope: AgencyScope): Promise<NotableChangeModel[]> {
    return this.league.notableChanges(args.year, args.selection, scope);
  }

  @Query(() => BriefingModel, { description: 'The annual briefing of a scope and year (also as DOCX: GET /api/briefing.docx?year=…).' })
  @Roles(...ACCESS.read)
  briefing(@Args() args: BriefingScopeArgs, @Scope() scope: AgencyScope): Promise<BriefingModel> {
    return this.briefings.build(args.year, args.selection, scope);
  }
}
