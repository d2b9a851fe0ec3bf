/**
 * Cuts a region of the document into a stream of tokens: labels (found by `findLabels`), value runs (numbers,
 * blanks and "—" marks printed in cells of their own, or glued right after a label), and other text.
 * Then groups consecutive value tokens into value rows.
 */
import type { DocCell, DocumentModel } from '../document.js';
import { spanInText, type TextView } from '../text-view.js';
import type { LabelMatch } from './labels.js';
import { isValueText } from './values.js';

export type Token =
  | { kind: 'label'; key: string; start: number; end: number; match: LabelMatch }
  | { kind: 'value'; raw: string; start: number; end: number; row: number; ownCell: boolean }
  | { kind: 'text'; text: string; start: number; end: number };

export type ValueToken = Extract<Token, { kind: 'value' }>;
export type LabelToken = Extract<Token, { kind: 'label' }>;

// After a label: closing quotes, brackets and punctuation the label ended with, then the values.
const LEADING_VALUE_RUN = /^[\s"'“”‘’」』)）:：,，、]*[+\-−－]?\d[0-9.,+\-−－\s]*(万元|元|%)?/;

export function tokenize(doc: DocumentModel, v: TextView, matches: readonly LabelMatch[], start: number, end: number): Token[] {
  const labels = matches
    .map((m) => ({ m, ...spanInText(v, m.from, m.to) }))
    .filter((l) => l.start >= start && l.end <= end)
    .sort((a, b) => a.start - b.start);
  const tokens: Token[] = [];
  const labelled = new Set<LabelMatch>();
  let li = 0;
  for (const cell of cellsIn(doc, start, end)) {
    const cs = Math.max(cell.start, start);
    const ce = Math.min(cell.end, end);
    let pos = cs;
    let afterLabel = false;
    // Labels may begin in an earlier cell and run into this one (a label wrapped over rows). Those before `li`
    // ended before an earlier cell, so only the labels from `li` that start inside this cell can touch it: the scan
    // stays linear in the number of cells and labels.
    while (li < labels.length && labels[li]!.end <= cs) li++;
    let cellHasLabel = false;
    for (let k = li; k < labels.length && labels[k]!.start < ce && !cellHasLabel; k++) cellHasLabel = labels[k]!.end > cs;
    let k = li;
    while (pos < ce) {
      const next = k < labels.length && labels[k]!.start < ce ? labels[k]! : null;
      const pieceEnd = next ? Math.max(pos, next.start) : ce;
      if (pieceEnd > pos) pushPiece(tokens, doc.text, pos, pieceEnd, cell, afterLabel, !cellHasLabel);
      if (!next) break;
      if (!labelled.has(next.m)) {
        labelled.add(next.m);
        tokens.push({ kind: 'label', key: next.m.key, start: next.start, end: next.end, match: next.m });
      }
      pos = Math.max(pos, next.end);
      afterLabel = true;
      k++;
    }
    if (cs === ce && !cellHasLabel) tokens.push({ kind: 'value', raw: '', start: cs, end: ce, row: cell.row, ownCell: true });
  }
  return tokens;
}

function pushPiece(tokens: Token[], text: string, start: number, end: number, cell: DocCell, afterLabel: boolean, wholeCell: boolean) {
  const piece = text.slice(start, end);
  if (!piece.trim()) {
    return;
  }
  if (wholeCell && isValueText(piece)) {
    tokens.push({ kind: 'value', raw: piece, start, end, row: cell.row, ownCell: true });
    return;
  }
  if (afterLabel) {
    const run = LEADING_VALUE_RUN.exec(piece);
    if (run) {
      const runEnd = start + run[0].length;
      const lead = run[0].search(/[+\-−－\d]/);
      tokens.push({ kind: 'value', raw: run[0].slice(lead), start: start + lead, end: runEnd, row: cell.row, ownCell: false });
      if (runEnd < end && text.slice(runEnd, end).trim()) tokens.push({ kind: 'text', text: text.slice(runEnd, end), start: runEnd, end });
      return;
    }
  }
  if (isValueText(piece)) {
    tokens.push({ kind: 'value', raw: piece, start, end, row: cell.row, ownCell: false });
    return;
  }
  tokens.push({ kind: 'text', text: piece, start, end });
}

/** Cells overlapping [start, end), by binary search for the first. */
export function cellsIn(doc: DocumentModel, start: number, end: number): DocCell[] {
  let lo = 0;
  let hi = doc.cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.cells[mid]!.end < start) lo = mid + 1;
    else hi = mid;
  }
  const out: DocCell[] = [];
  for (let i = lo; i < doc.cells.length && doc.cells[i]!.start < end; i++) {
    const c = doc.cells[i]!;
    if (c.end >= start) out.push(c);
  }
  return out;
}

export interface ValueRow {
  tokens: ValueToken[];
  start: number;
  end: number;
  /** Label tokens since the previous value row (or the region start), nearest last. */
  precedingLabels: LabelToken[];
  /** Text tokens since the previous value row. */
  precedingText: string;
}

/**
 * Groups value tokens into rows. Consecutive value tokens form one row, except that a table row with several
 * value cells ends at its row boundary (two label-less table rows in a row are two rows). Scraped text with one
 * cell per line has one value per row, and keeps its values together until the next label.
 */
export function valueRows(tokens: readonly Token[]): ValueRow[] {
  const rows: ValueRow[] = [];
  let current: ValueToken[] = [];
  let labels: LabelToken[] = [];
  let text = '';
  const valuesPerRow = new Map<number, number>();
  for (const t of tokens) if (t.kind === 'value') valuesPerRow.set(t.row, (valuesPerRow.get(t.row) ?? 0) + 1);
  const close = () => {
    if (current.some((t) => t.raw.trim() !== '') || current.length >= 2) {
      rows.push({ tokens: current, start: current[0]!.start, end: current[current.length - 1]!.end, precedingLabels: labels, precedingText: text });
      labels = [];
      text = '';
    }
    current = [];
  };
  for (const t of tokens) {
    if (t.kind === 'value') {
      const prev = current[current.length - 1];
      // A table row of several value cells starts a new value row.
      if (prev && prev.row !== t.row && (valuesPerRow.get(t.row) ?? 0) >= 2) close();
      current.push(t);
    } else {
      close();
      if (t.kind === 'label') labels.push(t);
      else text += t.text;
    }
  }
  close();
  return rows;
}
