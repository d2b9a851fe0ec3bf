/**
 * Re-parsing: a stored report read again from its stored file bytes with the parser now installed (a newer parser
 * reads some cells better). The new parse REPLACES the parse of the same version in place — same report id, same
 * version number, same file — in one transaction; the cells that changed, the parser versions before and after,
 * and what became of each editor's correction go to the audit log, which is where the old reading is kept.
 *
 * Editors' corrections survive: each one in force is applied again when the cell is printed the same in the new
 * reading (`raw`), and marked stale — a CORRECTION_STALE finding asks for a new look — when it is not.
 * A parse that fails, or that reads a different agency or year, changes nothing.
 */
import { cellPath, daysLate, normaliseAgencyName, errorFamily, ingestFailureMessage, type IngestFailureCode } from '@ogi/domain';
import type { DataSource } from 'typeorm';
import { appendAudit, type Actor } from '@ogi/database';
import { reapplyCorrections } from '../corrections/cell-corrections.js';
import { recomputeReport } from '../corrections/recompute.js';
import { cellRows } from '../ingest/cell-rows.js';
import { reportContentHash } from '../ingest/content-hash.js';
import type { ReportParser } from '../ingest/report-parser.js';
import { withYearBefore } from '../ingest/previous-year.js';
import { cellsFit, isCalendarDate, withoutNul } from '../ingest/store-checks.js';
import { writeParsedContents } from '../ingest/stored-report.js';

export type ReparseResult =
  | {
      status: 'updated' | 'unchanged';
      reportId: number;
      parserBefore: string;
      parserAfter: string;
      /** Cells whose value the new reading changed (before corrections are applied again). */
      changedCells: number;
      correctionsReapplied: number;
      correctionsStale: number;
    }
  | { status: 'failed'; reportId: number; error: { code: string; message: string } };

/** A re-parse refused before anything was read: the report does not exist. */
export class ReparseError extends errorFamily({ REPORT_NOT_FOUND: 'NOT_FOUND' }) {}

/** Why a re-parse was not applied (besides the parser's and the ingest path's own codes). */
export const REPARSE_IDENTITY_CHANGED = {
  code: 'REPARSE_IDENTITY_CHANGED',
  zh: '重新解析读出的发布机关或年度与原记录不同，未替换原解析结果。请人工核对。',
  en: 'The new reading gives another agency or year than the stored report; the stored reading was kept. Check it by hand.',
} as const;

const failure = (reportId: number, code: IngestFailureCode): ReparseResult => ({
  status: 'failed',
  reportId,
  error: { code, message: ingestFailureMessage(code).zh },
});

