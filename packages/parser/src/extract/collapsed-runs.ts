/**
 * Rows printed by crawlers that write each run of equal neighbouring cells once: `46 0 0 0 0 0 46` comes out as
 * `46 0 46`, a row of zeros as one `0`, `265 265 265` as one `265`.
 *
 * A collapsed row of m printed values stands for k cells in one of the C(k−1, m−1) ways to give each printed
 * value a run of at least one cell. Which way is right is decided by the arithmetic the table prints (a row's
 * 总计, a group's total, the column rules across rows); this module only enumerates the readings, each of which
 * the text allows, and never changes a printed digit.
 */
import type { Piece } from './cell-read.js';
import { readValue } from './values.js';

/** Enumerations stop here: a row of fifteen cells printed as eight values has C(14, 7) = 3432 readings. */
export const MAX_EXPANSIONS = 5000;

/**
 * Every way to expand `values` (printed once per run) into `k` cells, in a fixed order, keeping only those
 * `accept` allows. Adjacent printed values are never equal in a collapsed row (they would have been one run), so
 * such a row has no expansion.
 */
export function expansions(values: readonly number[], k: number, accept: (row: number[]) => boolean = () => true): number[][] {
  const m = values.length;
  const out: number[][] = [];
  if (m === 0 || m > k) return out;
  for (let i = 1; i < m; i++) if (values[i] === values[i - 1]) return out;
  const row: number[] = [];
  let visited = 0;
  const rec = (i: number) => {
    if (visited++ > MAX_EXPANSIONS * 4 || out.length >= MAX_EXPANSIONS) return;
    if (i === m) {
      if (row.length === k && accept(row)) out.push([...row]);
      return;
    }
    const left = m - i - 1;
    for (let run = 1; row.length + run + left <= k; run++) {
      if (i === m - 1 && row.length + run !== k) continue;
      for (let r = 0; r < run; r++) row.push(values[i]!);
      rec(i + 1);
      row.length -= run;
    }
  };
  rec(0);
  return out;
}

/** The row's 总计 (its last cell) is the sum of the others. */
export const lastIsSum = (row: readonly number[]): boolean => row[row.length - 1] === row.slice(0, -1).reduce((a, x) => a + x, 0);

/** Groups of `size` cells, each ending with the sum of the group's other cells (section 四). */
export const groupsSum =
  (size: number) =>
  (row: readonly number[]): boolean => {
    for (let g = 0; g + size <= row.length; g += size) if (!lastIsSum(row.slice(g, g + size))) return false;
    return true;
  };

/** The numbers of a row's pieces when every piece is a plain printed number (no blank, no mark, no unit), else null. */
export function plainNumbers(pieces: readonly Piece[]): number[] | null {
  const out: number[] = [];
  for (const p of pieces) {
    if (!/^[+\-−－]?\d+(\.\d+)?$/.test(p.raw)) return null;
    const v = readValue(p.raw).value;
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/**
 * Whether a table's rows look collapsed: some row of separately printed values is shorter than the table is
 * wide, no row prints an explicit blank cell, and no row prints two equal neighbours (which a collapsing crawler
 * would have merged). Text that only lost its blank cells prints equal neighbours ("3 3") in nearly every table.
 */
export function looksCollapsed(rows: readonly { pieces: readonly Piece[]; ownCells: number }[], width: number): boolean {
  let short = false;
  for (const r of rows) {
    if (r.pieces.some((p) => p.raw === '')) return false;
    const values = plainNumbers(r.pieces);
    if (!values) continue;
    for (let i = 1; i < values.length; i++) if (values[i] === values[i - 1]) return false;
    if (r.ownCells >= 2 && values.length < width) short = true;
  }
  return short;
}
