import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@ogi/database';
import { correctCell, withdrawCorrection } from '@ogi/write-model/corrections';
import { DataSource } from 'typeorm';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import { RequestActor } from '../../common/access/actor.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { paging } from '../../common/graphql/paging.args.js';
import { ReportsService } from '../reports/reports.service.js';
import { CorrectionsService, toCorrectionModel } from './corrections.service.js';
import { AuditLogArgs, AuditLogConnectionArgs } from './dto/audit-log.args.js';
import { CorrectCellArgs, WithdrawCorrectionArgs } from './dto/correct-cell.args.js';
import { AuditEntryConnectionModel, AuditLogPageModel } from './models/audit-entry.model.js';
import { CellCorrectionPayloadModel } from './models/cell-correction.model.js';

@Resolver()
export class CorrectionsResolver {
  constructor(
    private readonly corrections: CorrectionsService,
    private readonly reports: ReportsService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => CellCorrectionPayloadModel, {
    description:
      "Corrects a misread cell (editors): the cell shows the value given, keeps what the parser read, and the report's findings, metrics and the neighbouring years' carry checks are recomputed at once; the change goes to the audit log. Errors: NOT_FOUND (report or cell), BAD_USER_INPUT (INVALID_CELL_VALUE, INVALID_REASON, VALUE_UNCHANGED).",
  })
  @Roles(...ACCESS.edit)
  async correctCell(@Args() args: CorrectCellArgs, @RequestActor() actor: Actor, @Scope() scope: AgencyScope): Promise<CellCorrectionPayloadModel> {
    const reportId = Number(args.reportId);
    await this.reports.getById(args.reportId, scope); // outside the scope the report does not exist
    const correction = toCorrectionModel(
      await correctCell(this.dataSource, { reportId, path: args.path, value: args.value ?? null, reason: args.reason, actor }),
    );
    return { correction, report: await this.reports.getById(args.reportId, scope) };
  }

  @Mutation(() => CellCorrectionPayloadModel, {
    description: 'Withdraws the correction in force on a cell (editors): it shows what the parser read again; findings and metrics are recomputed; audited.',
  })
  @Roles(...ACCESS.edit)
  async withdrawCellCorrection(
    @Args() args: WithdrawCorrectionArgs,
    @RequestActor() actor: Actor,
    @Scope() scope: AgencyScope,
  ): Promise<CellCorrectionPayloadModel> {
    await this.reports.getById(args.reportId, scope);
    const correction = toCorrectionModel(
      await withdrawCorrection(this.dataSource, { reportId: Number(args.reportId), path: args.path, reason: args.reason, actor }),
    );
    return { correction, report: await this.reports.getById(args.reportId, scope) };
  }

  @Query(() => AuditLogPageModel, { description: "The audit log, newest first (editors and admins); one report version's entries when `reportId` is given." })
  @Roles(...ACCESS.edit)
  auditLog(@Args() args: AuditLogArgs, @Scope() scope: AgencyScope): Promise<AuditLogPageModel> {
    const { take, skip } = paging(args);
    return this.corrections.auditLog(scope, args.reportId ? Number(args.reportId) : null, take, skip);
  }

  @Query(() => AuditEntryConnectionModel, {
    description:
      'The `auditLog`, newest first, paged by cursor (first/after or last/before, at most 100 per page; editors and admins): entries appended while paging never shift a page. A cursor not given by this list is refused with reason INVALID_CURSOR.',
  })
  @Roles(...ACCESS.edit)
  auditLogConnection(@Args() args: AuditLogConnectionArgs, @Scope() scope: AgencyScope): Promise<AuditEntryConnectionModel> {
    return this.corrections.auditLogConnection(scope, args.reportId ? Number(args.reportId) : null, args);
  }
}
