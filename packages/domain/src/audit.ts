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
  /** A user created a personal access token (its name, scope and expiry; never the token). */
  'token.created',
  /** A personal access token was revoked, by its owner or an administrator. */
  'token.revoked',
  /** An editor set a metric's league-table thresholds (a new version of them). */
  'threshold.set',
  /** An editor set or removed an agency's contact person. */
  'contact.set',
  /** An editor changed a follow-up item's status or notes, or a department answered it. */
  'followUp.updated',
  /** A follow-up item was resolved by itself: a newer version of the report passes its checks. */
  'followUp.resolvedByNewVersion',
  /** An administrator created an account (its username, role and agency in the detail). */
  'user.created',
  /** An administrator changed an account: name, role, agency, disabled, unlocked (before and after). */
  'user.updated',
  /** An administrator set a new password for an account (never the password itself). */
  'user.passwordReset',
  /** An administrator deleted an account. */
  'user.deleted',
  /** An editor corrected the agency registry: name, parent, kind, level, listing page, aliases (before and after). */
  'agency.updated',
  /** An editor marked an agency-year missing (逾期未报): no report after the deadline, with a note of what was checked. */
  'submission.markedMissing',
  /** An editor took back a missing mark: the agency-year is 未核查 again unless a listing check found nothing. */
  'submission.missingMarkRemoved',
  /** A follow-up item was resolved by itself: an editor's correction makes the report in use pass its checks. */
  'followUp.resolvedByCorrection',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Whether a logged action is one this version knows (an older dashboard may meet a newer server's actions). */
export const isAuditAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
