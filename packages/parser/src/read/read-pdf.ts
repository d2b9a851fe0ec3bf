/**
 * Reads a PDF's text layer with pdfjs-dist and rebuilds table rows from positions.
 *
 * Text items are grouped into lines by baseline. A line holding numbers is a table row; text lines with no
 * numbers that lie in the label column (left of the row's first number) and closer to that row than to any
 * other are part of its label: table cells wrap long labels over several lines, with the numbers printed on
 * the middle line or level with the first. Page numbers are dropped (recognised by what they are, see
 * pageNumberLines), so a table broken across pages reads on.
 */
import { ReportParseError } from '@ogi/domain';
import { DocumentBuilder, type DocumentModel, type TextPart } from '../document.js';
import { guardPdfStreams } from './decompression-guard.js';

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  numeric: boolean;
  /** The pieces a cell was joined from, kept for the column geometry of table headers. */
  parts?: TextPart[];
}

interface Line {
  y: number;
  height: number;
  items: Item[];
}

const NUMERIC_ITEM = /^[+\-−]?\d[\d,]*(\.\d+)?\s*(万元|元|%|件)?$/;
const SEVERAL_NUMBERS = /^[+\-−]?\d[\d,.]*(\s+[+\-−]?\d[\d,.]*)+$/;
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
    const read: PageLines[] = [];
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
      const { width: pageWidth, height: pageHeight } = page.getViewport({ scale: 1 });
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
      read.push({ page: p, width: pageWidth, height: pageHeight, lines: groupLines(joinTouchingPieces(items)) });
      page.cleanup();
    }
    if (textChars < 20) throw new ReportParseError('NO_TEXT_LAYER');
    const pageNumbers = pageNumberLines(read);
    for (const { page: p, height: pageHeight, lines } of read) {
      for (const row of pageRows(lines.filter((l) => !pageNumbers.has(l)))) {
        builder.addRow(
          row.map((cell) => ({
            text: cell.text,
            origin: {
              kind: 'pdf' as const,
              page: p,
              x: cell.x,
              y: pageHeight - cell.y - cell.height,
              width: cell.width,
              height: cell.height,
              ...(cell.parts ? { parts: cell.parts } : {}),
            },
          })),
        );
      }
    }
    return builder.build();
  } finally {
    await doc.destroy();
  }
}

const DIGIT_PIECE = /^[+\-−]?[\d.,]+$/;
const DIGIT_TAIL = /^[\d.,]+(万元|元|%|件)?$/;

/**
 * Pieces of text on one baseline with no gap between them are one piece. Chromium's "print to PDF" draws one number
 * as several pieces that touch ("44" "72" "28" for 447228), and a number in running text as a piece of its own
 * between the words it touches (沭阳县发展和改革局 "2023" 年政府信息公开年度报告): joined, the sentence is text, not
 * a table row whose label would take in the lines around it. Values in neighbouring table cells are always apart by
 * the cells' padding, and so are a row's label and its first value.
 */
function joinTouchingPieces(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of [...items].sort((p, q) => q.y - p.y || p.x - q.x)) {
    const prev = out[out.length - 1];
    const touching = prev && Math.abs(prev.y - item.y) < 0.1 * item.height && Math.abs(item.x - (prev.x + prev.width)) < 0.05 * item.height;
    const digits = touching && DIGIT_PIECE.test(prev.text) && DIGIT_TAIL.test(item.text);
    // Two pieces of words stay apart here: a table header's words keep their own positions (see cellsOf).
    if (digits || (touching && (prev.numeric || item.numeric))) {
      const text = prev.text + item.text;
      out[out.length - 1] = { ...prev, text, width: item.x + item.width - prev.x, numeric: NUMERIC_ITEM.test(text) };
    } else out.push(item);
  }
  return out;
}

