/** The model of a data grid (sortable, virtual-scrolling table) and its sorting, kept apart from the component to test. */
import type { RouteLocationRaw } from 'vue-router';

export interface GridColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /** A metric code: the header gets the formula button. */
  metric?: string | null;
  sortable?: boolean;
}

export type GridTone = 'error' | 'warning' | 'ok' | 'muted' | 'info';

export interface GridCell {
  /** What sorting compares; null sorts last either way. */
  sort: number | string | null;
  text: string;
  to?: RouteLocationRaw | null;
  tone?: GridTone | null;
  /** Longer explanation, shown on hover and read by screen readers. */
  title?: string | null;
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
