/**
 * The follow-up list (督办): built for a year and a selection of agencies from what the data says — missing and
 * late reports, reports whose tables do not add up, red colours and notable changes — one item per agency, year
 * and reason, with the evidence in words. Editors move items through 待提醒 → 已提醒 → 已整改 (or 豁免) and keep
 * notes; a department user sees and answers its own agency's items. Items about a missing or contradicted report
 * are resolved by the ingest path when a newer version passes its checks (@ogi/write-model). Every change is audited.
 */
import { Injectable } from '@nestjs/common';
import { appendAudit, type Actor } from '@ogi/database';
import { mayAccess, type FollowUpReason, type FollowUpStatus, type Role } from '@ogi/domain';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { scopeConditionAt } from '../../common/access/agency-scope.js';
import { toId } from '../../common/graphql/ids.js';
import { AGENCY_COLUMNS, agencyFromColumns, type AgencyColumns } from '../analytics/analytics.service.js';
import type { SubmissionModel } from '../analytics/models/submission.model.js';
import { QualityService } from '../analytics/quality.service.js';
import { BriefingException } from './briefing.exception.js';
import { ContactsService } from './contacts.service.js';
import { LeagueService } from './league.service.js';
import type { FollowUpItemModel, FollowUpPageModel, FollowUpRefreshModel } from './models/follow-up.model.js';
import type { LeagueTableModel, NotableChangeModel } from './models/league-table.model.js';

/** Failing checks quoted as evidence per report (the rest are counted). */
const QUOTED_FINDINGS = 5;

export interface FollowUpProblem {
  agencyId: number;
  reason: FollowUpReason;
  reportId: number | null;
  detailZh: string;
  detailEn: string;
}

interface ItemRow extends AgencyColumns {
  id: number;
  year: number;
  reason: FollowUpReason;
  report_id: number | null;
  detail_zh: string;
  detail_en: string;
  status: FollowUpStatus;
  notes: string;
  answer: string | null;
  resolved_by_report_id: number | null;
  updated_at: Date;
}

