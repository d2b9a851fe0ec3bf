/**
 * The audit log as people read it: each entry's action in words, the values before and after (the log keeps them
 * as JSON) and what its detail says. Pure: the page passes the wording of the current language.
 */
import { isAuditAction, type AuditAction } from '@ogi/domain';
import { type AuditEntryResult } from '../graphql/api';

export interface AuditWording {
  /** The action in words; an action this dashboard does not know yet is shown by its code. */
  action(action: AuditAction): string;
  blank: string;
  number(value: number): string;
  date(iso: string): string;
  reparsed(p: { changed: number; reapplied: number; stale: number }): string;
  carried(p: { fromReportId: string }): string;
  stale(p: { before: string; now: string }): string;
  reapplied(p: { now: string }): string;
  restored(p: { file: string; at: string }): string;
  supersedes: string;
}

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  reportId: string | null;
  cellPath: string | null;
  before: string;
  after: string;
  reason: string;
  /** What the entry's detail says, in a sentence; '' when nothing more. */
  note: string;
  /** The detail as stored, for whoever needs every field. */
  detail: string;
}

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/** A logged value: a number, null (a blank cell), a string (a parser version), or an object. */
export function auditValue(json: string | null, w: AuditWording): string {
  const v = parse(json);
  if (v === undefined) return '';
  if (v === null) return w.blank;
  if (typeof v === 'number') return w.number(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const count = (v: unknown) => (typeof v === 'number' ? v : 0);

function note(entry: AuditEntryResult, w: AuditWording): string {
  const d = parse(entry.detail);
  const detail = d && typeof d === 'object' ? (d as Record<string, unknown>) : {};
  switch (entry.action) {
    case 'report.reparsed':
      return w.reparsed({ changed: count(detail['changedCount']), reapplied: count(detail['correctionsReapplied']), stale: count(detail['correctionsStale']) });
    case 'cell.correctionCarried':
      return w.carried({ fromReportId: str(detail['fromReportId']) });
    case 'cell.correctionStale':
      return w.stale({ before: str(detail['printedBefore']), now: str(detail['printedNow']) });
    case 'cell.correctionReapplied':
      return w.reapplied({ now: str(detail['printedNow']) });
    case 'database.restored':
      return w.restored({ file: str(detail['file']), at: detail['backupCreatedAt'] ? w.date(str(detail['backupCreatedAt'])) : '' });
    case 'cell.corrected':
      return detail['supersedes'] ? w.supersedes : '';
    default:
      return '';
  }
}

export function auditRows(entries: readonly AuditEntryResult[], w: AuditWording): AuditRow[] {
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: isAuditAction(e.action) ? w.action(e.action) : e.action,
    reportId: e.reportId,
    cellPath: e.cellPath,
    before: auditValue(e.before, w),
    after: auditValue(e.after, w),
    reason: e.reason ?? '',
    note: note(e, w),
    detail: e.detail,
  }));
}
