import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Template } from '@ogi/domain';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { paging } from '../../common/graphql/paging.args.js';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { ReportArgs } from './dto/report.args.js';
import { ReportsArgs, ReportsConnectionArgs } from './dto/reports.args.js';
import { DEFAULT_SEARCH_PAGE_SIZE, SearchReportsArgs } from './dto/search-reports.args.js';
import { CellModel } from './models/cell.model.js';
import { FindingModel } from './models/finding.model.js';
import { NarrativeFactModel } from './models/narrative-fact.model.js';
import { ReportMetricModel } from './models/report-metric.model.js';
import { ApplicationRowModel, DisclosureRowModel, ReviewRowModel } from './models/report-tables.model.js';
import { ReportConnectionModel, ReportModel, ReportPageModel } from './models/report.model.js';
import { SearchPageModel } from './models/search.model.js';
import { applicationRows, disclosureRows, indexCells, orderedCells, reviewRows } from './report-tables.js';
import { ReportsService } from './reports.service.js';

@Resolver(() => ReportModel)
export class ReportsResolver {
  constructor(private readonly reportService: ReportsService) {}

  @Query(() => ReportPageModel, { description: 'Current report versions, newest year first; optionally of one agency or year.' })
  @Roles(...ACCESS.read)
  reports(@Args() args: ReportsArgs, @Scope() scope: AgencyScope): Promise<ReportPageModel> {
    const { take, skip } = paging(args);
    return this.reportService.findPage(scope, { agencyId: args.agencyId, year: args.year }, take, skip);
  }

  @Query(() => ReportConnectionModel, {
    description:
      'The list of `reports`, paged by cursor (first/after or last/before, at most 100 per page): no report is skipped or repeated when reports are added while paging. A cursor not given by this list is refused with reason INVALID_CURSOR.',
  })
  @Roles(...ACCESS.read)
  reportsConnection(@Args() args: ReportsConnectionArgs, @Scope() scope: AgencyScope): Promise<ReportConnectionModel> {
    return this.reportService.connection(scope, { agencyId: args.agencyId, year: args.year }, args);
  }

  @Query(() => ReportModel, { nullable: true, description: 'One report version. An unknown id is an error with code NOT_FOUND.' })
  @Roles(...ACCESS.read)
  report(@Args() args: ReportArgs, @Scope() scope: AgencyScope): Promise<ReportModel> {
    return this.reportService.getById(args.id, scope);
  }

  @Query(() => SearchPageModel, {
    description: 'Current reports whose text contains the words (case-insensitive), with a snippet around the first occurrence.',
  })
  @Roles(...ACCESS.read)
  searchReports(@Args() args: SearchReportsArgs, @Scope() scope: AgencyScope): Promise<SearchPageModel> {
    return this.reportService.search(args.query, args.take ?? DEFAULT_SEARCH_PAGE_SIZE, args.skip ?? 0, scope);
  }

  @ResolveField('text', () => String, { description: 'The normalised text of the document; cell and sentence offsets point into it.' })
  text(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<string> {
    return ctx.loaders.of(this.reportService).text.load(Number(report.id));
  }

  @ResolveField('activeDisclosure', () => [DisclosureRowModel], { description: 'Section 二 (主动公开政府信息情况), in printed order.' })
  async activeDisclosure(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<DisclosureRowModel[]> {
    return disclosureRows(report.template as Template, indexCells(await this.cellsOf(report, ctx)));
  }

  @ResolveField('applications', () => [ApplicationRowModel], { description: 'Section 三 (政府信息公开申请), rows in printed order.' })
  async applications(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<ApplicationRowModel[]> {
    return applicationRows(report.template as Template, indexCells(await this.cellsOf(report, ctx)));
  }

  @ResolveField('reviewLitigation', () => [ReviewRowModel], { description: 'Section 四 (行政复议、行政诉讼): three groups.' })
  async reviewLitigation(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<ReviewRowModel[]> {
    return reviewRows(indexCells(await this.cellsOf(report, ctx)));
  }

  @ResolveField('cells', () => [CellModel], { description: 'Every table cell, in printed order.' })
  async cells(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<CellModel[]> {
    return orderedCells(report.template as Template, await this.cellsOf(report, ctx));
  }

  @ResolveField('findings', () => [FindingModel], { description: 'What the consistency checks noticed.' })
  findings(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<FindingModel[]> {
    return ctx.loaders.of(this.reportService).findings.load(Number(report.id));
  }

  @ResolveField('narrative', () => [NarrativeFactModel], { description: 'Numbers the text states, in text order.' })
  narrative(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<NarrativeFactModel[]> {
    return ctx.loaders.of(this.reportService).narrative.load(Number(report.id));
  }

  @ResolveField('metrics', () => [ReportMetricModel], { description: 'The metrics of the dictionary that apply to its format.' })
  metrics(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<ReportMetricModel[]> {
    return ctx.loaders.of(this.reportService).metrics.load(Number(report.id));
  }

  @ResolveField('versions', () => [ReportModel], { description: 'Every version of this agency and year, newest first.' })
  versions(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<ReportModel[]> {
    return ctx.loaders.of(this.reportService).versions.load({ agencyId: report.agencyId, year: report.year });
  }

  private cellsOf(report: ReportModel, ctx: GraphqlContext): Promise<CellModel[]> {
    return ctx.loaders.of(this.reportService).cells.load(Number(report.id));
  }
}
