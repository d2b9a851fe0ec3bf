import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@ogi/database';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import { RequestActor } from '../../common/access/actor.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { IngestService } from '../ingest/ingest.service.js';
import { ReportsService } from '../reports/reports.service.js';
import { ReparseReportArgs, ReportDiffArgs } from './dto/report-diff.args.js';
import { ReparseResultModel, ReportDiffModel } from './models/report-diff.model.js';
import { VersionsService } from './versions.service.js';

@Resolver()
export class VersionsResolver {
  constructor(
    private readonly versions: VersionsService,
    private readonly ingest: IngestService,
    private readonly reports: ReportsService,
  ) {}

  @Query(() => ReportDiffModel, {
    description:
      "What changed between two versions of one agency's report for one year: properties and cells. Versions of different reports: BAD_USER_INPUT (REPORTS_NOT_COMPARABLE).",
  })
  @Roles(...ACCESS.read)
  reportDiff(@Args() args: ReportDiffArgs, @Scope() scope: AgencyScope): Promise<ReportDiffModel> {
    return this.versions.diff(args.fromId, args.toId, scope);
  }

  @Mutation(() => ReparseResultModel, {
    description:
      "Reads a stored report again from its stored file with the current parser (admins; `pnpm reparse` does the same from the command line). The new reading replaces the old one in place (same version); editors' corrections are applied again where the cell is printed the same and flagged CORRECTION_STALE where not; audited.",
  })
  @Roles(...ACCESS.admin)
  async reparseReport(@Args() args: ReparseReportArgs, @RequestActor() actor: Actor, @Scope() scope: AgencyScope): Promise<ReparseResultModel> {
    await this.reports.getById(args.id, scope);
    const r = await this.ingest.reparse(Number(args.id), actor);
    const report = await this.reports.getById(args.id, scope);
    return r.status === 'failed'
      ? {
          reportId: args.id,
          status: r.status,
          parserBefore: null,
          parserAfter: null,
          changedCells: 0,
          correctionsReapplied: 0,
          correctionsStale: 0,
          errorCode: r.error.code,
          errorMessage: r.error.message,
          report,
        }
      : {
          reportId: args.id,
          status: r.status,
          parserBefore: r.parserBefore,
          parserAfter: r.parserAfter,
          changedCells: r.changedCells,
          correctionsReapplied: r.correctionsReapplied,
          correctionsStale: r.correctionsStale,
          errorCode: null,
          errorMessage: null,
          report,
        };
  }
}
