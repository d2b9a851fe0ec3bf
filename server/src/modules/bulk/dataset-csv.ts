/**
 * CSV as the bulk download writes it: UTF-8 without a byte-order mark (pandas, R, DuckDB read it as is), a header
 * row of the column names, RFC 4180 quoting, CRLF line ends; an empty field is a missing value (never 0), true /
 * false for booleans, numbers as JavaScript prints them (no thousands separators, full precision).
 */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: readonly unknown[]): string => `${values.map(field).join(',')}\r\n`;

/** The CSV text of a table, header first, as chunks of at most one batch of rows. */
export async function* csvChunks(columns: readonly string[], batches: AsyncIterable<unknown[][]>): AsyncGenerator<string> {
  yield csvLine(columns);
  for await (const rows of batches) yield rows.map(csvLine).join('');
}