@Injectable()
export class FollowUpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly quality: QualityService,
    private readonly league: LeagueService,
    private readonly contacts: ContactsService,
  ) {}

  /** What the data says each selected agency should be chased about for the year (not stored). */
  async problems(
    year: number,
    agencyIds: readonly number[],
    scope: AgencyScope,
    known: { submissions?: SubmissionModel[]; leagues?: LeagueTableModel[]; notableChanges?: NotableChangeModel[] } = {},
  ): Promise<FollowUpProblem[]> {
    const subs = known.submissions ?? (await this.quality.submissions([year], { agencyIds: agencyIds.map(toId) }, scope));
    const out: FollowUpProblem[] = [];
    const contradicted: SubmissionModel[] = [];
    for (const s of subs) {
      const agencyId = Number(s.agency.id);
      const reportId = s.reportId === null ? null : Number(s.reportId);
      if (s.status === 'MISSING') {
        out.push({
          agencyId,
          reason: 'missing',
          reportId: null,
          detailZh: `${year} 年度报告未发布：法定期限为 ${s.deadline}，至今未收到。`,
          detailEn: `No ${year} report: the legal deadline was ${s.deadline} and none has been received.`,
        });
      } else if (s.status === 'LATE') {
        out.push({
          agencyId,
          reason: 'late',
          reportId,
          detailZh: `${year} 年度报告于 ${s.publishedOn} 发布，晚于法定期限 ${s.deadline} 共 ${s.daysLate} 天。`,
          detailEn: `The ${year} report was published on ${s.publishedOn}, ${s.daysLate} days after the legal deadline ${s.deadline}.`,
        });
      }
      if (s.failingChecks > 0 && reportId !== null) contradicted.push(s);
    }
    if (contradicted.length) {
      const findings = await this.dataSource.query<{ report_id: number; message_zh: string; message_en: string; n: number }[]>(
        `SELECT report_id, message_zh, message_en, row_number() OVER (PARTITION BY report_id ORDER BY id)::int AS n
           FROM report_finding WHERE report_id = ANY($1::int[]) AND status = 'failed' AND severity = 'error' ORDER BY report_id, id`,
        [contradicted.map((s) => Number(s.reportId))],
      );
      const clause = (m: string) => m.replace(/[。.]\s*$/, '');
      const byReport = new Map<number, typeof findings>();
      for (const f of findings) {
        const list = byReport.get(f.report_id);
        if (list) list.push(f);
        else byReport.set(f.report_id, [f]);
      }
      for (const s of contradicted) {
        const mine = byReport.get(Number(s.reportId)) ?? [];
        const quoted = mine.filter((f) => f.n <= QUOTED_FINDINGS);
        const more = mine.length - quoted.length;
        out.push({
          agencyId: Number(s.agency.id),
          reason: 'contradicted',
          reportId: Number(s.reportId),
          detailZh: `表格数据不能自洽（${mine.length} 处勾稽关系不成立）：${quoted.map((f) => clause(f.message_zh)).join('；')}${more > 0 ? `；另有 ${more} 处` : ''}。`,
          detailEn: `The tables do not add up (${mine.length} failing checks): ${quoted.map((f) => clause(f.message_en)).join('; ')}${more > 0 ? `; ${more} more` : ''}.`,
        });
      }
    }
    // Flagged: a red colour under any threshold in force, and notable changes.
    const flags = new Map<number, { reportId: number; zh: string[]; en: string[] }>();
    const flag = (agencyId: number, reportId: number, zh: string, en: string) => {
      const f = flags.get(agencyId) ?? { reportId, zh: [], en: [] };
      f.zh.push(zh);
      f.en.push(en);
      flags.set(agencyId, f);
    };
    const watched =
      known.leagues && known.notableChanges ? { leagues: known.leagues, notableChanges: known.notableChanges } : await this.league.watch(year, agencyIds);
    const { leagues, notableChanges } = watched;
    for (const table of leagues) {
      for (const r of table.rows.filter((x) => x.colour === 'red')) {
        flag(Number(r.agency.id), Number(r.reportId), `${table.metricNameZh}红色：${r.reasonZh}`, `${table.metricNameEn} red: ${r.reasonEn}`);
      }
    }
    for (const c of notableChanges) flag(Number(c.agency.id), Number(c.reportId), c.messageZh, c.messageEn);
    for (const [agencyId, f] of flags) {
      out.push({ agencyId, reason: 'flagged', reportId: f.reportId, detailZh: `${f.zh.join('；')}。`, detailEn: `${f.en.join('; ')}.` });
    }
    return out;
  }

  /** Builds (or brings up to date) the year's items for the selected agencies; resolved and exempt items stay as they are. */
  async refresh(year: number, agencyIds: readonly number[], scope: AgencyScope): Promise<FollowUpRefreshModel> {
    const problems = await this.problems(year, agencyIds, scope);
    const rows = await this.dataSource.query<{ inserted: boolean }[]>(
      `INSERT INTO follow_up_item (agency_id, year, reason, report_id, detail_zh, detail_en)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[])
       ON CONFLICT (year, agency_id, reason) DO UPDATE
         SET report_id = EXCLUDED.report_id, detail_zh = EXCLUDED.detail_zh, detail_en = EXCLUDED.detail_en, updated_at = now()
         WHERE follow_up_item.status IN ('pending', 'reminded')
           AND (follow_up_item.detail_zh, follow_up_item.report_id) IS DISTINCT FROM (EXCLUDED.detail_zh, EXCLUDED.report_id)
       RETURNING (xmax = 0) AS inserted`,
      [
        problems.map((p) => p.agencyId),
        problems.map(() => year),
        problems.map((p) => p.reason),
        problems.map((p) => p.reportId),
        problems.map((p) => p.detailZh),
        problems.map((p) => p.detailEn),
      ],
    );
    const [open] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM follow_up_item WHERE year = $1 AND agency_id = ANY($2::int[]) AND status IN ('pending', 'reminded')`,
      [year, [...agencyIds]],
    );
    const created = rows.filter((r) => r.inserted).length;
    return { created, updated: rows.length - created, open: open?.n ?? 0 };
  }

  async list(
    filter: { year?: number | null; statuses?: readonly string[] | null; reasons?: readonly string[] | null; agencyId?: number | null },
    page: { take: number; skip: number },
    scope: AgencyScope,
    role: Role | null,
  ): Promise<FollowUpPageModel> {
    const params: unknown[] = [];
    const where = [scopeConditionAt(scope, 'i.agency_id', params)];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.year != null) add((p) => `i.year = ${p}`, filter.year);
    if (filter.statuses?.length) add((p) => `i.status = ANY(${p}::text[])`, filter.statuses);
    if (filter.reasons?.length) add((p) => `i.reason = ANY(${p}::text[])`, filter.reasons);
    if (filter.agencyId != null) add((p) => `i.agency_id = ${p}`, filter.agencyId);
    const condition = where.join(' AND ');
    const rows = await this.dataSource.query<ItemRow[]>(
      `SELECT i.*, ${AGENCY_COLUMNS} FROM follow_up_item i JOIN agency a ON a.id = i.agency_id
        WHERE ${condition}
        ORDER BY i.year DESC, CASE i.status WHEN 'pending' THEN 0 WHEN 'reminded' THEN 1 WHEN 'resolved' THEN 2 ELSE 3 END,
                 a.name, a.id, CASE i.reason WHEN 'missing' THEN 0 WHEN 'contradicted' THEN 1 WHEN 'late' THEN 2 ELSE 3 END
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.take, page.skip],
    );
    const [count] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM follow_up_item i WHERE ${condition}`, params);
    const contacts = mayAccess(role, 'edit') ? new Map((await this.contacts.of([...new Set(rows.map((r) => r.agency_id))])).map((c) => [c.agencyId, c])) : null;
    return { items: rows.map((r) => this.toModel(r, contacts)), total: count?.n ?? 0 };
  }

  private toModel(r: ItemRow, contacts: Map<string, FollowUpItemModel['contact'] & object> | null): FollowUpItemModel {
    return {
      id: toId(r.id),
      agency: agencyFromColumns(r),
      year: r.year,
      reason: r.reason,
      detailZh: r.detail_zh,
      detailEn: r.detail_en,
      status: r.status,
      notes: r.notes,
      answer: r.answer,
      reportId: r.report_id === null ? null : toId(r.report_id),
      resolvedByReportId: r.resolved_by_report_id === null ? null : toId(r.resolved_by_report_id),
      updatedAt: r.updated_at.toISOString(),
      contact: contacts?.get(toId(r.agency_id)) ?? null,
    };
  }

  /** An editor's change of status and/or notes; refused when it changes nothing. */
  update(
    id: number,
    change: { status?: FollowUpStatus | null; notes?: string | null },
    actor: Actor,
    scope: AgencyScope,
    role: Role | null,
  ): Promise<FollowUpItemModel> {
    return this.change(id, actor, scope, role, (before) => ({
      status: change.status ?? before.status,
      notes: change.notes ?? before.notes,
      answer: before.answer,
    }));
  }

  /** A department's answer (or an editor's record of one). */
  answer(id: number, answer: string, actor: Actor, scope: AgencyScope, role: Role | null): Promise<FollowUpItemModel> {
    return this.change(id, actor, scope, role, (before) => ({ status: before.status, notes: before.notes, answer: answer.trim() || null }));
  }

  private async change(
    id: number,
    actor: Actor,
    scope: AgencyScope,
    role: Role | null,
    next: (before: ItemRow) => { status: FollowUpStatus; notes: string; answer: string | null },
  ): Promise<FollowUpItemModel> {
    return this.dataSource.transaction(async (m) => {
      const params: unknown[] = [id];
      const [before] = (await m.query(
        `SELECT i.*, ${AGENCY_COLUMNS} FROM follow_up_item i JOIN agency a ON a.id = i.agency_id
          WHERE i.id = $1 AND ${scopeConditionAt(scope, 'i.agency_id', params)} FOR UPDATE OF i`,
        params,
      )) as ItemRow[];
      // Outside the caller's scope an item does not exist.
      if (!before) throw BriefingException.followUpNotFound(toId(id));
      const after = next(before);
      if (after.status === before.status && after.notes === before.notes && after.answer === before.answer) {
        throw new BriefingException('STATUS_UNCHANGED', '没有任何改动：状态、备注和答复均与原来相同。Nothing changed.', { id: toId(id) });
      }
      const [row] = (await m.query(`UPDATE follow_up_item SET status = $2, notes = $3, answer = $4, updated_at = now() WHERE id = $1 RETURNING updated_at`, [
        id,
        after.status,
        after.notes,
        after.answer,
      ])) as [{ updated_at: Date }[], number];
      await appendAudit(m, {
        actor,
        action: 'followUp.updated',
        reportId: before.report_id,
        before: { status: before.status, notes: before.notes, answer: before.answer },
        after,
        detail: { followUpId: id, agencyId: before.agency_id, year: before.year, reason: before.reason },
      });
      const contacts = mayAccess(role, 'edit') ? new Map((await this.contacts.of([before.agency_id])).map((c) => [c.agencyId, c])) : null;
      return this.toModel({ ...before, ...after, updated_at: row?.[0]?.updated_at ?? new Date() }, contacts);
    });
  }
}
