import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { AgencyModel } from '../agencies/models/agency.model.js';
import { ReportModel } from './models/report.model.js';
import { ReportsService } from './reports.service.js';

/** The reports domain's field on Agency. */
@Resolver(() => AgencyModel)
export class AgencyReportsResolver {
  constructor(private readonly reportService: ReportsService) {}

  @ResolveField('reports', () => [ReportModel], { description: "The agency's current reports, newest year first." })
  reportsOf(@Parent() agency: AgencyModel, @Context() ctx: GraphqlContext): Promise<ReportModel[]> {
    return ctx.loaders.of(this.reportService).currentByAgency.load(Number(agency.id));
  }
}
