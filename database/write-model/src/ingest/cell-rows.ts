/**
 * The long-form cell rows stored for a report: every cell of the template's tables, with the parser's evidence
 * where it gave some. The tables (the contract fields) are the values; evidence adds how each was read.
 */
import {
  APPLICATION_ROW_BY_KEY,
  APPLICANT_COLUMNS,
  CELL_VALUE_LIMIT,
  DISCLOSURE_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  cellPath,
  type CellEvidence,
  type CellState,
  type CellValue,
  type ParsedReport,
  type TableSection,
  type Template,
} from '@ogi/domain';
import type { ReportCellEntity } from '@ogi/database';

export type CellRow = Omit<ReportCellEntity, 'reportId'>;

/** Cells are stored as numeric(18, 6): no real figure of an annual report comes near this. */
export const MAX_CELL_MAGNITUDE = CELL_VALUE_LIMIT;

const SECTIONS: readonly TableSection[] = ['activeDisclosure', 'applications', 'reviewLitigation'];

function stateOf(value: CellValue): CellState {
  return value === null ? 'EMPTY' : value === 0 ? 'ZERO' : 'NUMERIC';
}

const finite = (v: CellValue | undefined): CellValue => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export function cellRows(report: ParsedReport, template: Template): CellRow[] {
  const evidence = new Map<string, CellEvidence>((report.cells ?? []).map((c) => [c.path, c]));
  const rows = new Map<string, CellRow>();

  const put = (section: TableSection, rowKey: string, column: string | number, value: CellValue) => {
    const path = cellPath(section, rowKey, column);
    const e = evidence.get(path);
    const v = finite(value);
    rows.set(path, {
      section,
      rowKey,
      columnKey: String(column),
      value: v,
      state: e?.state ?? stateOf(v),
      raw: e?.raw ?? (v === null ? '' : String(v)),
      confidence: clamp01(e?.confidence ?? 1),
      source: e?.source ?? null,
      alternatives: e?.alternatives?.length ? e.alternatives.map(finite) : null,
      unitRaw: e?.unitRaw ?? null,
    });
  };

  for (const row of DISCLOSURE_ROWS[template]) {
    for (const field of row.fields) put('activeDisclosure', row.key, field.key, report.activeDisclosure[row.key]?.[field.key] ?? null);
  }
  for (const [key, values] of Object.entries(report.applications)) {
    const layout = APPLICATION_ROW_BY_KEY.get(key);
    if (!layout || !layout.templates.includes(template) || !Array.isArray(values)) continue;
    APPLICANT_COLUMNS.forEach((_, c) => put('applications', key, c, values[c] ?? null));
  }
  for (const group of REVIEW_GROUPS) {
    const values = report.reviewLitigation[group.key];
    REVIEW_COLUMNS.forEach((_, c) => put('reviewLitigation', group.key, c, values?.[c] ?? null));
  }
  // Evidence the parser gave for cells outside the template's layout is kept as read.
  for (const e of evidence.values()) {
    if (!rows.has(e.path) && SECTIONS.includes(e.section)) put(e.section, e.row, e.column, e.value);
  }
  return [...rows.values()];
}
