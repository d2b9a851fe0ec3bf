import { defineOperation } from './client';
import document from './audit-log.query.graphql?raw';

export interface AuditEntryResult {
  id: string;
  /** cell.corrected | cell.correctionWithdrawn | cell.correctionCarried | cell.correctionReapplied | cell.correctionStale | report.reparsed | database.restored */
  action: string;
  /** A user name, `system`, or `cli:<os user>`. */
  actor: string;
  at: string;
  reportId: string | null;
  cellPath: string | null;
  /** JSON: a number, null for blank, a string or an object. */
  before: string | null;
  after: string | null;
  reason: string | null;
  /** A JSON object. */
  detail: string;
}

export interface AuditLogVariables {
  reportId?: string | null;
  take?: number;
  skip?: number;
}

export interface AuditLogResult {
  auditLog: { total: number; items: AuditEntryResult[] };
}

export const AuditLogQuery = defineOperation<AuditLogResult, AuditLogVariables>(document);
