/** One value as the extractors read it, before it becomes a CellEvidence of the parsed report. */
import type { CellState } from '@ogi/domain';
import type { ValueRow } from './tokens.js';
import { readValue } from './values.js';

export interface CellRead {
  value: number | null;
  state: CellState;
  raw: string;
  start: number;
  end: number;
  confidence: number;
  alternatives?: (number | null)[];
  unitRaw?: string;
  /** Which evidence settled the value when the print alone did not (see CellEvidence.decidedBy). */
  decidedBy?: string;
}

/** A printed piece of a value row: one cell, or one whitespace-separated piece of a cell. */
export interface Piece {
  raw: string;
  start: number;
  end: number;
}

/** A number grouped by thousands with spaces ("13 364", "1 234 567"), as some agencies type them into a cell. */
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+$/;

/**
 * The pieces of a value row. A cell printed on its own is one piece, blank included; text that holds several
 * numbers separated by spaces ("1 0 0 0 0 0 1", a PDF line read as text) is cut at the spaces — unless it is one
 * cell among the row's cells and reads as one number grouped by thousands ("13 364").
 */
export function piecesOf(row: ValueRow): Piece[] {
  const out: Piece[] = [];
  const ownCells = row.tokens.length > 1;
  for (const t of row.tokens) {
    const trimmed = t.raw.trim();
    if (!trimmed) {
      out.push({ raw: '', start: t.start, end: t.end });
      continue;
    }
    if (ownCells && SPACE_GROUPED.test(trimmed)) {
      const at = t.raw.indexOf(trimmed);
      out.push({ raw: trimmed, start: t.start + at, end: t.start + at + trimmed.length });
      continue;
    }
    const re = /\S+/g;
    for (let m = re.exec(t.raw); m; m = re.exec(t.raw)) out.push({ raw: m[0], start: t.start + m.index, end: t.start + m.index + m[0].length });
  }
  return out;
}

/** Fits pieces to `k` columns: extra blank cells at the ends (grid padding, sub-label columns) are dropped. */
export function fitPieces(pieces: Piece[], k: number): Piece[] {
  const p = [...pieces];
  while (p.length > k && p[0]!.raw === '') p.shift();
  while (p.length > k && p[p.length - 1]!.raw === '') p.pop();
  return p;
}

export function cellFromPiece(piece: Piece, confidence = 1): CellRead {
  const r = readValue(piece.raw);
  const cell: CellRead = { value: r.value, state: r.state, raw: piece.raw, start: piece.start, end: piece.end, confidence };
  if (r.unit) cell.unitRaw = r.unit;
  return cell;
}

/** A value row whose digits lost their separators: the digits and where they were printed. */
export function gluedDigits(pieces: Piece[]): { digits: string; raw: string; start: number; end: number } | null {
  if (!pieces.length || pieces.some((p) => !/^\d+$/.test(p.raw))) return null;
  return {
    digits: pieces.map((p) => p.raw).join(''),
    raw: pieces.map((p) => p.raw).join(' '),
    start: pieces[0]!.start,
    end: pieces[pieces.length - 1]!.end,
  };
}

/**
 * A run of glued digits the document allows several readings of: the cells it fills, the reading chosen, and
 * the other readings (full rows) that the rules accept just as well.
 */
export interface UncertainRun {
  /**
   * `glued`: digits printed without separators, split several ways; `columns`: values whose columns are unknown;
   * `collapsed`: equal neighbouring cells printed once, expanded several ways; `unit`: an amount printed with no
   * unit in its cell or header (`chosen` in 万元, `others` as if it were 元).
   */
  kind?: 'glued' | 'columns' | 'collapsed' | 'unit';
  raw: string;
  paths: string[];
  chosen: (number | null)[];
  others: (number | null)[][];
}

export function blankCell(at: number): CellRead {
  return { value: null, state: 'EMPTY', raw: '', start: at, end: at, confidence: 1 };
}
