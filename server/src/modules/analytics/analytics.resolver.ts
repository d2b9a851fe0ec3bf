import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { METRICS } from '@ogi/domain';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { paging } from '../../common/graphql/paging.args.js';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { asksFor } from '../../common/graphql/selection.js';
import { sortedConnection } from '../../common/pagination/keyset.js';
import { AnalyticsService } from './analytics.service.js';
import { BreakdownArgs } from './dto/breakdown.args.js';
import { CompareArgs } from './dto/compare.args.js';
import {
  DataQualityArgs,
  FindingsArgs,
  FindingsConnectionArgs,
  SubmissionMatrixArgs,
  SubmissionsArgs,
  SubmissionsConnectionArgs,
  SubmissionYearsArgs,
} from './dto/quality.args.js';
import { DEFAULT_MIN_SAMPLE, RankingArgs } from './dto/ranking.args.js';
import { RollupArgs } from './dto/rollup.args.js';
import { TimeSeriesArgs } from './dto/time-series.args.js';
import { BreakdownRowModel } from './models/breakdown.model.js';
import { ComparisonModel } from './models/comparison.model.js';
import { DataQualityModel, FindingConnectionModel, FindingPageModel } from './models/data-quality.model.js';
import { MetricDefinitionModel, toMetricDefinitionModel } from './models/metric-definition.model.js';
import { RankingPageModel } from './models/ranking.model.js';
import { RollupValueModel } from './models/rollup-value.model.js';
import { SubmissionMatrixConnectionModel, SubmissionYearSummaryModel } from './models/submission-matrix.model.js';
import { SubmissionConnectionModel, SubmissionModel } from './models/submission.model.js';
import { onlyKinds } from './submission-matrix.js';
import { SUBMISSION_LIST, SUBMISSION_ORDER } from './submission-order.js';
import { QualityService } from './quality.service.js';

const ROLLUP_RULE =
  "Without double counting: the sum of the scope = 'self' reports of every agency included, except that where a government included " +
  'publishes a region_aggregate report for a year, that report stands for its whole subtree that year (its members are not added again).';

