/**
 * Reads an HTML page in one streaming pass (no DOM is built, so a 50 MB page costs little memory):
 * paragraphs become rows of one cell, data tables become rows of cells. Script, style, hidden and other
 * non-content elements are dropped. A table that turns out to contain another table is page layout: its cells
 * are read as paragraphs. Text split across inline tags (Word-pasted <span>s, several <p>s in a cell) is joined
 * without spaces, as Chinese is written; an empty cell stays an empty cell.
 */
import { Parser } from 'htmlparser2';
import { ReportParseError } from '@ogi/domain';
import { DocumentBuilder, type CellOrigin, type DocumentModel } from '../document.js';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'select',
  'option',
  'button',
  'object',
  'embed',
  'canvas',
  'textarea',
  'math',
]);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
  'hr',
  'form',
  'center',
  'caption',
  'figure',
  'figcaption',
  'address',
  'fieldset',
  'legend',
  'tbody',
  'thead',
  'tfoot',
  'body',
  'html',
]);
/** Marks a block boundary inside collected text. */
const BREAK = '\u0000';

type Row = { text: string; origin: CellOrigin | null }[];

interface TableContext {
  index: number;
  layout: boolean;
  rows: Row[];
  row: Row | null;
  rowIndex: number;
  cell: string[] | null;
  /** Where this table's rows go in the output, to keep document order. */
  slot: Row[];
}

/**
 * Tables or blocks nested deeper than this are no page's layout (real pages nest a handful). htmlparser2 keeps the
 * open elements in a list it shifts at the front, so each level of an unclosed nest costs as much as all before
 * it: 10 MB of unclosed <table> tags would take it minutes. Such a page is refused before it is parsed.
 */
const MAX_NESTING = 500;

export function readHtml(html: string, encoding: string): DocumentModel {
  if (nestingDepth(html, MAX_NESTING) > MAX_NESTING)
    throw new ReportParseError(
      'FILE_TOO_LARGE',
      `网页的结构超出了年报的正常规模：表格或区块嵌套超过 ${MAX_NESTING} 层（多半是大量没有闭合的 <table> 标签），无法读取。`,
    );
  const builder = new DocumentBuilder('html', encoding);
  const output: (Row | Row[])[] = [];
  const tables: TableContext[] = [];
  let tableCount = 0;
  let paragraph: string[] = [];
  let skipDepth = 0;
  let inTitle = false;
  let title = '';

  const flush = () => {
    const text = joinPieces(paragraph);
    paragraph = [];
    if (text.trim()) output.push([{ text, origin: null }]);
  };
  const current = () => tables[tables.length - 1];
  const inDataCell = () => {
    const t = current();
    return t !== undefined && !t.layout && t.cell !== null;
  };

  /** A table found to hold another table is layout: what it collected so far becomes paragraphs. */
  const toLayout = (t: TableContext) => {
    if (t.layout) return;
    t.layout = true;
    for (const row of t.rows) for (const c of row) if (c.text.trim()) t.slot.push([{ text: c.text, origin: null }]);
    if (t.row) for (const c of t.row) if (c.text.trim()) t.slot.push([{ text: c.text, origin: null }]);
    t.rows = [];
    t.row = null;
    if (t.cell) {
      for (const piece of t.cell) paragraph.push(piece);
      paragraph.push(BREAK);
    }
    t.cell = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        if (SKIP.has(name) || attribs['hidden'] !== undefined || /display\s*:\s*none/i.test(attribs['style'] ?? '')) {
          skipDepth = 1;
          return;
        }
        if (name === 'title') {
          inTitle = true;
          return;
        }
        const t = current();
        if (name === 'table') {
          if (t && t.cell !== null) toLayout(t);
          if (!inDataCell()) flush();
          const slot: Row[] = [];
          output.push(slot);
          tables.push({ index: tableCount++, layout: false, rows: [], row: null, rowIndex: 0, cell: null, slot });
          return;
        }
        if (t && !t.layout && (name === 'tr' || name === 'td' || name === 'th')) {
          if (name === 'tr') {
            closeRow(t);
            t.row = [];
          } else {
            closeCell(t);
            t.row ??= [];
            t.cell = [];
          }
          return;
        }
        if (name === 'br' || BLOCK.has(name) || name === 'tr' || name === 'td' || name === 'th') {
          if (inDataCell()) current()!.cell!.push(BREAK);
          else flush();
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (inTitle) {
          title += text;
          return;
        }
        if (inDataCell()) current()!.cell!.push(text);
        else paragraph.push(text);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'title') {
          inTitle = false;
          return;
        }
        const t = current();
        if (name === 'table' && t) {
          if (!t.layout) {
            closeRow(t);
            moveRows(t);
          }
          tables.pop();
          flush();
          return;
        }
        if (t && !t.layout) {
          if (name === 'td' || name === 'th') closeCell(t);
          else if (name === 'tr') closeRow(t);
          else if (BLOCK.has(name) && t.cell) t.cell.push(BREAK);
          return;
        }
        if (BLOCK.has(name) || name === 'td' || name === 'th' || name === 'tr') {
          if (inDataCell()) current()!.cell!.push(BREAK);
          else flush();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  function closeCell(t: TableContext) {
    if (t.cell === null) return;
    t.row ??= [];
    t.row.push({ text: joinPieces(t.cell), origin: { kind: 'html', table: t.index, row: t.rowIndex, cell: t.row.length } });
    t.cell = null;
  }
  function closeRow(t: TableContext) {
    closeCell(t);
    if (t.row && t.row.length) t.rows.push(t.row);
    if (t.row) t.rowIndex++;
    t.row = null;
  }

  parser.write(html);
  parser.end();
  while (tables.length) {
    const t = tables.pop()!;
    if (!t.layout) {
      closeRow(t);
      moveRows(t);
    }
  }
  flush();

  builder.containerTitle = title.replace(/\s+/g, ' ').trim() || null;
  for (const item of output) {
    if (isRowList(item)) for (const row of item) builder.addRow(row);
    else builder.addRow(item);
  }
  return builder.build();
}

/** How deep <table> and <div> elements nest, counted from their tags alone (one pass; stops once past `limit`). */
function nestingDepth(html: string, limit: number): number {
  const tags = /<(\/?)(?:table|div)\b/gi;
  let depth = 0;
  let deepest = 0;
  for (let m = tags.exec(html); m && deepest <= limit; m = tags.exec(html)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/**
 * A closed table's rows go to its place in the output. One by one: a table of hundreds of thousands of rows
 * passed as arguments at once would overflow the stack.
 */
function moveRows(t: TableContext) {
  for (const row of t.rows) t.slot.push(row);
}

function isRowList(item: Row | Row[]): item is Row[] {
  return item.length === 0 || Array.isArray(item[0]);
}

/**
 * Joins text pieces; a block boundary becomes nothing between Chinese characters (a label split across lines)
 * and a space between two ASCII letters or digits (two numbers must not glue together).
 */
function joinPieces(pieces: string[]): string {
  let out = '';
  let pendingBreak = false;
  for (const piece of pieces) {
    if (piece === BREAK) {
      pendingBreak = true;
      continue;
    }
    const text = piece.replace(/[\s\u00a0\u3000]+/g, ' ');
    if (!text) continue;
    if (pendingBreak && out) {
      const trimmed = out.replace(/ +$/, '');
      const next = text.replace(/^ +/, '');
      out = /[A-Za-z0-9.%]$/.test(trimmed) && /^[A-Za-z0-9]/.test(next) ? `${trimmed} ${next}` : trimmed + next;
    } else out += text;
    pendingBreak = false;
  }
  return out.trim();
}
