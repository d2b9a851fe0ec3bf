/**
 * Reads a PDF's text layer with pdfjs-dist and rebuilds table rows from positions.
 *
 * Text items are grouped into lines by baseline. A line holding numbers is a table row; text lines with no
 * numbers that lie in the label column (left of the row's first number) and closer to that row than to any
 * other are part of its label: table cells wrap long labels over several lines, with the numbers printed on
 * the middle line or level with the first. Page numbers are dropped, so a table broken across pages reads on.
 */
import { ReportParseError } from '@ogi/domain';
import { DocumentBuilder, type DocumentModel } from '../document.js';
import { guardPdfStreams } from './decompression-guard.js';

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  numeric: boolean;
}

interface Line {
  y: number;
  height: number;
  items: Item[];
}

const NUMERIC_ITEM = /^[+\-−]?\d[\d,]*(\.\d+)?\s*(万元|元|%|件)?$/;
const SEVERAL_NUMBERS = /^[+\-−]?\d[\d,.]*(\s+[+\-−]?\d[\d,.]*)+$/;
const PAGE_NUMBER = /^(第\s*\d+\s*页.*|[-—–－]\s*\d+\s*[-—–－]|\d{1,3}|\d+\s*\/\s*\d+)$/;
const MAX_PAGES = 300;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

export async function readPdf(bytes: Uint8Array): Promise<DocumentModel> {
  guardPdfStreams(bytes);
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  let doc;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    }).promise;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') throw new ReportParseError('ENCRYPTED_PDF');
    throw new ReportParseError('CORRUPT_FILE');
  }
  try {
    const builder = new DocumentBuilder('pdf', 'pdf');
    const info = await doc.getMetadata().catch(() => null);
    const title = (info?.info as { Title?: unknown } | undefined)?.Title;
    builder.containerTitle = typeof title === 'string' && title.trim() ? title.trim() : null;
    let textChars = 0;
    const pages = Math.min(doc.numPages, MAX_PAGES);
    for (let p = 1; p <= pages; p++) {
      let page;
      let content;
      try {
        page = await doc.getPage(p);
        content = await page.getTextContent();
      } catch {
        // A page that cannot be decoded would silently drop rows of a table: refuse the file instead.
        throw new ReportParseError('CORRUPT_FILE', `PDF 第 ${p} 页的内容已损坏，无法读取。`);
      }
      const { height: pageHeight } = page.getViewport({ scale: 1 });
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const text = raw.str.replace(/\s+/g, ' ').trim();
        if (!text) continue;
        const [a, b, c, d, e, f] = raw.transform as number[];
        // Rotated text is a watermark or a stamp, not part of the report's text flow.
        if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!)) continue;
        const height = raw.height || Math.abs(d!) || 10;
        textChars += text.length;
        if (SEVERAL_NUMBERS.test(text)) {
          // "29 0 0 0 0 0 29" drawn as one piece of text: one item per number, placed along the piece's width.
          for (const m of text.matchAll(/\S+/g)) {
            const x = e! + (raw.width * m.index!) / text.length;
            items.push({ text: m[0], x, y: f!, width: (raw.width * m[0].length) / text.length, height, numeric: true });
          }
          continue;
        }
        items.push({ text, x: e!, y: f!, width: raw.width, height, numeric: NUMERIC_ITEM.test(text) });
      }
      for (const row of pageRows(joinTouchingDigits(items), pageHeight)) {
        builder.addRow(
          row.map((cell) => ({
            text: cell.text,
            origin: { kind: 'pdf' as const, page: p, x: cell.x, y: pageHeight - cell.y - cell.height, width: cell.width, height: cell.height },
          })),
        );
      }
      page.cleanup();
    }
    if (textChars < 20) throw new ReportParseError('NO_TEXT_LAYER');
    return builder.build();
  } finally {
    await doc.destroy();
  }
}

const DIGIT_PIECE = /^[+\-−]?[\d.,]+$/;
const DIGIT_TAIL = /^[\d.,]+(万元|元|%|件)?$/;

/**
 * Chromium's "print to PDF" draws one number as several text pieces that touch ("44" "72" "28" for 447228): pieces
 * of digits on one baseline with no gap between them are one number. Numbers in neighbouring table cells are
 * always apart by the cells' padding.
 */
function joinTouchingDigits(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of [...items].sort((p, q) => q.y - p.y || p.x - q.x)) {
    const prev = out[out.length - 1];
    const touching = prev && Math.abs(prev.y - item.y) < 0.1 * item.height && Math.abs(item.x - (prev.x + prev.width)) < 0.05 * item.height;
    if (touching && DIGIT_PIECE.test(prev.text) && DIGIT_TAIL.test(item.text)) {
      const text = prev.text + item.text;
      out[out.length - 1] = { ...prev, text, width: item.x + item.width - prev.x, numeric: NUMERIC_ITEM.test(text) };
    } else out.push(item);
  }
  return out;
}