/** Analysts' queries. Thin: validated args in, one service call, models out. */
@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly quality: QualityService,
  ) {}

  @Query(() => [MetricDefinitionModel], { description: 'The metric dictionary: every metric the queries accept, with formula, denominator and caveats.' })
  @Roles(...ACCESS.read)
  metricDefinitions(): MetricDefinitionModel[] {
    return METRICS.map(toMetricDefinitionModel);
  }

  @Query(() => ComparisonModel, {
    description:
      "Metric values of a set of agencies × years × metrics, from each agency's current report (at most 3 000 agencies, 20 years, 40 metrics and 250 000 values).",
  })
  @Roles(...ACCESS.read)
  compare(@Args() args: CompareArgs, @Scope() scope: AgencyScope, @Info() info: GraphQLResolveInfo): Promise<ComparisonModel> {
    return this.analytics.compare(
      args.selection,
      args.years,
      args.metrics,
      scope,
      { values: asksFor(info, ['values']), evidence: asksFor(info, ['values', 'evidence']) },
      { sortMetric: args.sortMetric, sortYear: args.sortYear, sortDirection: args.sortDirection, take: args.take, skip: args.skip },
    );
  }

  @Query(() => [RollupValueModel], {
    description: `One metric of a selection rolled up per year, ascending (leaders' trend). ${ROLLUP_RULE}`,
  })
  @Roles(...ACCESS.read)
  timeSeries(@Args() args: TimeSeriesArgs, @Scope() scope: AgencyScope): Promise<RollupValueModel[]> {
    return this.analytics.timeSeries(args.selection, args.metric, args.fromYear, args.toYear, scope);
  }

  @Query(() => RankingPageModel, {
    description:
      'Agencies ranked by one metric of their current report for a year. Ties share a rank (1, 2, 2, 4); reports of one scope only (default self); values CONTRADICTED or UNCERTAIN are left out unless includeDoubtful; agencies without a report, without a value, with a doubtful value or a sample below minSample are left out and each counted.',
  })
  @Roles(...ACCESS.read)
  ranking(@Args() args: RankingArgs, @Scope() scope: AgencyScope): Promise<RankingPageModel> {
    return this.analytics.ranking(
      {
        ...args,
        ...paging(args),
        minSample: args.minSample ?? DEFAULT_MIN_SAMPLE,
        order: args.order ?? null,
        scopes: args.scopes ?? null,
        includeDoubtful: args.includeDoubtful ?? false,
      },
      scope,
    );
  }

  @Query(() => [BreakdownRowModel], {
    description:
      'How totals split into their parts (outcomes, withholding reasons, applicant types, review and litigation outcomes), per agency and year or combined.',
  })
  @Roles(...ACCESS.read)
  breakdown(@Args() args: BreakdownArgs, @Scope() scope: AgencyScope): Promise<BreakdownRowModel[]> {
    return this.analytics.breakdown(args.dimension, args.selection, args.years, args.combine ?? false, scope, args.topAgencies ?? null);
  }

  @Query(() => [RollupValueModel], {
    description: `Metrics of an agency's subtree (itself and every agency below it; null = every agency) per year. ${ROLLUP_RULE}`,
  })
  @Roles(...ACCESS.read)
  rollup(@Args() args: RollupArgs, @Scope() scope: AgencyScope): Promise<RollupValueModel[]> {
    return this.analytics.rollup(args.rootAgencyId, args.years, args.metrics, scope);
  }

  @Query(() => DataQualityModel, {
    description: 'Findings of the consistency checks in the current reports of a selection: per rule, and per agency and year.',
  })
  @Roles(...ACCESS.read)
  dataQuality(@Args() args: DataQualityArgs, @Scope() scope: AgencyScope): Promise<DataQualityModel> {
    return this.quality.dataQuality(args.selection, args.years, { rules: args.rules, severities: args.severities }, scope);
  }

  @Query(() => FindingPageModel, { description: 'Findings of current reports, one per row, with their agency, year and cells; paged.' })
  @Roles(...ACCESS.read)
  findings(@Args() args: FindingsArgs, @Scope() scope: AgencyScope): Promise<FindingPageModel> {
    return this.quality.findings(args.selection, args.years, { rules: args.rules, severities: args.severities }, paging(args), scope);
  }

  @Query(() => FindingConnectionModel, {
    description:
      'The list of `findings`, paged by cursor (first/after or last/before, at most 100 per page); a cursor not given by this list is refused with reason INVALID_CURSOR.',
  })
  @Roles(...ACCESS.read)
  findingsConnection(@Args() args: FindingsConnectionArgs, @Scope() scope: AgencyScope): Promise<FindingConnectionModel> {
    return this.quality.findingsConnection(args.selection, args.years, { rules: args.rules, severities: args.severities }, args, scope);
  }

  @Query(() => SubmissionConnectionModel, {
    description:
      'The list of `submissions`, paged by cursor (first/after or last/before, at most 100 per page); a cursor not given by this list is refused with reason INVALID_CURSOR.',
  })
  @Roles(...ACCESS.read)
  async submissionsConnection(@Args() args: SubmissionsConnectionArgs, @Context() ctx: GraphqlContext): Promise<SubmissionConnectionModel> {
    const all = await ctx.loaders.of(this.quality).all(args.years, args.selection);
    return sortedConnection(SUBMISSION_LIST, SUBMISSION_ORDER, onlyKinds(all, args.only), args);
  }

  @Query(() => [SubmissionModel], {
    description:
      'Which agency reported for which year: on time, late, missing, not yet due, or without a printed date; newest year first, then by agency name.',
  })
  @Roles(...ACCESS.read)
  async submissions(@Args() args: SubmissionsArgs, @Context() ctx: GraphqlContext): Promise<SubmissionModel[]> {
    return onlyKinds(await ctx.loaders.of(this.quality).all(args.years, args.selection), args.only);
  }

  @Query(() => [SubmissionYearSummaryModel], {
    description:
      'Per year asked (newest first): how many agencies of the selection are on time, late, missing … — the counts of `submissions` without its rows.',
  })
  @Roles(...ACCESS.read)
  submissionSummary(@Args() args: SubmissionYearsArgs, @Context() ctx: GraphqlContext): Promise<SubmissionYearSummaryModel[]> {
    return this.quality.submissionSummary(args.years, args.selection, ctx.loaders.of(this.quality));
  }

  @Query(() => SubmissionMatrixConnectionModel, {
    description:
      'The agency × year matrix of `submissions`, one row per agency, filtered and sorted on the server and paged by cursor (at most 100 agencies a page); a cursor of another order is refused with INVALID_CURSOR, a sortYear or filterYear outside `years` with YEAR_NOT_ASKED.',
  })
  @Roles(...ACCESS.read)
  submissionMatrix(@Args() args: SubmissionMatrixArgs, @Context() ctx: GraphqlContext): Promise<SubmissionMatrixConnectionModel> {
    return this.quality.submissionMatrix(
      args.years,
      args.selection,
      { filter: args.filter, filterYear: args.filterYear },
      { by: args.sortBy ?? undefined, year: args.sortYear ?? null, direction: args.sortDirection ?? undefined },
      args,
      ctx.loaders.of(this.quality),
    );
  }
}
