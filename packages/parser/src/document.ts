/**
 * The document model every reader produces and every extractor reads: the report as rows of cells, whatever
 * container it came in. `text` is the normalised text: cells joined by TAB, rows by LF, so a table keeps its
 * shape and a paragraph is a row of one cell. Every cell knows its offsets in `text` and, where the container
 * has one, its place in the original (HTML table/row/cell, PDF page and box, DOCX table/row/cell).
 */
import type { CellSource, ReportFormat } from '@ogi/domain';

export const CELL_SEPARATOR = '\t';
export const ROW_SEPARATOR = '\n';

/** Where a cell sits in the original container; offsets are added when the cell is placed in `text`. */
export type CellOrigin =
  | { kind: 'text'; line: number }
  | { kind: 'html'; table: number; row: number; cell: number }
  /** A PDF box; `parts` are the pieces of text the page drew for it, where it joined several (a header's words). */
  | { kind: 'pdf'; page: number; x: number; y: number; width: number; height: number; parts?: readonly TextPart[] }
  | { kind: 'docx'; table: number; row: number; cell: number }
  /** A spreadsheet cell: `table` is the sheet's index. */
  | { kind: 'xlsx'; table: number; row: number; cell: number };

/** A piece of text as a PDF page drew it: where it starts and how wide it is. */
export interface TextPart {
  text: string;
  x: number;
  width: number;
}

export interface DocCell {
  text: string;
  start: number;
  end: number;
  /** Index of the row the cell is in (rows are numbered in text order). */
  row: number;
  origin: CellOrigin | null;
}

export interface DocumentModel {
  format: ReportFormat;
  encoding: string;
  text: string;
  /** Cells in text order. */
  cells: DocCell[];
  /** Metadata the container states outside the body (HTML <title>, crawler headers, PDF info). */
  containerTitle: string | null;
  /** Header lines of crawler exports and page metadata tables, kept apart from the body text. */
  metaText: string;
  /**
   * The part of `text` the extractors look at. All of it for a report-sized document; for a huge one (a page
   * padded with megabytes of site text), a window around the tables, so time and memory stay bounded.
   */
  focus: [number, number];
}

/** Builds a DocumentModel row by row, keeping offsets exact. */
export class DocumentBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly cells: DocCell[] = [];
  private rowOpen = false;
  private rows = 0;
  containerTitle: string | null = null;
  metaText = '';

  constructor(
    private readonly format: ReportFormat,
    private readonly encoding: string,
  ) {}

  /** Adds one row. Cell text is flattened: tabs and newlines inside a cell become spaces. */
  addRow(cells: readonly { text: string; origin?: CellOrigin | null }[]): void {
    if (!cells.length) return;
    if (this.rowOpen) this.push(ROW_SEPARATOR);
    const row = this.rows++;
    cells.forEach((c, i) => {
      if (i > 0) this.push(CELL_SEPARATOR);
      const text = flattenCell(c.text);
      const start = this.length;
      this.push(text);
      this.cells.push({ text, start, end: this.length, row, origin: c.origin ?? null });
    });
    this.rowOpen = true;
  }

  private push(s: string) {
    this.parts.push(s);
    this.length += s.length;
  }

  build(): DocumentModel {
    return {
      format: this.format,
      encoding: this.encoding,
      text: this.parts.join(''),
      cells: this.cells,
      containerTitle: this.containerTitle,
      metaText: this.metaText,
      focus: [0, this.length],
    };
  }
}

const NEEDS_FLATTENING = /[\t\r\n\u000b\u000c\u2028\u2029\u00a0\u3000０-９]| {2}/;

/**
 * One cell's text on one line: tabs and line breaks become spaces, and full-width digits (２９) become ASCII so
 * that every number reads the same way, whatever the typist used.
 */
export function flattenCell(s: string): string {
  if (!NEEDS_FLATTENING.test(s)) return s.trim();
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\t\r\n\u000b\u000c\u2028\u2029\u00a0\u3000]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The last `n` lines of a text, without splitting all of it. */
export function tailLines(text: string, n: number): string[] {
  let at = text.length;
  for (let i = 0; i < n && at > 0; i++) at = text.lastIndexOf('\n', at - 1);
  return text.slice(Math.max(0, at)).split('\n');
}

/** The cell containing an offset, by binary search. */
export function cellAt(doc: DocumentModel, offset: number): DocCell | null {
  let lo = 0;
  let hi = doc.cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = doc.cells[mid]!;
    if (offset < c.start) hi = mid - 1;
    else if (offset >= c.end) lo = mid + 1;
    else return c;
  }
  return null;
}

/** Evidence location for a span of `text`. */
export function sourceOf(doc: DocumentModel, start: number, end: number): CellSource {
  const cell = cellAt(doc, start);
  const o = cell?.origin;
  if (o?.kind === 'html' || o?.kind === 'docx' || o?.kind === 'xlsx') return { kind: o.kind, table: o.table, row: o.row, cell: o.cell, start, end };
  if (o?.kind === 'pdf') return { kind: 'pdf', page: o.page, x: o.x, y: o.y, width: o.width, height: o.height, start, end };
  const line = o?.kind === 'text' ? o.line : lineOf(doc, start);
  return { kind: 'text', line, start, end };
}

const lineStarts = new WeakMap<DocumentModel, number[]>();

/** 1-based line of an offset in `text`, by binary search over line starts computed once per document. */
function lineOf(doc: DocumentModel, offset: number): number {
  let starts = lineStarts.get(doc);
  if (!starts) {
    starts = [0];
    for (let i = doc.text.indexOf('\n'); i >= 0; i = doc.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(doc, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
