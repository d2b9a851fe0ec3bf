/**
 * CSV as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF line
 * ends, fields quoted when they hold a comma, quote or line break (RFC 4180). A blank is an empty field,
 * never 0. A field that a spreadsheet would run as a formula (=, +, -, @ at the start of text) is prefixed
 * with an apostrophe.
 */
import type { DataCell, DataTable } from './data-table';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: DataCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: DataTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
