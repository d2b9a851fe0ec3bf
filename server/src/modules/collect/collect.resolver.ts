import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { toId } from '../../common/graphql/ids.js';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import { AgencyModel } from '../agencies/models/agency.model.js';
import { AgencySourcesService, toListingCheckModel } from './agency-sources.service.js';
import type { CollectOutcome } from './collect-outcome.js';
import { CollectService } from './collect.service.js';
import { CheckListingsArgs } from './dto/check-listings.args.js';
import { CollectReportsArgs } from './dto/collect-reports.args.js';
import { SetAgencyReportUrlInput } from './dto/set-agency-report-url.input.js';
import { ListingCheckService } from './listing-check.service.js';
import { CollectResultModel } from './models/collect-result.model.js';
import { ListingCheckModel } from './models/listing-check.model.js';

export function toCollectResult(o: CollectOutcome): CollectResultModel {
  return {
    url: o.url,
    status: o.status,
    reportId: o.report ? toId(o.report.reportId) : null,
    fileName: o.fileName,
    error: o.error,
    agencyName: o.report?.agencyName ?? null,
    year: o.report?.year ?? null,
    version: o.report?.version ?? null,
    foundOn: o.foundOn,
    attachmentUrl: o.attachmentUrl,
  };
}

@Resolver(() => ListingCheckModel)
export class CollectResolver {
  constructor(
    private readonly collector: CollectService,
    private readonly listingChecks: ListingCheckService,
    private readonly sources: AgencySourcesService,
    private readonly agencies: AgenciesService,
  ) {}

  @Mutation(() => [CollectResultModel], {
    description:
      'Fetches report pages, report files or listing pages from agencies’ sites and imports the reports found (same content stored once; a changed report becomes a new version). One result per address, a listing followed by its links.',
  })
  @Roles(...ACCESS.ingest)
  async collectReports(@Args() args: CollectReportsArgs): Promise<CollectResultModel[]> {
    return (await this.collector.collect(args.urls)).map(toCollectResult);
  }

  @Mutation(() => [ListingCheckModel], {
    description:
      "Checks agencies' listing pages now (as the scheduled poll does): imports the annual reports they list and records, per agency, what was found for the data year.",
  })
  @Roles(...ACCESS.edit)
  async checkListings(@Args() args: CheckListingsArgs, @Scope() scope: AgencyScope): Promise<ListingCheckModel[]> {
    const records = await this.listingChecks.checkListings(scope, { year: args.year ?? null, agencyIds: args.agencyIds?.map(Number) ?? null });
    return records.map((r) =>
      toListingCheckModel({
        id: r.id,
        agency_id: r.agencyId,
        year: r.year,
        checked_at: r.checkedAt,
        outcome: r.outcome,
        listing_url: r.listingUrl,
        found_url: r.foundUrl,
        report_id: r.reportId,
        error_code: r.errorCode,
        detail: r.detail,
      }),
    );
  }

  @Mutation(() => AgencyModel, { description: "Sets, or with url null removes, the address of an agency's report for one data year." })
  @Roles(...ACCESS.edit)
  setAgencyReportUrl(
    @Args('input', { description: 'The agency, the year and the address.' }) input: SetAgencyReportUrlInput,
    @Scope() scope: AgencyScope,
  ): Promise<AgencyModel> {
    return this.sources.setReportUrl(scope, input.agencyId, input.year, input.url);
  }

  @ResolveField('agency', () => AgencyModel, { description: 'The agency whose listing page was checked.' })
  async agency(@Parent() check: ListingCheckModel, @Context() ctx: GraphqlContext): Promise<AgencyModel> {
    const agency = await ctx.loaders.of(this.agencies).byId.load(check.agencyId);
    if (!agency) throw new Error(`listing check ${check.id} refers to missing agency ${check.agencyId}`);
    return agency;
  }
}
