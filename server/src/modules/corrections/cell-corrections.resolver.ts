import { Context, Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { CellModel } from '../reports/models/cell.model.js';
import { ReportModel } from '../reports/models/report.model.js';
import { CorrectionsService } from './corrections.service.js';
import { CellCorrectionModel } from './models/cell-correction.model.js';

/** The corrections domain's fields on Cell and Report. */
@Resolver(() => CellModel)
export class CellCorrectionFieldsResolver {
  constructor(private readonly corrections: CorrectionsService) {}

  private async activeOf(cell: CellModel, ctx: GraphqlContext): Promise<CellCorrectionModel | null> {
    const all = await ctx.loaders.of(this.corrections).byReport.load(cell.reportId);
    return all.find((c) => c.path === cell.path && c.status === 'active') ?? null;
  }

  @ResolveField('corrected', () => Boolean, { description: "Whether an editor's correction is in force on this cell (`value` is then the corrected value)." })
  async corrected(@Parent() cell: CellModel, @Context() ctx: GraphqlContext): Promise<boolean> {
    return (await this.activeOf(cell, ctx)) !== null;
  }

  @ResolveField('originalValue', () => Float, { nullable: true, description: 'The value the parser read, when a correction is in force; null otherwise.' })
  async originalValue(@Parent() cell: CellModel, @Context() ctx: GraphqlContext): Promise<number | null> {
    return (await this.activeOf(cell, ctx))?.originalValue ?? null;
  }

  @ResolveField('correction', () => CellCorrectionModel, {
    nullable: true,
    description: 'The correction in force on this cell: value, reason, by whom and when.',
  })
  correction(@Parent() cell: CellModel, @Context() ctx: GraphqlContext): Promise<CellCorrectionModel | null> {
    return this.activeOf(cell, ctx);
  }
}

@Resolver(() => ReportModel)
export class ReportCorrectionsResolver {
  constructor(private readonly corrections: CorrectionsService) {}

  @ResolveField('corrections', () => [CellCorrectionModel], {
    description: "Every correction of this version's cells, oldest first, whatever its status (active, stale, superseded, withdrawn).",
  })
  correctionsOf(@Parent() report: ReportModel, @Context() ctx: GraphqlContext): Promise<CellCorrectionModel[]> {
    return ctx.loaders.of(this.corrections).byReport.load(Number(report.id));
  }
}
