/**
 * The breakdown parts of a report (how its totals split: outcomes, withholding reasons, applicant types, review and
 * litigation outcomes), derived from its stored cells once, when the cells are written, so that a page summing the
 * parts of thousands of reports reads a few rows per report instead of its cells.
 *
 * A part is stored when the report prints it (at least one of its cells is stored), with its value, or null when a
 * cell it needs is blank (blank is not zero). Rows are keyed by report version only: moving a report to another
 * agency or making another version current leaves them right.
 */
import {
  BREAKDOWNS,
  BREAKDOWN_DIMENSIONS,
  breakdownPartQuality,
  cellPath,
  type BreakdownDimension,
  type BreakdownInput,
  type CellStanding,
  type CellValue,
  type MetricQuality,
  type TableSection,
} from '@ogi/domain';
import type { EntityManager } from 'typeorm';

export interface StoredCell {
  section: string;
  rowKey: string;
  columnKey: string;
  value: CellValue;
}

export interface BreakdownPartRow {
  dimension: BreakdownDimension;
  partKey: string;
  value: CellValue;
  /** The part's quality in this report (breakdownPartQuality); null when the caller gave no cell standing. */
  quality: MetricQuality | null;
}

/** Every cell a breakdown part reads, by section: what `writeBreakdownParts` selects. */
const PART_SECTIONS: readonly TableSection[] = ['applications', 'reviewLitigation'];

/**
 * The parts of every breakdown a report prints, with their values, from its stored cells, and with each value's
 * quality when the standing of the cells (from the report's findings and corrections) is given.
 */
export function breakdownPartRows(cells: Iterable<StoredCell>, standing?: CellStanding): BreakdownPartRow[] {
  const present = new Set<string>();
  const input: BreakdownInput = { applications: {}, reviewLitigation: {} };
  for (const c of cells) {
    if (c.section !== 'applications' && c.section !== 'reviewLitigation') continue;
    const column = Number(c.columnKey);
    if (!Number.isInteger(column) || column < 0) continue;
    present.add(cellPath(c.section, c.rowKey, column));
    const table = c.section === 'applications' ? input.applications : input.reviewLitigation;
    const row = (table[c.rowKey] ??= []);
    row[column] = c.value;
  }
  // Rows become dense: a column not stored is blank.
  for (const table of [input.applications, input.reviewLitigation]) {
    for (const [key, row] of Object.entries(table)) table[key] = Array.from({ length: Math.max(7, row.length) }, (_, i) => row[i] ?? null);
  }
  return BREAKDOWN_DIMENSIONS.flatMap((dimension) =>
    BREAKDOWNS[dimension].parts
      .filter((part) => part.cells.some((path) => present.has(path)))
      .map((part) => {
        const value = finite(part.value(input));
        return { dimension, partKey: part.key, value, quality: standing ? breakdownPartQuality(part, value, standing) : null };
      }),
  );
}

const finite = (v: CellValue): CellValue => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Replaces a report's breakdown parts with those of its cells as they now stand, each with its quality from the
 * standing of the cells. Called wherever a report's metrics are written (import, correction, re-parse), inside the
 * same transaction, with the findings its metrics were derived with.
 */
export async function writeBreakdownParts(m: EntityManager, reportId: number, standing: CellStanding): Promise<void> {
  const cells: { section: string; row_key: string; column_key: string; value: string | null }[] = await m.query(
    'SELECT section, row_key, column_key, value FROM report_cell WHERE report_id = $1 AND section = ANY($2::text[])',
    [reportId, PART_SECTIONS],
  );
  const rows = breakdownPartRows(
    cells.map((c) => ({ section: c.section, rowKey: c.row_key, columnKey: c.column_key, value: c.value === null ? null : Number(c.value) })),
    standing,
  );
  await m.query('DELETE FROM report_breakdown_part WHERE report_id = $1', [reportId]);
  if (!rows.length) return;
  await m.query(
    `INSERT INTO report_breakdown_part (report_id, dimension, part_key, value, quality)
     SELECT $1, d, k, v, q FROM unnest($2::text[], $3::text[], $4::numeric[], $5::text[]) AS x(d, k, v, q)`,
    [reportId, rows.map((r) => r.dimension), rows.map((r) => r.partKey), rows.map((r) => r.value), rows.map((r) => r.quality)],
  );
}
