/**
 * Cells by path (`applications.newReceived[0]`, `activeDisclosure.fees.amountWan`): reading a path back, what
 * kind of value a cell holds, whether a value fits it, and how a person names it. Shared by the server (editors'
 * corrections, version diffs, the audit log) and the client (the correction dialog).
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  APPLICATION_ROW_BY_KEY,
  DISCLOSURE_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type TableSection,
  type Template,
  type ValueKind,
} from './report-layout.js';

export interface CellAddress {
  section: TableSection;
  row: string;
  /** Field key (section 二) or column index (sections 三 and 四). */
  column: string | number;
}

const TABLE_PATH = /^(applications|reviewLitigation)\.([A-Za-z]+(?:\.[A-Za-z]+)?)\[(\d{1,2})\]$/;
const DISCLOSURE_PATH = /^activeDisclosure\.([A-Za-z]+)\.([A-Za-z]+)$/;

/** The section, row and column a path names, or null when it is not a cell path at all. */
export function parseCellPath(path: string): CellAddress | null {
  const t = TABLE_PATH.exec(path);
  if (t) return { section: t[1] as TableSection, row: t[2]!, column: Number(t[3]) };
  const d = DISCLOSURE_PATH.exec(path);
  if (d) return { section: 'activeDisclosure', row: d[1]!, column: d[2]! };
  return null;
}

/** What a cell of the template's layout holds; null when the layout has no such cell. */
export function cellValueKind(template: Template, cell: CellAddress): ValueKind | null {
  if (cell.section === 'activeDisclosure') {
    const row = DISCLOSURE_ROWS[template].find((r) => r.key === cell.row);
    return row?.fields.find((f) => f.key === cell.column)?.kind ?? null;
  }
  const col = typeof cell.column === 'number' ? cell.column : Number.NaN;
  if (cell.section === 'applications') {
    const layout = APPLICATION_ROW_BY_KEY.get(cell.row);
    return layout && layout.templates.includes(template) && col >= 0 && col < APPLICANT_COLUMNS.length ? 'count' : null;
  }
  return REVIEW_GROUPS.some((g) => g.key === cell.row) && col >= 0 && col < REVIEW_COLUMNS.length ? 'count' : null;
}

/** Largest magnitude a stored cell can hold (numeric(18, 6)); no real figure comes near it. */
export const CELL_VALUE_LIMIT = 1e12;

export interface CellValueProblem {
  zh: string;
  en: string;
}

/**
 * Why `value` cannot stand in a cell of this kind, or null when it can. null (blank: the document prints
 * nothing there) fits every kind. Counts are whole numbers ≥ 0, signed counts (本年增/减) whole numbers,
 * money (万元) a number ≥ 0 with at most 6 decimals.
 */
export function checkCellValue(kind: ValueKind, value: number | null): CellValueProblem | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || Math.abs(value) >= CELL_VALUE_LIMIT) return { zh: '数值超出范围。', en: 'The number is out of range.' };
  switch (kind) {
    case 'count':
      return Number.isInteger(value) && value >= 0 ? null : { zh: '件数必须是不小于 0 的整数。', en: 'A count must be a whole number ≥ 0.' };
    case 'signedCount':
      return Number.isInteger(value) ? null : { zh: '增减数必须是整数。', en: 'A change must be a whole number.' };
    case 'money':
      if (value < 0) return { zh: '金额不能为负数。', en: 'An amount cannot be negative.' };
      return Math.abs(value * 1e6 - Math.round(value * 1e6)) < 1e-3 ? null : { zh: '金额最多保留 6 位小数。', en: 'An amount has at most 6 decimals.' };
  }
}

/** How a person names a cell: `三、本年新收政府信息公开申请数量 · 自然人`. Falls back to the path. */
export function describeCell(template: Template, path: string): { zh: string; en: string } {
  const cell = parseCellPath(path);
  if (!cell) return { zh: path, en: path };
  if (cell.section === 'activeDisclosure') {
    const row = DISCLOSURE_ROWS[template].find((r) => r.key === cell.row);
    const field = row?.fields.find((f) => f.key === cell.column);
    if (!row || !field) return { zh: path, en: path };
    return { zh: `二、${row.label} · ${field.label}`, en: `II. ${row.en} · ${field.en}` };
  }
  const col = cell.column as number;
  if (cell.section === 'applications') {
    const row = APPLICATION_ROW_BY_KEY.get(cell.row);
    const column = APPLICANT_COLUMNS[col];
    if (!row || !column) return { zh: path, en: path };
    return { zh: `三、${row.number}${row.label} · ${column.label}`, en: `III. ${row.en} · ${column.en}` };
  }
  const group = REVIEW_GROUPS.find((g) => g.key === cell.row);
  const column = REVIEW_COLUMNS[col];
  if (!group || !column) return { zh: path, en: path };
  return { zh: `四、${group.label} · ${column.label}`, en: `IV. ${group.en} · ${column.en}` };
}

const SECTION_ORDER: Record<TableSection, number> = { activeDisclosure: 0, applications: 1, reviewLitigation: 2 };

/** A sort key putting cells in printed order: section 二, 三, 四; rows and columns as the format prints them. */
export function cellOrder(template: Template, path: string): number {
  const cell = parseCellPath(path);
  if (!cell) return Number.MAX_SAFE_INTEGER;
  let row: number;
  let column: number;
  if (cell.section === 'activeDisclosure') {
    row = DISCLOSURE_ROWS[template].findIndex((r) => r.key === cell.row);
    column = row >= 0 ? DISCLOSURE_ROWS[template][row]!.fields.findIndex((f) => f.key === cell.column) : -1;
  } else {
    row = cell.section === 'applications' ? APPLICATION_ROWS.findIndex((r) => r.key === cell.row) : REVIEW_GROUPS.findIndex((g) => g.key === cell.row);
    column = cell.column as number;
  }
  return SECTION_ORDER[cell.section] * 1e6 + (row < 0 ? 9999 : row) * 100 + (column < 0 ? 99 : column);
}
