/**
 * The follow-up list (督办) on the write side: an item about a missing report, or about a report whose tables do
 * not add up, is resolved by the report itself — in the transaction that stores a newer version of that agency's
 * report for the year, once that version passes its checks (no failing error finding). Items about lateness or
 * about figures flagged as unusual stay for an editor to judge: a new version does not undo either. An editor's
 * correction (or its withdrawal) that makes the report in use pass its checks resolves its contradiction items the
 * same way, in the correction's transaction.
 */
import type { AuditAction, FollowUpReason } from '@ogi/domain';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, appendAudit } from '@ogi/database';

/** Reasons a newer report version answers by itself. */
const RESOLVED_BY_A_PASSING_VERSION: readonly FollowUpReason[] = ['missing', 'contradicted'];

/** Resolves the open items of an agency and year that the stored report `reportId` answers; returns their ids. */
export function resolveFollowUpsByNewVersion(m: EntityManager, report: { reportId: number; agencyId: number; year: number }): Promise<number[]> {
  return resolvePassing(m, report, RESOLVED_BY_A_PASSING_VERSION, 'AND (report_id IS NULL OR report_id <> $1)', 'followUp.resolvedByNewVersion');
}

/**
 * After a correction of report `reportId`: when it is the version in use and now passes its checks, resolves the
 * open contradiction items of its agency and year (a correction cannot answer a missing report); returns their ids.
 */
export async function resolveFollowUpsByCorrection(m: EntityManager, reportId: number): Promise<number[]> {
  const [report] = (await m.query('SELECT agency_id, year FROM report WHERE id = $1 AND is_current', [reportId])) as { agency_id: number; year: number }[];
  if (!report) return [];
  return resolvePassing(m, { reportId, agencyId: report.agency_id, year: report.year }, ['contradicted'], '', 'followUp.resolvedByCorrection');
}

async function resolvePassing(
  m: EntityManager,
  report: { reportId: number; agencyId: number; year: number },
  reasons: readonly FollowUpReason[],
  condition: string,
  action: AuditAction,
): Promise<number[]> {
  const [check] = (await m.query(`SELECT count(*)::int AS failing FROM report_finding WHERE report_id = $1 AND status = 'failed' AND severity = 'error'`, [
    report.reportId,
  ])) as { failing: number }[];
  if ((check?.failing ?? 0) > 0) return [];
  const rows = (await m.query(
    `UPDATE follow_up_item SET status = 'resolved', resolved_by_report_id = $1, updated_at = now()
      WHERE agency_id = $2 AND year = $3 AND reason = ANY($4::text[]) AND status IN ('pending', 'reminded') ${condition}
      RETURNING id, status`,
    [report.reportId, report.agencyId, report.year, reasons],
  )) as [{ id: number }[], number] | { id: number }[];
  const updated = Array.isArray(rows[0]) ? (rows[0] as { id: number }[]) : (rows as { id: number }[]);
  for (const item of updated) {
    await appendAudit(m, {
      actor: SYSTEM_ACTOR,
      action,
      reportId: report.reportId,
      after: { status: 'resolved' },
      detail: { followUpId: item.id, agencyId: report.agencyId, year: report.year },
    });
  }
  return updated.map((i) => i.id);
}
