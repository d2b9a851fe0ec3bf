import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@ogi/database';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import { RequestActor } from '../../common/access/actor.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { toId } from '../../common/graphql/ids.js';
import { paging } from '../../common/graphql/paging.args.js';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import { AgencyModel } from '../agencies/models/agency.model.js';
import { toBatchModel } from '../ingest/ingest.resolver.js';
import { IngestService } from '../ingest/ingest.service.js';
import { IngestBatchModel } from '../ingest/models/ingest-batch.model.js';
import { AgencySourcesService, toListingCheckModel } from './agency-sources.service.js';
import type { CollectOutcome } from './collect-outcome.js';
import { CollectService, type FetchedUrlRow } from './collect.service.js';
import { FetchedUrlsArgs } from './dto/fetched-urls.args.js';
import { FetchedUrlModel, FetchedUrlPageModel } from './models/fetched-url.model.js';
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

function toFetchedUrlModel(r: FetchedUrlRow): FetchedUrlModel {
  return {
    url: r.url,
    kind: r.kind,
    status: r.status,
    reportId: r.report_id === null ? null : toId(r.report_id),
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    foundOn: r.found_on,
    linkText: r.link_text,
    linkYear: r.link_year,
    attachmentUrl: r.attachment_url,
    finalUrl: r.final_url,
    byteSize: r.byte_size,
    fetchedBy: r.fetched_by,
    firstFetchedAt: new Date(r.first_fetched_at).toISOString(),
    lastFetchedAt: new Date(r.last_fetched_at).toISOString(),
  };
}

@Resolver(() => ListingCheckModel)
export class CollectResolver {
  constructor(
    private readonly collector: CollectService,
    private readonly listingChecks: ListingCheckService,
    private readonly sources: AgencySourcesService,
    private readonly agencies: AgenciesService,
    private readonly ingest: IngestService,
  ) {}

  @Mutation(() => [CollectResultModel], {
    description:
      'Fetches report pages, report files or listing pages from agencies’ sites and imports the reports found (same content stored once; a changed report becomes a new version). One result per address, a listing followed by its links. The run is recorded as an import batch of origin `url` (see `ingestBatches`), one item per report page, file or attachment.',
  })
  @Roles(...ACCESS.ingest)
  async collectReports(@Args() args: CollectReportsArgs, @RequestActor() actor: Actor): Promise<CollectResultModel[]> {
    // The actor carries a department user's agency: a fetched report of another agency is refused, as an upload is.
    return (await this.collector.collect(args.urls, { actor, recordBatch: true })).map(toCollectResult);
  }

  @Mutation(() => IngestBatchModel, {
    description:
      'Like `collectReports`, in the background: answers at once with the import batch (origin `url`) the run is recorded as; its items appear as the addresses are answered — poll `ingestBatch` until its status is done.',
  })
  @Roles(...ACCESS.ingest)
  async startCollectReports(@Args() args: CollectReportsArgs, @RequestActor() actor: Actor): Promise<IngestBatchModel> {
    const batchId = await this.collector.start(args.urls, actor);
    return toBatchModel((await this.ingest.batches.summary(batchId))!);
  }

  @Query(() => FetchedUrlPageModel, { description: 'The addresses fetched from agencies’ sites and what came of each, most recent first.' })
  @Roles(...ACCESS.ingest)
  async fetchedUrls(@Args() args: FetchedUrlsArgs, @Scope() scope: AgencyScope): Promise<FetchedUrlPageModel> {
    const { take, skip } = paging(args);
    const page = await this.collector.history(scope, args.status ?? null, take, skip);
    return { items: page.items.map(toFetchedUrlModel), total: page.total };
  }

  @Mutation(() => [ListingCheckModel], {
    description:
      "Checks agencies' listing pages now (as the scheduled poll does): imports the annual reports they list and records, per agency, what was found for the data year.",
  })
  @Roles(...ACCESS.edit)
  async checkListings(@Args() args: CheckListingsArgs, @Scope() scope: AgencyScope, @RequestActor() actor: Actor): Promise<ListingCheckModel[]> {
    const records = await this.listingChecks.checkListings(scope, { year: args.year ?? null, agencyIds: args.agencyIds?.map(Number) ?? null, actor });
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
        checked_by: r.checkedBy,
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
