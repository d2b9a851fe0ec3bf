/**
 * Where a table's columns are printed on a PDF page, and where a row's printed values may go.
 *
 * A blank cell prints nothing in a PDF: a row of a table with many blanks comes out as a few numbers, and only
 * their positions say which columns they are in. Each value goes under the column whose position it is printed
 * at; a value printed between two columns (a wrapped or shifted header, a cell's text pushed aside) may belong to
 * either, and the table's sums decide (the solver in applications.ts, the group totals in review-litigation.ts).
 * This module only proposes the placements; it never decides between two of them.
 */
import { cellAt, type DocCell, type DocumentModel, type TextPart } from '../document.js';
import type { Piece } from './cell-read.js';

export interface ColumnGeometry {
  /** The centre of each column, left to right. */
  centres: readonly number[];
  /** The typical distance between neighbouring columns. */
  spacing: number;
}

/** One way to place a row's pieces: the column of each piece, and how far the pieces are from those columns (in columns). */
export interface Placement {
  columns: number[];
  distance: number;
}

/** A piece printed this far from a column's centre (in columns) is still in it, though it may be in its neighbour. */
const BETWEEN_COLUMNS = 0.3;
/** Farther than this from every column, a piece is not part of the table's grid. */
const OUTSIDE = 0.75;

/** The horizontal centre of the PDF text a piece was printed in, or null outside a PDF. */
export function centreOf(doc: DocumentModel, piece: Piece): number | null {
  const o = cellAt(doc, piece.start)?.origin;
  return o?.kind === 'pdf' ? o.x + o.width / 2 : null;
}

/** Column geometry from column centres in order, or null when they are not strictly left to right. */
export function geometryOf(centres: readonly number[]): ColumnGeometry | null {
  if (centres.length < 2 || centres.some((x, i) => i > 0 && x <= centres[i - 1]!)) return null;
  const gaps = centres.slice(1).map((x, i) => x - centres[i]!);
  return { centres, spacing: median(gaps) };
}

/**
 * Every order-keeping way to put pieces printed at `xs` under the columns, each piece in the column nearest to it
 * or, when it is printed well away from that column's centre, in the neighbour on its side; nearest first. Null
 * when a piece is outside the grid or two pieces can only share a column.
 */
export function placements(geometry: ColumnGeometry, xs: readonly number[]): Placement[] | null {
  const { centres, spacing } = geometry;
  const options: { column: number; distance: number }[][] = [];
  for (const x of xs) {
    const near = centres
      .map((c, column) => ({ column, distance: Math.abs(c - x) / spacing }))
      .sort((a, b) => a.distance - b.distance)
      .filter((o, i, all) => o.distance <= OUTSIDE && (i === 0 || (all[0]!.distance > BETWEEN_COLUMNS && i === 1)));
    if (!near.length) return null;
    options.push(near);
  }
  const out: Placement[] = [];
  const columns: number[] = [];
  const rec = (i: number, distance: number) => {
    if (i === xs.length) {
      out.push({ columns: [...columns], distance });
      return;
    }
    for (const o of options[i]!) {
      if (columns.length && o.column <= columns[columns.length - 1]!) continue;
      columns.push(o.column);
      rec(i + 1, distance + o.distance);
      columns.pop();
    }
  };
  rec(0, 0);
  return out.length ? out.sort((a, b) => a.distance - b.distance) : null;
}

/** Column centres learned from rows that print every column: the median centre of each column. */
export function geometryFromFullRows(doc: DocumentModel, rows: readonly Piece[][], width: number): ColumnGeometry | null {
  const samples: number[][] = Array.from({ length: width }, () => []);
  for (const pieces of rows) {
    if (pieces.length !== width) continue;
    const xs = pieces.map((p) => centreOf(doc, p));
    if (xs.some((x) => x === null)) continue;
    xs.forEach((x, c) => samples[c]!.push(x!));
  }
  return samples[0]!.length ? geometryOf(samples.map(median)) : null;
}

/**
 * Column centres from the header words printed between `from` and `before`: `columnOf` says which column a piece
 * of header text names, or null; a column not found is null. A header word broken over lines is found by its
 * first piece, printed at the column's centre as the whole word would be; a later piece at a centre already found
 * is the same column's next line.
 */