/** The rows of one page, top to bottom, each a list of cells left to right, from its lines of text. */
function pageRows(pageLines: Line[]): Item[][] {
  const lines = mergeRowLines(pageLines);
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
  // Lines of another row's label, which a table of blank cells leaves with no numbers of its own, are that row's.
  for (const [valueLine, extra] of absorbed) {
    const own = extra.filter((l) => sameRowLabel(valueLine, l, extra));
    for (const l of extra) if (!own.includes(l)) taken.delete(l);
    absorbed.set(valueLine, own);
  }
  // A long label wrapped in a top-aligned cell runs on below its numbers, line under line, further than `reach`:
  // a text line right under a line of a row's label, in its column and not starting another row, continues it.
  const ownerOf = new Map<Line, Line>();
  for (const [valueLine, extra] of absorbed) for (const l of [valueLine, ...extra]) ownerOf.set(l, valueLine);
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    const above = lines[k - 1]!;
    const owner = ownerOf.get(above);
    if (!owner || taken.has(line) || ownerOf.has(line) || line.items.some((i) => i.numeric) || startsRow(line.items)) continue;
    const labelItems = above === owner ? owner.items.filter((i) => !i.numeric && i.x < firstNumberX(owner)) : above.items;
    const continues =
      labelItems.length > 0 &&
      sideBySide(extentOf(line.items), extentOf(labelItems)) &&
      maxOf(line.items.map((i) => i.x + i.width)) <= firstNumberX(owner) + 1 &&
      above.y - line.y <= 2.5 * Math.min(above.height, line.height);
    if (!continues) continue;
    const list = absorbed.get(owner) ?? [];
    list.push(line);
    absorbed.set(owner, list);
    taken.add(line);
    ownerOf.set(line, owner);
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

/** How a table row's label begins: （一）, 一、, 1. — the numbering of the format's rows. */
const ROW_NUMBERING = /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.．、])/;

/**
 * A line's pieces of text grouped into runs that touch, left to right (one run: one cell's line). Pieces on
 * different baselines are different runs: a row joined from several lines (a group label's top line level with the
 * row's 总计, above the row's label) does not run the group label into the row's label.
 */
function textRuns(items: readonly Item[]): Item[][] {
  const runs: Item[][] = [];
  for (const item of [...items].sort((p, q) => p.x - q.x)) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    const sameBaseline = prev !== undefined && Math.abs(item.y - prev.y) <= 0.45 * Math.min(item.height, prev.height);
    if (run && prev && sameBaseline && item.x - (prev.x + prev.width) <= 0.5 * item.height) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Some run of text on the line begins with a row's numbering. */
const startsRow = (items: readonly Item[]) => textRuns(items).some((run) => ROW_NUMBERING.test(run.map((i) => i.text).join('')));
const extentOf = (items: readonly Item[]) => ({ left: minOf(items.map((i) => i.x)), right: maxOf(items.map((i) => i.x + i.width)) });
const sideBySide = (a: { left: number; right: number }, b: { left: number; right: number }) => a.left < b.right - 1 && b.left < a.right - 1;

/**
 * Whether a text line near a row's numbers is part of that row's label. Walking from the numbers to the line in the
 * line's column, a label line that begins a numbered row (1. 2. （三）) is a row boundary: a line beyond one belongs
 * to another row — in a table with blank cells, a row that printed only its label. A row's own numbered label
 * line beside or above its numbers is not a boundary for the lines after it.
 */
function sameRowLabel(valueLine: Line, line: Line, candidates: readonly Line[]): boolean {
  const column = extentOf(line.items);
  // Text of the row's own lines only: a group label's top line joined to the row from above (see mergeRowLines) is
  // printed above `line`, not beside the numbers.
  const labelBeside = textRuns(valueLine.items.filter((i) => !i.numeric && i.x < firstNumberX(valueLine) && i.y <= line.y))
    .filter((run) => sideBySide(extentOf(run), column))
    .flat();
  const numbered = (l: Line) => sideBySide(extentOf(l.items), column) && startsRow(l.items);
  if (line.y < valueLine.y) {
    // Below the numbers: a numbered line on the way (this one included) starts another row.
    return !candidates.some((l) => l.y < valueLine.y && l.y >= line.y && numbered(l));
  }
  // Above the numbers: the row's label starts at the first numbered line going up; nothing beyond it is this row's,
  // nor anything above a numbered label printed beside the numbers.
  if (labelBeside.length && startsRow(labelBeside)) return false;
  return !candidates.some((l) => l !== line && l.y > valueLine.y && l.y < line.y && numbered(l));
}

/**
 * The only text on `upper` lies left of where the row's own label starts (a numbered label, 1. or （一）, printed on
 * `lower` or on one of the label lines between them): the top line of a group's label cell ("（三）" over "不予公开"),
 * printed level with the first row's top line.
 */
function onlyGroupLabelBeside(upper: Line, lower: Line, between: readonly Line[]): boolean {
  const rowStart = [lower, ...between]
    .map((l) => textRuns(l.items.filter((i) => !i.numeric)).find((run) => ROW_NUMBERING.test(run.map((i) => i.text).join(''))))
    .find((run) => run !== undefined);
  return rowStart !== undefined && upper.items.every((i) => i.numeric || i.x + i.width <= rowStart[0]!.x + 1);
}

/**
 * `upper` prints the start of a numbered row label (2. 申请人逾期未按收费通…) beside its number, and no line down to
 * `lower` starts another label in that column or right of it: a long label's first line printed level with the
 * row's 总计 on the top line, the row's other values lower down beside the rest of the label.
 */
function ownLabelStartsBeside(upper: Line, lower: Line, between: readonly Line[]): boolean {
  const numberedRun = (l: Line) => textRuns(l.items.filter((i) => !i.numeric)).find((run) => ROW_NUMBERING.test(run.map((i) => i.text).join('')));
  const start = numberedRun(upper);
  if (!start) return false;
  const column = start[0]!.x;
  return ![lower, ...between].some((l) => {
    const run = numberedRun(l);
    return run !== undefined && run[0]!.x >= column - 1;
  });
}

/**
 * Cells of one table row need not share a baseline: a cell whose text wraps is printed higher than a centred
 * one-line cell beside it. Two neighbouring lines holding numbers, close together, with nothing printed in the
 * same place horizontally, are one row. A line of numbers alone, with no text, may be further above the rest of
 * its row, with only lines of its label between: a row three lines high (WPS and LibreOffice files typed with
 * empty paragraphs in a cell, at wide line spacing) prints that cell's number on the top line and the other
 * values on the middle one. Such a line goes with the numbers below it when they are nearer than the row above;
 * a separate row above prints its own numbers in the same columns (the 总计 at least).
 */
function mergeRowLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const above = hasNumber(line) ? rowLineAbove(out, line) : null;
    if (above) {
      above.items = [...above.items, ...line.items].sort((p, q) => p.x - q.x);
      above.y = line.y;
      above.height = Math.max(above.height, line.height);
    } else out.push({ ...line, items: [...line.items] });
  }
  return out;
}

