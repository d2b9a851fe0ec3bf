import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { SubmissionModel } from '../analytics/models/submission.model.js';
import { AgencySourcesService, type Discovery } from './agency-sources.service.js';

/** The collect domain's fields on Submission: what the agency's listing page shows for the year. */
@Resolver(() => SubmissionModel)
export class SubmissionDiscoveryResolver {
  constructor(private readonly sources: AgencySourcesService) {}

  private load(submission: SubmissionModel, ctx: GraphqlContext): Promise<Discovery> {
    return ctx.loaders.of(this.sources).discovery.load({ agencyId: Number(submission.agency.id), year: submission.year });
  }

  @ResolveField('discovery', () => String, {
    description:
      "What the agency's site shows for the year: IMPORTED (the report is in the database) | PUBLISHED_NOT_IMPORTED (the listing links a report for the year that could not be imported: see discoveryDetail) | NOT_FOUND (the listing page has no report of the agency for the year) | FAILED (the listing page could not be read) | NOT_CHECKED.",
  })
  async discovery(@Parent() submission: SubmissionModel, @Context() ctx: GraphqlContext): Promise<string> {
    return (await this.load(submission, ctx)).state;
  }

  @ResolveField('discoveredUrl', () => String, {
    nullable: true,
    description: "The address of the year's report on the agency's site: where the last check found it, or where the imported report was fetched from.",
  })
  async discoveredUrl(@Parent() submission: SubmissionModel, @Context() ctx: GraphqlContext): Promise<string | null> {
    return (await this.load(submission, ctx)).url;
  }

  @ResolveField('discoveryDetail', () => String, { nullable: true, description: 'What the last check of the listing page found, or why it failed, for a clerk.' })
  async discoveryDetail(@Parent() submission: SubmissionModel, @Context() ctx: GraphqlContext): Promise<string | null> {
    return (await this.load(submission, ctx)).detail;
  }

  @ResolveField('discoveryCheckedAt', () => String, { nullable: true, description: 'When the listing page was last checked for the year (ISO 8601).' })
  async discoveryCheckedAt(@Parent() submission: SubmissionModel, @Context() ctx: GraphqlContext): Promise<string | null> {
    const at = (await this.load(submission, ctx)).checkedAt;
    return at ? new Date(at).toISOString() : null;
  }
}
