import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { ReportModel } from '../reports/models/report.model.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyModel } from './models/agency.model.js';

/** The agencies domain's field on Report. */
@Resolver(() => ReportModel)
export class ReportAgencyResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @ResolveField('agency', () => AgencyModel, { description: 'The agency that issued the report.' })
  async agency(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<AgencyModel> {
    const agency = await ctx.loaders.of(this.agencyService).byId.load(report.agencyId);
    if (!agency) throw new Error(`report ${report.id} refers to missing agency ${report.agencyId}`);
    return agency;
  }
}