const hasNumber = (l: Line) => l.items.some((i) => i.numeric);
const overlaps = (a: Line, b: Line) => a.items.some((p) => b.items.some((q) => p.x < q.x + q.width && q.x < p.x + p.width));

/** The line of numbers above `line` that belongs to the same table row, or null. */
function rowLineAbove(out: readonly Line[], line: Line): Line | null {
  const prev = out[out.length - 1];
  if (prev && hasNumber(prev) && prev.y - line.y <= 1.6 * Math.min(prev.height, line.height) && !overlaps(prev, line)) return prev;
  const labelEnd = firstNumberX(line);
  const between: Line[] = [];
  for (let k = out.length - 1; k >= 0; k--) {
    const l = out[k]!;
    if (!hasNumber(l)) {
      // Only the row's label may lie between: text left of its numbers.
      if (maxOf(l.items.map((i) => i.x + i.width)) > labelEnd) return null;
      between.push(l);
      continue;
    }
    // A line of numbers alone goes with the row below it when that row's numbers are nearer than the row above.
    const numbersOnly = l.items.every((i) => i.numeric) || onlyGroupLabelBeside(l, line, between) || ownLabelStartsBeside(l, line, between);
    const distance = l.y - line.y;
    let rowAbove: Line | undefined;
    for (let j = k - 1; j >= 0 && !rowAbove; j--) if (hasNumber(out[j]!)) rowAbove = out[j];
    const nearer = !rowAbove || distance < rowAbove.y - l.y;
    // Only numbers in the same columns show another row: the group label's top line may lie over the rest of it.
    const numbersOverlap = overlaps({ ...l, items: l.items.filter((i) => i.numeric) }, { ...line, items: line.items.filter((i) => i.numeric) });
    return numbersOnly && nearer && distance <= 4 * Math.min(l.height, line.height) && !numbersOverlap ? l : null;
  }
  return null;
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

/** One page's lines of text, top to bottom, and the page's size. */
interface PageLines {
  page: number;
  width: number;
  height: number;
  lines: Line[];
}

/** The margin bands where page numbers are printed: the bottom 8 % and the top 6 % of a page. */
const BOTTOM_BAND = 0.08;
const TOP_BAND = 0.94;
/** A page number written as one: 第 3 页, 第3页 共6页, - 3 -, 3 / 6. */
const WRITTEN_PAGE_NUMBER = /^(第\s*\d+\s*页.*|[-—–－]\s*\d+\s*[-—–－]|\d+\s*\/\s*\d+)$/;
const BARE_NUMBER = /^\d{1,3}$/;

/**
 * The lines that are page numbers, recognised by what they are, not by being a lone number: a line in the top or
 * bottom margin written as a page number (第3页, - 3 -, 3/6), or a bare number there that counts the pages — in the
 * same band, on two pages or more, it goes up one by one with the pages. A document whose pages do not count that
 * way (one page only, or no numbering) has a bare number for a page number only where it is centred on the page.
 * A table row broken over a page keeps its cells: a 总计 printed alone at the very top of the next page (a row
 * three lines high whose top line is all the page has room for) is part of the table, not page 12.
 */
function pageNumberLines(pages: readonly PageLines[]): Set<Line> {
  const out = new Set<Line>();
  const bare: { band: 'top' | 'bottom'; offset: number; centred: boolean; line: Line }[] = [];
  for (const { page, width, height, lines } of pages)
    for (const line of lines) {
      const band = line.y > height * TOP_BAND ? 'top' : line.y < height * BOTTOM_BAND ? 'bottom' : null;
      if (!band) continue;
      const text = marginText(line);
      if (WRITTEN_PAGE_NUMBER.test(text)) out.add(line);
      else if (BARE_NUMBER.test(text)) {
        const { left, right } = extentOf(line.items);
        bare.push({ band, offset: Number(text) - page, centred: Math.abs((left + right) / 2 - width / 2) <= 0.06 * width, line });
      }
    }
  const counted = (band: string, offset: number) => bare.filter((b) => b.band === band && b.offset === offset).length >= 2;
  for (const b of bare) {
    const bandCounts = bare.some((o) => o.band === b.band && counted(o.band, o.offset));
    if (bandCounts ? counted(b.band, b.offset) : b.centred) out.add(b.line);
  }
  return out;
}

/** A margin line's text, pieces apart from each other kept apart: "1" and "1" in two table cells are not page 11. */
function marginText(line: Line): string {
  let text = '';
  let end = -Infinity;
  for (const item of line.items) {
    text += (text && item.x - end > 0.5 * item.height ? ' ' : '') + item.text;
    end = item.x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

const firstNumberX = (l: Line) => minOf(l.items.filter((i) => i.numeric).map((i) => i.x));

/** Adjacent text pieces closer than a character's width are one cell; each number is a cell of its own. */
function cellsOf(items: Item[]): Item[] {
  const cells: Item[] = [];
  for (const item of items) {
    const prev = cells[cells.length - 1];
    if (prev && !prev.numeric && !item.numeric && item.x - (prev.x + prev.width) < 0.9 * item.height) {
      // The pieces list grows in place: a line of many thousands of pieces must not be copied at every one.
      const parts = prev.parts ?? [{ text: prev.text, x: prev.x, width: prev.width }];
      parts.push({ text: item.text, x: item.x, width: item.width });
      cells[cells.length - 1] = mergeItems([prev, item], parts);
    } else cells.push(item);
  }
  return cells;
}

function mergeItems(items: Item[], parts: TextPart[] = items.flatMap((i) => i.parts ?? [{ text: i.text, x: i.x, width: i.width }])): Item {
  const x = minOf(items.map((i) => i.x));
  const y = minOf(items.map((i) => i.y));
  const right = maxOf(items.map((i) => i.x + i.width));
  const top = maxOf(items.map((i) => i.y + i.height));
  return { text: items.map((i) => i.text).join(''), x, y, width: right - x, height: top - y, numeric: false, parts };
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
