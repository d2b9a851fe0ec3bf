import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { ReportModel } from '../reports/models/report.model.js';
import { CollectService } from './collect.service.js';

/** The collect domain's field on Report. */
@Resolver(() => ReportModel)
export class ReportSourceResolver {
  constructor(private readonly collector: CollectService) {}

  @ResolveField('sourceUrl', () => String, {
    nullable: true,
    description: 'The web address this report was fetched from (the page, for a report attached to a page); null when it was uploaded.',
  })
  sourceUrl(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<string | null> {
    return ctx.loaders.of(this.collector).sourceUrl.load(Number(report.id));
  }
}