export function geometryFromHeader(
  doc: DocumentModel,
  from: number,
  before: number,
  width: number,
  columnOf: (text: string, found: readonly (number | null)[]) => number | null,
): (number | null)[] {
  const centres: (number | null)[] = new Array<number | null>(width).fill(null);
  for (const cell of cellsBetween(doc, from, before)) {
    const o = cell.origin;
    if (o?.kind !== 'pdf') continue;
    const parts = (o.parts ?? [{ text: cell.text, x: o.x, width: o.width }]).flatMap(spaceSeparatedWords);
    for (const part of touchingRuns(parts, 0.15 * o.height)) {
      const centre = part.x + part.width / 2;
      if (centres.some((c) => c !== null && Math.abs(c - centre) < 0.25 * o.height)) continue;
      const c = columnOf(part.text.replace(/\s+/g, ''), centres);
      if (c !== null && centres[c] === null) centres[c] = centre;
    }
  }
  return centres;
}

/**
 * Fills columns the header left unfound (a heading broken where its first line says too little, "自" / "然人")
 * from where the table's values are printed: the values printed between the found neighbours of a column, apart
 * from both, are in it. Null unless every column is then known.
 */
export function completeFromValues(centres: readonly (number | null)[], valueXs: readonly number[]): ColumnGeometry | null {
  const found = centres.map((x, c) => [c, x] as const).filter((e): e is readonly [number, number] => e[1] !== null);
  if (found.length < 2) return null;
  const perColumn = median(found.slice(1).map(([c, x], i) => (x - found[i]![1]) / (c - found[i]![0])));
  const out = centres.map((x, c) => {
    if (x !== null) return x;
    const left = found.filter(([k]) => k < c).pop();
    const right = found.find(([k]) => k > c);
    const lo = left ? left[1] + (c - left[0] - 0.5) * perColumn : -Infinity;
    const hi = right ? right[1] - (right[0] - c - 0.5) * perColumn : Infinity;
    const inside = valueXs.filter((v) => v > lo && v < hi);
    return inside.length ? median(inside) : null;
  });
  return out.every((x) => x !== null) ? geometryOf(out as number[]) : null;
}

/**
 * The words of a piece of text drawn with spaces between them, each placed along the piece's width: LibreOffice
 * draws the top line of neighbouring header cells as one piece ("商业企业 科研", "法律服务 其他"). A CJK character is
 * counted a full width, any other character half of one.
 */
function spaceSeparatedWords(part: TextPart): TextPart[] {
  if (!/\S\s+\S/.test(part.text)) return [part];
  const weight = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5);
  const units = [...part.text].reduce((a, ch) => a + weight(ch), 0);
  const perUnit = part.width / units;
  const words: TextPart[] = [];
  let at = 0;
  for (const m of part.text.matchAll(/(\s*)(\S+)/g)) {
    at += [...m[1]!].reduce((a, ch) => a + weight(ch), 0);
    const size = [...m[2]!].reduce((a, ch) => a + weight(ch), 0);
    words.push({ text: m[2]!, x: part.x + at * perUnit, width: size * perUnit });
    at += size;
  }
  return words;
}

/**
 * Pieces of text that touch, joined: one cell's line of text, which a page may draw in several pieces ("结果" "维");
 * the words of neighbouring header cells stand apart by the cells' padding.
 */
function touchingRuns(parts: readonly TextPart[], gap: number): TextPart[] {
  const runs: TextPart[] = [];
  for (const part of [...parts].sort((p, q) => p.x - q.x)) {
    const last = runs[runs.length - 1];
    if (last && part.x - (last.x + last.width) <= gap) runs[runs.length - 1] = { text: last.text + part.text, x: last.x, width: part.x + part.width - last.x };
    else runs.push({ ...part });
  }
  return runs;
}

/** The document's cells that lie in [from, before), found by binary search. */
function cellsBetween(doc: DocumentModel, from: number, before: number): DocCell[] {
  let lo = 0;
  let hi = doc.cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.cells[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: DocCell[] = [];
  for (let i = lo; i < doc.cells.length && doc.cells[i]!.end <= before; i++) out.push(doc.cells[i]!);
  return out;
}

function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
