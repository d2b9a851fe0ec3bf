/**
 * Reads plain text and Markdown, line by line:
 * - Markdown table rows (`| a | b |`) become rows of cells; separator rows (`|---|`) are dropped.
 * - Scraped table text with one cell per line ending in ` |` (and `||` for empty cells) keeps its cells.
 * - A line with tabs (a table copied from a browser or a spreadsheet) is a row of tab-separated cells.
 * - Any other line is a row of one cell; Markdown heading marks are dropped.
 * A crawler's header block (`标题: …` lines before `==== 正文 ====`) is kept apart as metadata.
 */
import { DocumentBuilder, type DocumentModel } from '../document.js';

const BODY_MARKER = /^=+\s*正文\s*=+\s*$/;
const MD_TABLE_ROW = /^\s*\|.*\|\s*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const MD_HEADING = /^\s{0,3}#{1,6}\s+/;

export function readLines(text: string, encoding: string): DocumentModel {
  let lines = text.split(/\r\n|\r|\n/);
  let metaText = '';
  let containerTitle: string | null = null;
  const marker = lines.findIndex((l) => BODY_MARKER.test(l));
  if (marker >= 0 && marker < 40) {
    const header = lines.slice(0, marker);
    metaText = header.join('\n');
    containerTitle = header.map((l) => /^\s*标题\s*[:：]\s*(.+)$/.exec(l)?.[1]?.trim()).find(Boolean) ?? null;
    lines = lines.slice(marker + 1);
  }
  const isMarkdown = lines.some((l) => MD_SEPARATOR.test(l) && l.includes('-')) || lines.filter((l) => MD_HEADING.test(l)).length >= 2;
  const builder = new DocumentBuilder(isMarkdown ? 'markdown' : 'text', encoding);
  builder.containerTitle = containerTitle;
  builder.metaText = metaText;
  const lineOffset = marker >= 0 && marker < 40 ? marker + 2 : 1;

  lines.forEach((raw, i) => {
    const origin = { kind: 'text' as const, line: i + lineOffset };
    // Trailing tabs stay: they are the empty cells at the end of a copied table row.
    const line = raw.replace(/[^\S\t]+$/, '');
    if (!line.trim()) return;
    if (MD_TABLE_ROW.test(line)) {
      if (MD_SEPARATOR.test(line)) return;
      const inner = line.trim().slice(1, -1);
      builder.addRow(splitCells(inner).map((text) => ({ text, origin })));
      return;
    }
    if (/\|\s*$/.test(line)) {
      // One or more cells each terminated by "|": "29 |", "||" (two empty cells), "来源: | 鄂州… |".
      const segments = line.split('|');
      segments.pop();
      builder.addRow(segments.map((text) => ({ text, origin })));
      return;
    }
    if (line.includes('\t')) {
      // A table copied from a browser or a spreadsheet: tabs separate cells, and an empty cell stays empty.
      builder.addRow(line.split('\t').map((text) => ({ text, origin })));
      return;
    }
    builder.addRow([{ text: line.replace(MD_HEADING, '').replace(/^\s*>\s?/, ''), origin }]);
  });
  return builder.build();
}

/** Splits a Markdown row's inside on pipes that are not escaped. */
function splitCells(inner: string): string[] {
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}
