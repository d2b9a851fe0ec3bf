/**
 * The same agency's report of the year before, as the parser takes it. Readings a document leaves open, and a
 * scope its text does not state, are settled by it (the parser says where it did). One rule for importing a file,
 * for reading a stored report again, and for a year that arrives after the year following it, so that what is
 * stored does not depend on the order in which an agency's reports came in.
 */
import type { ParsedReport, ReportScope } from '@ogi/domain';
import type { PreviousReport } from '@ogi/parser';
import type { EntityManager } from 'typeorm';
import type { ReportParser } from './report-parser.js';
import { loadStoredReport } from './stored-report.js';

/** The agency, by its id or by a printed name (its own or an alias). */
export type AgencyRef = { id: number } | { name: string };

/** The current report of `year` − 1 for the agency, as the parser takes it; null when there is none. */
export async function previousYearReport(m: EntityManager, agency: AgencyRef, year: number): Promise<PreviousReport | null> {
  const rows: { id: number; scope: ReportScope }[] =
    'id' in agency
      ? await m.query(`SELECT r.id, r.scope FROM report r WHERE r.agency_id = $1 AND r.year = $2 AND r.is_current`, [agency.id, year - 1])
      : await m.query(
          `SELECT r.id, r.scope FROM report r
            WHERE r.year = $2 AND r.is_current
              AND r.agency_id IN (SELECT id FROM agency WHERE name = $1 UNION SELECT agency_id FROM agency_alias WHERE alias = $1)
            LIMIT 1`,
          [agency.name, year - 1],
        );
  const row = rows[0];
  const stored = row ? await loadStoredReport(m, row.id) : null;
  if (!row || !stored) return null;
  return {
    year: stored.year,
    template: stored.template,
    activeDisclosure: stored.core.activeDisclosure,
    applications: stored.core.applications,
    scope: row.scope,
  };
}

/**
 * Whether the year before could change a reading made without it: the reading has open (UNCERTAIN_READING)
 * cells, or it fell back to the agency's own work where the year before was an aggregate.
 */
export function previousYearMatters(reading: { scope: ReportScope; hasOpenReadings: boolean }, previous: PreviousReport): boolean {
  return reading.hasOpenReadings || (reading.scope === 'self' && (previous.scope ?? 'self') !== 'self');
}

/** The reading's part that previousYearMatters looks at. */
function readingOf(report: ParsedReport): { scope: ReportScope; hasOpenReadings: boolean } {
  return { scope: report.scope ?? 'self', hasOpenReadings: report.findings.some((f) => f.rule === 'UNCERTAIN_READING') };
}

/**
 * A reading settled by the year before where it matters: when the agency (as a file names it on import, by id on a
 * re-parse) has a stored report of the year before that could change the reading, the file is parsed again with
 * that report (the parser says where it decided). `readWithoutYearBefore`: no such report was stored (a later
 * arrival may still settle it).
 */
export async function withYearBefore(
  m: EntityManager,
  parser: ReportParser,
  first: ParsedReport,
  agency: AgencyRef,
  file: { bytes: Uint8Array; fileName: string; charset?: string; group?: string },
): Promise<{ report: ParsedReport; readWithoutYearBefore: boolean }> {
  const named = 'name' in agency ? agency.name !== '' : true;
  const previous = named && first.year !== null ? await previousYearReport(m, agency, first.year) : null;
  if (!previous) return { report: first, readWithoutYearBefore: true };
  if (!previousYearMatters(readingOf(first), previous)) return { report: first, readWithoutYearBefore: false };
  const { bytes, fileName, ...options } = file;
  const again = await parser.parse(bytes, fileName, { ...options, previous });
  return { report: again.ok ? again.report : first, readWithoutYearBefore: false };
}