export async function reparseReport(dataSource: DataSource, parser: ReportParser, reportId: number, actor: Actor): Promise<ReparseResult> {
  const [stored] = (await dataSource.query(
    `SELECT r.agency_id, a.kind, a.name, r.year, r.content_hash, r.parser_version, r.printed_agency_name, r.is_current, r.scope,
            to_char(r.deadline, 'YYYY-MM-DD') AS deadline, f.content, f.file_name
       FROM report r JOIN source_file f ON f.id = r.source_file_id JOIN agency a ON a.id = r.agency_id
      WHERE r.id = $1`,
    [reportId],
  )) as {
    agency_id: number;
    kind: 'government' | 'department' | 'dispatched' | 'other';
    name: string;
    year: number;
    content_hash: string;
    parser_version: string;
    printed_agency_name: string | null;
    is_current: boolean;
    scope: string;
    deadline: string;
    content: Buffer;
    file_name: string;
  }[];
  if (!stored) throw new ReparseError('REPORT_NOT_FOUND', `找不到该年报（id ${reportId}）。No report with id ${reportId}.`, { id: String(reportId) });

  const outcome = await parser.parse(stored.content, stored.file_name);
  if (!outcome.ok) return { status: 'failed', reportId, error: outcome.error };
  // As on import: the agency's report of the year before settles what this reading leaves open.
  const report = withoutNul(
    (await withYearBefore(dataSource.manager, parser, outcome.report, { id: stored.agency_id }, { bytes: stored.content, fileName: stored.file_name })).report,
  );
  if (report.template !== '2019' && report.template !== '2021') return failure(reportId, 'NO_TEMPLATE');
  if (report.publishedOn !== null && !isCalendarDate(report.publishedOn)) return failure(reportId, 'BAD_PUBLICATION_DATE');
  const template = report.template;
  const cells = cellRows(report, template);
  if (!cellsFit(cells)) return failure(reportId, 'VALUE_OUT_OF_RANGE');

  // The same agency and year, or the new reading is not applied: moving a report is a person's decision.
  const printed = report.agency ? normaliseAgencyName(report.agency) : '';
  const names: { id: number }[] = printed
    ? await dataSource.query(`SELECT id FROM agency WHERE name = $1 UNION SELECT agency_id FROM agency_alias WHERE alias = $1`, [printed])
    : [];
  const sameAgency = printed !== '' && (printed === normaliseAgencyName(stored.printed_agency_name ?? '') || names.some((n) => n.id === stored.agency_id));
  if (report.year !== stored.year || !sameAgency) {
    return { status: 'failed', reportId, error: { code: REPARSE_IDENTITY_CHANGED.code, message: REPARSE_IDENTITY_CHANGED.zh } };
  }

  const parserAfter = report.parserVersion ?? 'unknown';
  const contentHash = reportContentHash(report);
  const unchanged = { reportId, parserBefore: stored.parser_version, parserAfter, changedCells: 0, correctionsReapplied: 0, correctionsStale: 0 };
  if (contentHash === stored.content_hash.trim() && parserAfter === stored.parser_version) return { status: 'unchanged', ...unchanged };

  return dataSource.transaction(async (m) => {
    await m.query('SELECT id FROM agency WHERE id = $1 FOR UPDATE', [stored.agency_id]);
    const before: { section: string; row_key: string; column_key: string; value: string | null; raw: string }[] = await m.query(
      'SELECT section, row_key, column_key, value, raw FROM report_cell WHERE report_id = $1',
      [reportId],
    );
    // A corrected cell holds the editor's value: what the parser read before is the correction's original.
    const originals: { section: string; row_key: string; column_key: string; original_value: string | null }[] = await m.query(
      `SELECT section, row_key, column_key, original_value FROM cell_correction WHERE report_id = $1 AND status = 'active'`,
      [reportId],
    );
    for (const o of originals) {
      const cell = before.find((c) => c.section === o.section && c.row_key === o.row_key && c.column_key === o.column_key);
      if (cell) cell.value = o.original_value;
    }
    for (const table of ['report_cell', 'narrative_fact', 'report_finding', 'report_metric']) {
      await m.query(`DELETE FROM ${table} WHERE report_id = $1`, [reportId]);
    }
    const late = report.publishedOn ? daysLate(report.publishedOn, stored.deadline) : null;
    await m.query(
      `UPDATE report SET template = $2, scope = $3, printed_agency_name = $4, published_on = $5, days_late = $6,
                         content_hash = $7, raw_text = $8, parser_version = $9
        WHERE id = $1`,
      [reportId, template, report.scope ?? 'self', report.agency, report.publishedOn, late, contentHash, report.text ?? '', parserAfter],
    );
    await writeParsedContents(m, {
      reportId,
      report,
      cells,
      agencyId: stored.agency_id,
      agencyKind: stored.kind,
      year: stored.year,
      template,
      deadline: stored.deadline,
      daysLate: late,
      isCurrent: stored.is_current,
    });

    const key = (section: string, row: string, column: string) => `${section}|${row}|${column}`;
    const old = new Map(before.map((c) => [key(c.section, c.row_key, c.column_key), c]));
    const changed: { path: string; before: number | null; after: number | null; printedBefore: string | null; printedNow: string }[] = [];
    for (const c of cells) {
      const o = old.get(key(c.section, c.rowKey, c.columnKey));
      const was = o && o.value !== null ? Number(o.value) : null;
      if (!o || was !== c.value || o.raw !== c.raw) {
        const column = /^\d+$/.test(c.columnKey) ? Number(c.columnKey) : c.columnKey;
        changed.push({ path: cellPath(c.section, c.rowKey, column), before: was, after: c.value, printedBefore: o?.raw ?? null, printedNow: c.raw });
      }
    }

    // Corrections are applied again in the same transaction, before anyone can see the new reading.
    const corrections = await reapplyCorrections(m, reportId, actor);
    const [{ n: standing }] = (await m.query(`SELECT count(*)::int AS n FROM cell_correction WHERE report_id = $1 AND status IN ('active', 'stale')`, [
      reportId,
    ])) as [{ n: number }];
    if (standing > 0) await recomputeReport(m, reportId);

    await appendAudit(m, {
      actor,
      action: 'report.reparsed',
      reportId,
      before: stored.parser_version,
      after: parserAfter,
      detail: {
        ...(stored.scope !== (report.scope ?? 'self') ? { scope: { before: stored.scope, after: report.scope ?? 'self' } } : {}),
        changedCount: changed.length,
        changedCells: changed.slice(0, 200),
        correctionsReapplied: corrections.applied,
        correctionsStale: corrections.stale,
      },
    });
    return { status: 'updated', ...unchanged, changedCells: changed.length, correctionsReapplied: corrections.applied, correctionsStale: corrections.stale };
  });
}

/** Every report version's id, oldest first (for `pnpm reparse --all`). */
export async function allReportIds(dataSource: DataSource): Promise<number[]> {
  const rows: { id: number }[] = await dataSource.query('SELECT id FROM report ORDER BY id');
  return rows.map((r) => r.id);
}
