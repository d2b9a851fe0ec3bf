/**
 * The audit log: who changed what in the stored data, when and why. Append-only — the table refuses UPDATE and
 * DELETE (a trigger) — and written in the same transaction as the change it records, so neither exists without
 * the other.
 */
import type { AuditAction } from '@ogi/domain';
import type { EntityManager } from 'typeorm';

/** Who did something: a signed-in user (id and name), or a named process (`system`, `cli:root`). */
export interface Actor {
  name: string;
  userId: number | null;
  /** A department user acts for one agency only: what they import must be that agency's reports. */
  onlyAgencyId?: number | null;
}

export const SYSTEM_ACTOR: Actor = { name: 'system', userId: null };

export interface AuditEntryInput {
  actor: Actor;
  action: AuditAction;
  reportId?: number | null;
  cellPath?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

export async function appendAudit(m: EntityManager, e: AuditEntryInput): Promise<void> {
  await m.query(
    `INSERT INTO audit_log (actor, actor_user_id, action, report_id, cell_path, before_value, after_value, reason, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.actor.name,
      e.actor.userId,
      e.action,
      e.reportId ?? null,
      e.cellPath ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.reason ?? null,
      JSON.stringify(e.detail ?? {}),
    ],
  );
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  actorUserId: number | null;
  action: AuditAction;
  reportId: number | null;
  cellPath: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  detail: Record<string, unknown>;
}

/** A row of `audit_log` as PostgreSQL returns it. */
export interface AuditLogRow {
  id: string;
  at: Date;
  actor: string;
  actor_user_id: number | null;
  action: AuditAction;
  report_id: number | null;
  cell_path: string | null;
  before_value: unknown;
  after_value: unknown;
  reason: string | null;
  detail: Record<string, unknown>;
}

export function toAuditEntry(r: AuditLogRow): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    actorUserId: r.actor_user_id,
    action: r.action,
    reportId: r.report_id,
    cellPath: r.cell_path,
    before: r.before_value,
    after: r.after_value,
    reason: r.reason,
    detail: r.detail,
  };
}

export interface AuditLogFilter {
  reportId?: number | null;
  /** Only entries about reports of these agencies (a department user's view); every entry when null. */
  agencyIds?: readonly number[] | null;
}

/** Which entries (`audit_log l`) a reading of the log holds, as a condition ('TRUE' for all); appends its parameters. */
export function auditLogCondition(filter: AuditLogFilter, params: unknown[]): string {
  const where: string[] = [];
  if (filter.reportId !== undefined && filter.reportId !== null) {
    params.push(filter.reportId);
    where.push(`l.report_id = $${params.length}`);
  }
  if (filter.agencyIds) {
    params.push([...filter.agencyIds]);
    where.push(`l.report_id IN (SELECT id FROM report WHERE agency_id = ANY($${params.length}))`);
  }
  return where.length ? where.join(' AND ') : 'TRUE';
}

/** A page of the log, newest first; one report's entries when `reportId` is given. */
export async function readAuditLog(m: EntityManager, filter: AuditLogFilter, take: number, skip: number): Promise<{ items: AuditEntry[]; total: number }> {
  const params: unknown[] = [];
  const condition = auditLogCondition(filter, params);
  const rows: AuditLogRow[] = await m.query(
    `SELECT l.* FROM audit_log l WHERE ${condition} ORDER BY l.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, take, skip],
  );
  const [count] = (await m.query(`SELECT count(*)::int AS total FROM audit_log l WHERE ${condition}`, params)) as { total: number }[];
  return { total: count?.total ?? 0, items: rows.map(toAuditEntry) };
}
