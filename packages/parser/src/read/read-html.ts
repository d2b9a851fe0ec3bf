/**
 * Reads an HTML page: paragraphs become rows of one cell, data tables become rows of cells. Script, style and
 * other non-content elements are dropped. A table that contains another table is page layout: its cells are read
 * as blocks. Text split across inline tags (Word-pasted <span>s, <p>s inside a cell) is joined without spaces,
 * as Chinese is written; an empty cell stays an empty cell.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { DocumentBuilder, type DocumentModel } from '../document.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'select', 'option', 'button', 'object', 'embed', 'canvas', 'head']);
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'nav',
  'aside', 'main', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'hr', 'form', 'center', 'table', 'tr', 'td', 'th', 'caption',
  'figure', 'figcaption', 'address', 'fieldset', 'legend', 'tbody', 'thead', 'tfoot',
]);

export function readHtml(html: string, encoding: string): DocumentModel {
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const builder = new DocumentBuilder('html', encoding);
  builder.containerTitle = findTitle(dom.children);
  const state = { tableIndex: 0, paragraph: [] as string[] };

  const flush = () => {
    const text = joinPieces(state.paragraph);
    state.paragraph = [];
    if (text.trim()) builder.addRow([{ text }]);
  };

  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        state.paragraph.push(node.data);
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const name = el.name;
      if (SKIP.has(name) || isHidden(el)) continue;
      if (name === 'table' && !containsTable(el)) {
        flush();
        readDataTable(el, state.tableIndex++, builder);
        continue;
      }
      const block = BLOCK.has(name);
      if (block) flush();
      walk(el.children);
      if (block) flush();
    }
  };
  walk(dom.children);
  flush();
  return builder.build();
}

function readDataTable(table: Element, tableIndex: number, builder: DocumentBuilder) {
  let rowIndex = 0;
  for (const tr of descendants(table, 'tr')) {
    const cells: { text: string; origin: { kind: 'html'; table: number; row: number; cell: number } }[] = [];
    let cellIndex = 0;
    for (const td of tr.children) {
      if (td.type !== 'tag' || (td.name !== 'td' && td.name !== 'th')) continue;
      cells.push({ text: cellText(td), origin: { kind: 'html', table: tableIndex, row: rowIndex, cell: cellIndex++ } });
    }
    if (cells.length) builder.addRow(cells);
    rowIndex++;
  }
}

/** The <tr>s of a table, not of tables nested in it (a data table has none, by construction). */
function* descendants(el: Element, name: string): Generator<Element> {
  for (const child of el.children) {
    if (child.type !== 'tag') continue;
    if (child.name === name) yield child;
    else if (child.name !== 'table') yield* descendants(child, name);
  }
}

function cellText(el: Element): string {
  const pieces: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') pieces.push(n.data);
      else if (n.type === 'tag') {
        if (SKIP.has(n.name) || isHidden(n)) continue;
        if (n.name === 'br' || BLOCK.has(n.name)) pieces.push('\u0000');
        walk(n.children);
        if (BLOCK.has(n.name)) pieces.push('\u0000');
      }
    }
  };
  walk(el.children);
  return joinPieces(pieces);
}

/**
 * Joins text pieces; a block boundary (\0) becomes nothing between Chinese characters (a label split across
 * lines) and a space between two ASCII letters or digits (two numbers must not glue together).
 */
function joinPieces(pieces: string[]): string {
  const raw = pieces.join('').replace(/[\s\u00a0\u3000]+/g, (ws) => (ws.includes('\u0000') ? '\u0000' : ' '));
  return raw
    .replace(/\s*\u0000[\s\u0000]*/g, '\u0000')
    .replace(/([A-Za-z0-9.%])\u0000(?=[A-Za-z0-9])/g, '$1 ')
    .replace(/\u0000/g, '')
    .trim();
}

function containsTable(el: Element): boolean {
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    if (c.name === 'table' || containsTable(c)) return true;
  }
  return false;
}

function isHidden(el: Element): boolean {
  const style = el.attribs['style'];
  return el.attribs['hidden'] !== undefined || (style !== undefined && /display\s*:\s*none/i.test(style));
}

function findTitle(nodes: ChildNode[]): string | null {
  for (const n of nodes) {
    if (n.type !== 'tag') continue;
    if (n.name === 'title') {
      const t = n.children.map((c) => (c.type === 'text' ? c.data : '')).join('').trim();
      if (t) return t;
    }
    const found = findTitle(n.children);
    if (found) return found;
  }
  return null;
}
