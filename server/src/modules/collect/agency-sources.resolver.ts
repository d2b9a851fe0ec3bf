import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { AgencyModel } from '../agencies/models/agency.model.js';
import { AgencySourcesService } from './agency-sources.service.js';
import { ListingChecksArgs } from './dto/check-listings.args.js';
import { AgencyReportUrlModel, ListingCheckModel } from './models/listing-check.model.js';

/** The collect domain's fields on Agency. */
@Resolver(() => AgencyModel)
export class AgencySourcesResolver {
  constructor(private readonly sources: AgencySourcesService) {}

  @ResolveField('reportUrls', () => [AgencyReportUrlModel], { description: "Known addresses of the agency's reports, by data year (newest first)." })
  reportUrls(@Parent() agency: AgencyModel, @Context() ctx: GraphqlContext): Promise<AgencyReportUrlModel[]> {
    return ctx.loaders.of(this.sources).reportUrls.load(Number(agency.id));
  }

  @ResolveField('listingChecks', () => [ListingCheckModel], { description: "The latest checks of the agency's listing page, newest first." })
  listingChecks(@Parent() agency: AgencyModel, @Args() args: ListingChecksArgs, @Context() ctx: GraphqlContext): Promise<ListingCheckModel[]> {
    return ctx.loaders.of(this.sources).latestChecks.load({ agencyId: Number(agency.id), year: args.year ?? null, take: args.take ?? 10 });
  }
}
