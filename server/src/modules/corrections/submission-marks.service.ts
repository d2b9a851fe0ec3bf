/**
 * Editors' missing marks: an agency-year is 逾期未报 (MISSING) only once someone looked — a listing check after the
 * deadline, or an editor who checked and marks it here with a note. Marking and taking back are audited in the same
 * transaction; the status itself is computed by @ogi/domain's submissionStatus from the mark's presence.
 */
import { Injectable } from '@nestjs/common';
import { appendAudit, type Actor } from '@ogi/database';
import { chinaDate, publicationDeadline, type AgencyKind } from '@ogi/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { scopeConditionAt, type AgencyScope } from '../../common/access/agency-scope.js';
import { SubmissionMarkException } from './submission-marks.exception.js';

interface MarkTarget {
  agencyId: number;
  year: number;
  note: string;
}

@Injectable()
export class SubmissionMarksService {
  constructor(private readonly dataSource: DataSource) {}

  /** Marks the agency-year missing; refused before the deadline, when a report is stored, or when already marked. */
  async mark(target: MarkTarget, scope: AgencyScope, actor: Actor, today = chinaDate(new Date())): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const agency = await this.lockAgency(m, target.agencyId, scope);
      const deadline = publicationDeadline(target.year, agency.kind);
      // Due by the end of the deadline day (China time), as submissionStatus reads it.
      if (today <= deadline) throw SubmissionMarkException.deadlineNotPassed(agency.name, target.year, deadline);
      const [report] = await m.query<unknown[]>('SELECT 1 FROM report WHERE agency_id = $1 AND year = $2 LIMIT 1', [target.agencyId, target.year]);
      if (report) throw SubmissionMarkException.reportExists(agency.name, target.year);
      const inserted = await m.query<{ year: number }[]>(
        `INSERT INTO submission_missing_mark (agency_id, year, note, marked_by, marked_by_user_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (agency_id, year) DO NOTHING RETURNING year`,
        [target.agencyId, target.year, target.note, actor.name, actor.userId],
      );
      if (!inserted.length) throw SubmissionMarkException.alreadyMarked(agency.name, target.year);
      await appendAudit(m, {
        actor,
        action: 'submission.markedMissing',
        after: { status: 'MISSING', note: target.note },
        reason: target.note,
        detail: { agencyId: target.agencyId, agency: agency.name, year: target.year, deadline },
      });
    });
  }

  /** Takes a mark back: the agency-year reads 未核查 again (unless a listing check found no report). */
  async unmark(target: MarkTarget, scope: AgencyScope, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const agency = await this.lockAgency(m, target.agencyId, scope);
      const [mark] = await m.query<{ note: string; marked_by: string; marked_at: Date }[]>(
        'SELECT note, marked_by, marked_at FROM submission_missing_mark WHERE agency_id = $1 AND year = $2',
        [target.agencyId, target.year],
      );
      if (!mark) throw SubmissionMarkException.notMarked(agency.name, target.year);
      await m.query('DELETE FROM submission_missing_mark WHERE agency_id = $1 AND year = $2', [target.agencyId, target.year]);
      await appendAudit(m, {
        actor,
        action: 'submission.missingMarkRemoved',
        before: { status: 'MISSING', note: mark.note, markedBy: mark.marked_by, markedAt: mark.marked_at },
        reason: target.note,
        detail: { agencyId: target.agencyId, agency: agency.name, year: target.year },
      });
    });
  }

  /** The agency, locked so two editors marking the same agency-year serialise; outside the scope it does not exist. */
  private async lockAgency(m: EntityManager, agencyId: number, scope: AgencyScope): Promise<{ name: string; kind: AgencyKind }> {
    const params: unknown[] = [agencyId];
    const [agency] = await m.query<{ name: string; kind: AgencyKind }[]>(
      `SELECT name, kind FROM agency WHERE id = $1 AND ${scopeConditionAt(scope, 'id', params)} FOR UPDATE`,
      params,
    );
    if (!agency) throw SubmissionMarkException.agencyNotFound(String(agencyId));
    return agency;
  }
}
