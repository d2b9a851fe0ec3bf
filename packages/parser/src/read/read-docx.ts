/**
 * Reads a DOCX: paragraphs become rows of one cell, tables (w:tbl) rows of cells. Only word/document.xml is
 * inflated, and only when the archive declares it at a sane size and ratio: a zip bomb is refused before it
 * is expanded.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { ReportParseError } from '@ogi/domain';
import { DocumentBuilder, type DocumentModel } from '../document.js';
import { guardZipEntries } from './decompression-guard.js';

const MAX_XML_BYTES = 40 * 1024 * 1024;
const MAX_RATIO = 200;

export function readDocx(bytes: Uint8Array): DocumentModel {
  guardZipEntries(bytes);
  let xml: Uint8Array | undefined;
  let refused: ReportParseError | null = null;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > MAX_XML_BYTES || f.originalSize > Math.max(1, f.size) * MAX_RATIO) {
          refused = new ReportParseError('FILE_TOO_LARGE', '该 Word 文件解压后过大（可能是压缩炸弹），已拒绝读取。');
          return false;
        }
        return true;
      },
    });
    xml = files['word/document.xml'];
  } catch {
    throw new ReportParseError('CORRUPT_FILE');
  }
  if (refused) throw refused;
  if (!xml) throw new ReportParseError('UNSUPPORTED_FORMAT', '该压缩文件不是 Word 文档（DOCX）。');
  if (xml.length > MAX_XML_BYTES) throw new ReportParseError('FILE_TOO_LARGE');

  const dom = parseDocument(new TextDecoder('utf-8').decode(xml), { xmlMode: true, decodeEntities: true });
  const builder = new DocumentBuilder('docx', 'utf-8');
  const body = find(find(dom.children, 'w:document')?.children ?? [], 'w:body');
  if (!body) throw new ReportParseError('CORRUPT_FILE');
  let tableIndex = 0;
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      if (n.name === 'w:p') {
        const text = paragraphText(n);
        if (text.trim()) builder.addRow([{ text }]);
      } else if (n.name === 'w:tbl') readTable(n, tableIndex++, builder);
      else walk(n.children);
    }
  };
  walk(body.children);
  return builder.build();
}

function readTable(tbl: Element, table: number, builder: DocumentBuilder) {
  let row = 0;
  for (const tr of tbl.children) {
    if (tr.type !== 'tag' || tr.name !== 'w:tr') continue;
    const cells: { text: string; origin: { kind: 'docx'; table: number; row: number; cell: number } }[] = [];
    let cell = 0;
    for (const tc of tr.children) {
      if (tc.type !== 'tag' || tc.name !== 'w:tc') continue;
      // A vertically merged continuation cell is the same cell as the one above it, as HTML's rowspan.
      const vMerge = find(tc.children, 'w:tcPr') && findDeep(tc, 'w:vMerge');
      if (vMerge && vMerge.attribs['w:val'] !== 'restart') continue;
      const text = collectParagraphs(tc);
      cells.push({ text, origin: { kind: 'docx', table, row, cell: cell++ } });
    }
    if (cells.length) builder.addRow(cells);
    row++;
  }
}

/** Text of every paragraph in a cell, joined as Chinese is written (a space only between two numbers). */
function collectParagraphs(tc: Element): string {
  const parts: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      if (n.name === 'w:p') parts.push(paragraphText(n));
      else walk(n.children);
    }
  };
  walk(tc.children);
  return parts.reduce((acc, p) => (acc && /[0-9A-Za-z]$/.test(acc) && /^[0-9A-Za-z]/.test(p) ? `${acc} ${p}` : acc + p), '');
}

function paragraphText(p: Element): string {
  let out = '';
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') continue;
      if (n.type !== 'tag') continue;
      if (n.name === 'w:t') out += n.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
      else if (n.name === 'w:tab' || n.name === 'w:br') out += ' ';
      else if (n.name === 'w:delText' || n.name === 'w:instrText') continue;
      else walk(n.children);
    }
  };
  walk(p.children);
  return out;
}

function find(nodes: ChildNode[], name: string): Element | null {
  for (const n of nodes) if (n.type === 'tag' && n.name === name) return n;
  return null;
}

function findDeep(el: Element, name: string): Element | null {
  for (const n of el.children) {
    if (n.type !== 'tag') continue;
    if (n.name === name) return n;
    if (n.name === 'w:p' || n.name === 'w:tbl') continue;
    const inner = findDeep(n, name);
    if (inner) return inner;
  }
  return null;
}
