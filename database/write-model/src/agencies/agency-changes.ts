/**
 * Changes to the registry that touch stored reports, each inside the caller's transaction:
 * - merging an agency an import created into the registered agency it really is (its reports become versions of
 *   that agency's reports, its names become aliases);
 * - re-deriving publication deadlines and lateness when an agency's kind changes (departments publish by 31 Jan,
 *   governments by 31 Mar).
 */
import { checkAcrossYears, daysLate, publicationDeadline, type AgencyKind, type Template } from '@ogi/domain';
import type { EntityManager } from 'typeorm';
import { currentReport, insertFindings, latePublication, storedCarryCore } from '../ingest/stored-report.js';

interface ReportVersionRow {
  id: number;
  year: number;
  version: number;
  is_current: boolean;
  content_hash: string;
  created_at: Date;
}

/**
 * Moves every report of agency `fromId` to agency `intoId` and removes `fromId`, keeping all versions:
 * moved versions are numbered after the target's own for the same year. The current version of a year is the
 * target's when both are the same content, otherwise the one imported last (as if it had been re-published).
 * The moved agency's name and aliases become aliases of the target; its departments move under the target.
 */
export async function mergeAgencyInto(m: EntityManager, fromId: number, intoId: number): Promise<void> {
  if (fromId === intoId) throw new Error('an agency cannot be merged into itself');
  // Same lock order as every other writer of these agencies' reports.
  const locked: { id: number; name: string; kind: AgencyKind; parent_id: number | null; listing_url: string | null }[] = await m.query(
    'SELECT id, name, kind, parent_id, listing_url FROM agency WHERE id = ANY($1) ORDER BY id FOR UPDATE',
    [[fromId, intoId]],
  );
  const from = locked.find((a) => a.id === fromId);
  const into = locked.find((a) => a.id === intoId);
  if (!from || !into) throw new Error(`agency ${from ? intoId : fromId} does not exist`);

  const moved: ReportVersionRow[] = await m.query(
    'SELECT id, year, version, is_current, content_hash, created_at FROM report WHERE agency_id = $1 ORDER BY year, version',
    [fromId],
  );
  const years = [...new Set(moved.map((r) => r.year))];
  for (const year of years) {
    const theirs: ReportVersionRow[] = await m.query(
      'SELECT id, year, version, is_current, content_hash, created_at FROM report WHERE agency_id = $1 AND year = $2 FOR UPDATE',
      [intoId, year],
    );
    const offset = theirs.reduce((max, r) => Math.max(max, r.version), 0);
    const ours = moved.filter((r) => r.year === year);
    await m.query('UPDATE report SET is_current = false, agency_id = $1, version = version + $2 WHERE id = ANY($3)', [intoId, offset, ours.map((r) => r.id)]);
    const theirCurrent = theirs.find((r) => r.is_current) ?? null;
    const ourCurrent = ours.find((r) => r.is_current) ?? null;
    let current = theirCurrent ?? ourCurrent;
    if (theirCurrent && ourCurrent && theirCurrent.content_hash !== ourCurrent.content_hash) {
      current = ourCurrent.created_at > theirCurrent.created_at ? ourCurrent : theirCurrent;
    }
    if (current && current !== theirCurrent) {
      if (theirCurrent) await m.query('UPDATE report SET is_current = false WHERE id = $1', [theirCurrent.id]);
      await m.query('UPDATE report SET is_current = true WHERE id = $1', [current.id]);
    }
  }
  await refreshDeadlines(
    m,
    moved.map((r) => r.id),
    into.kind,
  );
  for (const year of years) {
    await recheckCarryOver(m, intoId, year);
    await recheckCarryOver(m, intoId, year + 1);
  }

  await m.query(
    `INSERT INTO agency_alias (alias, agency_id, origin) VALUES ($1, $2, 'printed')
     ON CONFLICT (alias) DO UPDATE SET agency_id = EXCLUDED.agency_id`,
    [from.name, intoId],
  );
  await m.query('UPDATE agency_alias SET agency_id = $1 WHERE agency_id = $2', [intoId, fromId]);
  // Its departments now belong to the target (the target itself keeps its own parent).
  await m.query('UPDATE agency SET parent_id = $1 WHERE parent_id = $2 AND id <> $1', [intoId, fromId]);
  if (into.parent_id === fromId) await m.query('UPDATE agency SET parent_id = $1 WHERE id = $2', [from.parent_id, intoId]);
  if (!into.listing_url && from.listing_url) await m.query('UPDATE agency SET listing_url = $1 WHERE id = $2', [from.listing_url, intoId]);
  // Open proposals that named the moved agency now name the target.
  await m.query(`UPDATE agency_match_proposal SET proposed_agency_id = $1 WHERE proposed_agency_id = $2 AND status = 'pending'`, [intoId, fromId]);
  // An editor's missing marks follow the agency; where the target has its own mark for the year, that one stays.
  await m.query(
    `UPDATE submission_missing_mark SET agency_id = $1 WHERE agency_id = $2
        AND year NOT IN (SELECT year FROM submission_missing_mark WHERE agency_id = $1)`,
    [intoId, fromId],
  );
  await m.query('DELETE FROM agency WHERE id = $1', [fromId]);
}

/** Re-derives deadline, days late and the LATE_PUBLICATION finding of these reports for an agency kind. */
export async function refreshDeadlines(m: EntityManager, reportIds: readonly number[], kind: AgencyKind): Promise<void> {
  if (!reportIds.length) return;
  const reports: { id: number; year: number; published_on: string | null }[] = await m.query(
    `SELECT id, year, to_char(published_on, 'YYYY-MM-DD') AS published_on FROM report WHERE id = ANY($1)`,
    [[...reportIds]],
  );
  await m.query(`DELETE FROM report_finding WHERE report_id = ANY($1) AND rule = 'LATE_PUBLICATION'`, [[...reportIds]]);
  for (const r of reports) {
    const deadline = publicationDeadline(r.year, kind);
    const late = r.published_on ? daysLate(r.published_on, deadline) : null;
    await m.query('UPDATE report SET deadline = $1, days_late = $2 WHERE id = $3', [deadline, late, r.id]);
    if (late !== null && late > 0) await insertFindings(m, r.id, [latePublication(r.published_on!, deadline, late, kind)]);
  }
}

/** Re-checks the current report of (agency, year) against the agency's current report of the year before. */
async function recheckCarryOver(m: EntityManager, agencyId: number, year: number): Promise<void> {
  const current = await currentReport(m, agencyId, year);
  if (!current) return;
  await m.query(`DELETE FROM report_finding WHERE report_id = $1 AND rule = 'CROSS_YEAR_CARRY'`, [current.id]);
  const previous = await currentReport(m, agencyId, year - 1);
  if (!previous) return;
  const [{ template }] = (await m.query('SELECT template FROM report WHERE id = $1', [current.id])) as [{ template: Template }];
  const [{ template: previousTemplate }] = (await m.query('SELECT template FROM report WHERE id = $1', [previous.id])) as [{ template: Template }];
  await insertFindings(
    m,
    current.id,
    checkAcrossYears(await storedCarryCore(m, current.id, year, template), await storedCarryCore(m, previous.id, year - 1, previousTemplate)),
  );
}
