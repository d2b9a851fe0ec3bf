/**
 * Files as agencies attach them: each hand-checked report printed in the official layout and converted by a real
 * office suite (LibreOffice, see support/make-office-fixtures.ts) into .doc (Word 97–2003), .docx, a PDF with a
 * text layer and a Calc spreadsheet (.xlsx), and printed to PDF by Chromium (`.chromium.pdf`: digits drawn as
 * several touching pieces, column words broken over lines). Each must parse back to the same tables and metadata.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src/parse-report.js';
import { corpusCases, tableDifferences } from './support/corpus.js';

const rendered = (file: string) => readFileSync(fileURLToPath(new URL(`rendered/${file}`, import.meta.url)));
const cases = corpusCases()
  .filter((c) => c.expected)
  .flatMap((c) => (['doc', 'docx', 'pdf', 'xlsx'] as const).map((format) => [c.name, format, c.expected!] as const));

describe.each(cases)('%s as a LibreOffice .%s', (name, format, expected) => {
  it('parses back to the same tables and metadata', async () => {
    const parsed = await parseReport(rendered(`${name}.${format}`), `${name}.${format}`);
    expect(parsed.format).toBe(format);
    expect(tableDifferences(parsed, expected)).toEqual([]);
    expect([parsed.agency, parsed.year, parsed.template, parsed.publishedOn]).toEqual([
      expected.agency,
      expected.year,
      expected.template,
      expected.publishedOn,
    ]);
  });
});

describe.each(
  corpusCases()
    .filter((c) => c.expected)
    .map((c) => [c.name, c.expected!] as const),
)('%s printed to PDF by Chromium', (name, expected) => {
  it('parses back to the same tables and metadata', async () => {
    const parsed = await parseReport(rendered(`${name}.chromium.pdf`), `${name}.pdf`);
    expect(parsed.format).toBe('pdf');
    expect(tableDifferences(parsed, expected)).toEqual([]);
    expect([parsed.agency, parsed.year, parsed.template]).toEqual([expected.agency, expected.year, expected.template]);
  });
});
