/**
 * Editors' corrections and the audit log, for the API: the resolver calls @ogi/write-model's `correctCell` and
 * `withdrawCorrection` directly (one transaction: cell, correction, audit entry, recomputed findings and metrics;
 * their refusals carry their API code); this service maps them to models, reads the audit log and loads
 * corrections per request without N+1.
 */
import { Injectable } from '@nestjs/common';
import { auditLogCondition, readAuditLog, toAuditEntry, type AuditEntry, type AuditLogRow } from '@ogi/database';
import { correctionsOf, type CellCorrection } from '@ogi/write-model/corrections';
import { describeCell } from '@ogi/domain';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import type { ConnectionArgs } from '../../common/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.model.js';
import { keysetConnection } from '../../common/pagination/keyset.js';
import type { AuditEntryModel } from './models/audit-entry.model.js';
import type { CellCorrectionModel } from './models/cell-correction.model.js';

export interface CorrectionLoaders {
  /** Every correction of a report (any status), oldest first. */
  byReport: DataLoader<number, CellCorrectionModel[]>;
}

export function toCorrectionModel(c: CellCorrection): CellCorrectionModel {
  const label = describeCell(c.template, c.path);
  return {
    id: String(c.id),
    reportId: String(c.reportId),
    path: c.path,
    label: label.zh,
    labelEn: label.en,
    value: c.value,
    originalValue: c.originalValue,
    originalRaw: c.originalRaw,
    reason: c.reason,
    status: c.status,
    carriedFromId: c.carriedFromId === null ? null : String(c.carriedFromId),
    by: c.createdBy,
    at: c.createdAt.toISOString(),
  };
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

function toAuditModel(e: AuditEntry): AuditEntryModel {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    reportId: e.reportId === null ? null : String(e.reportId),
    cellPath: e.cellPath,
    before: json(e.before),
    after: json(e.after),
    reason: e.reason,
    detail: JSON.stringify(e.detail ?? {}),
  };
}

@Injectable()
export class CorrectionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the audit log, newest first, limited to the scope's agencies. */
  async auditLog(scope: AgencyScope, reportId: number | null, take: number, skip: number): Promise<{ items: AuditEntryModel[]; total: number }> {
    const page = await readAuditLog(this.dataSource.manager, { reportId, agencyIds: scope.all ? null : scope.agencyIds }, take, skip);
    return { items: page.items.map(toAuditModel), total: page.total };
  }

  /** The same log, newest first, paged by cursor (entries are only ever appended, so the id orders it). */
  auditLogConnection(scope: AgencyScope, reportId: number | null, args: ConnectionArgs): Promise<Connection<AuditEntryModel>> {
    const params: unknown[] = [];
    const where = auditLogCondition({ reportId, agencyIds: scope.all ? null : scope.agencyIds }, params);
    return keysetConnection(
      this.dataSource,
      { list: 'auditLog', key: [{ sql: 'l.id', type: 'int', direction: 'DESC' }], columns: 'l.*', from: 'FROM audit_log l', where, params },
      args,
      (row: AuditLogRow) => toAuditModel(toAuditEntry(row)),
    );
  }

  createLoaders(): CorrectionLoaders {
    return {
      byReport: new DataLoader(async (reportIds) => {
        const all = await correctionsOf(this.dataSource.manager, reportIds);
        return reportIds.map((id) => all.filter((c) => c.reportId === id).map(toCorrectionModel));
      }),
    };
  }
}
