/** The model of a data grid (sortable, virtual-scrolling table) and its sorting, kept apart from the component to test. */
import type { RouteLocationRaw } from 'vue-router';

export interface GridColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /** A metric code: the header gets the formula button. */
  metric?: string | null;
  sortable?: boolean;
  /** The first click's direction when it is not the usual one (numbers high to low, text A→Z). */
  firstSort?: 'asc' | 'desc';
  /** The narrowest the column gets (CSS length), for columns whose text must stay on one readable line. */
  minWidth?: string;
  /**
   * How a cell of this column reads, links and looks when the cell does not say it itself. Worked out for the
   * rows in view only: a table of 3,000 agencies × 9 columns would otherwise build 27,000 texts and links up front.
   */
  format?: (value: number | string | null) => string;
  link?: (cell: GridCell) => RouteLocationRaw | null;
  describe?: (cell: GridCell) => string | null;
  tone?: (cell: GridCell) => GridTone | null;
  /** A short mark after the cell's text (a value's quality), with its name for screen readers and on hover. */
  badge?: (cell: GridCell) => { symbol: string; label: string } | null;
  /** A button in the cell for an action on it (the grid emits `action`), with its name for screen readers and on hover. */
  action?: (cell: GridCell) => { symbol: string; label: string } | null;
}

export type GridTone = 'error' | 'warning' | 'ok' | 'muted' | 'info';

export interface GridCell {
  /** What sorting compares; null sorts last either way. */
  sort: number | string | null;
  /** What the cell shows; without it, the column's `format` of `sort`. */
  text?: string;
  to?: RouteLocationRaw | null;
  tone?: GridTone | null;
  /** Longer explanation, shown on hover and read by screen readers. */
  title?: string | null;
  /** What the column's `link`, `describe` and `tone` work from. */
  data?: unknown;
}

export interface GridRow {
  key: string;
  cells: Record<string, GridCell>;
}

export interface GridSort {
  key: string;
  dir: 'asc' | 'desc';
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** A cell's text: its own, or its column's formatting of its value. */
export function cellText(column: GridColumn, cell: GridCell | undefined): string {
  if (!cell) return '';
  return cell.text ?? column.format?.(cell.sort) ?? (cell.sort === null ? '' : String(cell.sort));
}
export const cellLink = (column: GridColumn, cell: GridCell | undefined) => (cell ? (cell.to ?? column.link?.(cell) ?? null) : null);
export const cellAction = (column: GridColumn, cell: GridCell | undefined) => (cell ? (column.action?.(cell) ?? null) : null);
export const cellTitle = (column: GridColumn, cell: GridCell | undefined) => (cell ? (cell.title ?? column.describe?.(cell) ?? null) : null);
export const cellBadge = (column: GridColumn, cell: GridCell | undefined) => (cell ? (column.badge?.(cell) ?? null) : null);
export const cellTone = (column: GridColumn, cell: GridCell | undefined) => (cell ? (cell.tone ?? column.tone?.(cell) ?? null) : null);

/** Rows sorted by one column; blanks always last; ties keep their order. */
export function sortRows(rows: readonly GridRow[], sort: GridSort | null): GridRow[] {
  if (!sort) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: row.cells[sort.key]?.sort ?? null }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.index - b.index : a.v === null ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c !== 0 ? sign * c : a.index - b.index;
    })
    .map((x) => x.row);
}

/** `year:desc` ⇄ { key: 'year', dir: 'desc' }, for the URL. */
export function parseSort(v: string | null): GridSort | null {
  const m = v ? /^([A-Za-z0-9_.:-]+?):(asc|desc)$/.exec(v) : null;
  return m ? { key: m[1]!, dir: m[2] as 'asc' | 'desc' } : null;
}
export const formatSort = (s: GridSort | null) => (s ? `${s.key}:${s.dir}` : null);