/** The rows of one page, top to bottom, each a list of cells left to right. */
function pageRows(items: Item[], pageHeight: number): Item[][] {
  const lines = mergeRowLines(groupLines(items).filter((l) => !isPageMargin(l, pageHeight)));
  const valueLines = lines.filter((l) => l.items.some((i) => i.numeric));
  const absorbed = new Map<Line, Line[]>();
  const taken = new Set<Line>();
  for (const line of lines) {
    if (line.items.some((i) => i.numeric)) continue;
    // Candidate rows: value lines whose label column holds this whole line.
    let best: Line | null = null;
    let bestDistance = Infinity;
    for (const v of valueLines) {
      const distance = Math.abs(v.y - line.y);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = v;
      }
    }
    if (!best) continue;
    const labelColumnEnd = firstNumberX(best);
    const lineEnd = maxOf(line.items.map((i) => i.x + i.width));
    const reach = Math.max(3 * Math.min(line.height, best.height), 20);
    if (lineEnd <= labelColumnEnd + 1 && bestDistance <= reach && line !== best) {
      const list = absorbed.get(best) ?? [];
      list.push(line);
      absorbed.set(best, list);
      taken.add(line);
    }
  }
  const rows: Item[][] = [];
  for (const line of lines) {
    if (taken.has(line)) continue;
    const extra = absorbed.get(line);
    if (!extra) {
      rows.push(cellsOf(line.items));
      continue;
    }
    // The label: every text piece left of the numbers, in reading order — column by column (a group label's
    // column before the row label's), top down within a column. Pieces whose horizontal extents overlap share a
    // column, so centred lines of one cell stay together.
    const numberX = firstNumberX(line);
    const labelItems = [...line.items.filter((i) => i.x < numberX && !i.numeric), ...extra.flatMap((l) => l.items)];
    const label = mergeItems(readingOrder(labelItems));
    rows.push([label, ...cellsOf(line.items.filter((i) => i.x >= numberX || i.numeric))]);
  }
  return rows;
}

/**
 * Cells of one table row need not share a baseline: a cell whose text wraps is printed higher than a centred
 * one-line cell beside it. Two neighbouring lines holding numbers, close together, with nothing printed in the
 * same place horizontally, are one row.
 */
function mergeRowLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const hasNumber = (l: Line) => l.items.some((i) => i.numeric);
    const overlaps = (a: Line, b: Line) => a.items.some((p) => b.items.some((q) => p.x < q.x + q.width && q.x < p.x + p.width));
    if (prev && hasNumber(prev) && hasNumber(line) && prev.y - line.y <= 1.6 * Math.min(prev.height, line.height) && !overlaps(prev, line)) {
      prev.items = [...prev.items, ...line.items].sort((p, q) => p.x - q.x);
      prev.y = line.y;
      prev.height = Math.max(prev.height, line.height);
    } else out.push({ ...line, items: [...line.items] });
  }
  return out;
}

function readingOrder(items: Item[]): Item[] {
  const columns: { left: number; right: number; items: Item[] }[] = [];
  for (const item of [...items].sort((p, q) => p.x - q.x)) {
    const column = columns.find((c) => item.x < c.right - 1 && item.x + item.width > c.left + 1);
    if (column) {
      column.items.push(item);
      column.left = Math.min(column.left, item.x);
      column.right = Math.max(column.right, item.x + item.width);
    } else columns.push({ left: item.x, right: item.x + item.width, items: [item] });
  }
  return columns.sort((p, q) => p.left - q.left).flatMap((c) => c.items.sort((p, q) => q.y - p.y || p.x - q.x));
}

function groupLines(items: Item[]): Line[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= 0.45 * Math.min(l.height, item.height));
    if (line) {
      line.items.push(item);
      line.height = Math.max(line.height, item.height);
    } else lines.push({ y: item.y, height: item.height, items: [item] });
  }
  for (const l of lines) l.items.sort((p, q) => p.x - q.x);
  return lines.sort((p, q) => q.y - p.y);
}

function isPageMargin(line: Line, pageHeight: number): boolean {
  const inMargin = line.y < pageHeight * 0.08 || line.y > pageHeight * 0.94;
  return (
    inMargin &&
    PAGE_NUMBER.test(
      line.items
        .map((i) => i.text)
        .join('')
        .replace(/\s+/g, ''),
    )
  );
}

const firstNumberX = (l: Line) => minOf(l.items.filter((i) => i.numeric).map((i) => i.x));

/** Adjacent text pieces closer than a character's width are one cell; each number is a cell of its own. */
function cellsOf(items: Item[]): Item[] {
  const cells: Item[] = [];
  for (const item of items) {
    const prev = cells[cells.length - 1];
    if (prev && !prev.numeric && !item.numeric && item.x - (prev.x + prev.width) < 0.9 * item.height) {
      cells[cells.length - 1] = mergeItems([prev, item]);
    } else cells.push(item);
  }
  return cells;
}

function mergeItems(items: Item[]): Item {
  const x = minOf(items.map((i) => i.x));
  const y = minOf(items.map((i) => i.y));
  const right = maxOf(items.map((i) => i.x + i.width));
  const top = maxOf(items.map((i) => i.y + i.height));
  return { text: items.map((i) => i.text).join(''), x, y, width: right - x, height: top - y, numeric: false };
}

// Loops, not Math.min(...xs): a hostile page can put more pieces on one line than a call takes arguments.
function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}
