/**
 * What the audit log records, by action code: the database writes these, the dashboard words them. The log only
 * grows; an action added here must get its wording in the client's messages (a test lists them).
 */
export const AUDIT_ACTIONS = [
  /** An editor set a cell's value. */
  'cell.corrected',
  /** An editor withdrew a correction: the cell shows what the parser read again. */
  'cell.correctionWithdrawn',
  /** A correction was carried to a new version of the report (the cell reads the same there). */
  'cell.correctionCarried',
  /** A correction was applied again after a re-parse (the cell reads the same). */
  'cell.correctionReapplied',
  /** A correction no longer applies: the cell reads differently in the source now. */
  'cell.correctionStale',
  /** A report was read again from its stored file with the current parser. */
  'report.reparsed',
  /** The data bureau set an agency's usual report scope (self / region aggregate), against which reports are checked. */
  'agency.usualScopeChanged',
  /** The whole database was replaced by a backup. */
  'database.restored',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Whether a logged action is one this version knows (an older dashboard may meet a newer server's actions). */
export const isAuditAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
