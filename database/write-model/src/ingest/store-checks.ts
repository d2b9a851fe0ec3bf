/**
 * What a parsed report must satisfy before it is stored (the ingest path and re-parsing check the same things).
 */
import { MAX_CELL_MAGNITUDE } from './cell-rows.js';

/** A copy with every U+0000 in every string replaced by U+FFFD (the replacement character). */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\0') ? value.replace(/\0/g, '\uFFFD') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [withoutNul(k), withoutNul(v)])) as T;
  }
  return value;
}

/** Every value fits a stored cell (numeric(18, 6)). */
export function cellsFit(cells: readonly { value: number | null }[]): boolean {
  return cells.every((c) => c.value === null || Math.abs(c.value) < MAX_CELL_MAGNITUDE);
}

/** `YYYY-MM-DD` naming a day that exists (the parser reads dates as printed; 2月30日 is not one). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
