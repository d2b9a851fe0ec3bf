/**
 * Files as agencies attach them: each hand-checked report printed in the official layout and converted by a real
 * office suite (LibreOffice, see support/make-office-fixtures.ts) into .doc (Word 97–2003), .docx, a PDF with a
 * text layer and a Calc spreadsheet (.xlsx), and printed to PDF by Chromium (`.chromium.pdf`: digits drawn as
 * several touching pieces, column words broken over lines). Chromium also printed each report with its zeros left
 * blank (`.blank.chromium.pdf`: a blank cell prints nothing, so only a value's position says its column; LibreOffice
 * made the same into `.blank.doc`, `.blank.docx` and `.blank.pdf`), the
 * corpus reports published as HTML pages as they are (`.page.chromium.pdf`) and each report as a crawler saved its
 * page (`.crawled.chromium.pdf`). Each must parse back to the same tables and metadata, cell for cell.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src/parse-report.js';
import { corpusCases, tableDifferences } from './support/corpus.js';
import { withZerosBlank } from './support/render.js';

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

describe.each(
  corpusCases()
    .filter((c) => c.expected)
    .map((c) => [c.name, withZerosBlank(c.expected!)] as const),
)('%s with its zeros left blank, printed to PDF by Chromium', (name, expected) => {
  it('parses back blank for blank: every value under the column it is printed in', async () => {
    const parsed = await parseReport(rendered(`${name}.blank.chromium.pdf`), `${name}.pdf`);
    expect(tableDifferences(parsed, expected)).toEqual([]);
    expect([parsed.agency, parsed.year, parsed.template]).toEqual([expected.agency, expected.year, expected.template]);
  });
});

describe.each(
  corpusCases()
    .filter((c) => c.expected)
    .flatMap((c) => (['doc', 'docx', 'pdf'] as const).map((format) => [c.name, format, withZerosBlank(c.expected!)] as const)),
)('%s with its zeros left blank, as a LibreOffice .%s', (name, format, expected) => {
  it('parses back blank for blank: values under their own columns, none lost at the top of a page', async () => {
    // LibreOffice draws the top line of neighbouring header cells as one piece of text ("商业企业 科研").
    const parsed = await parseReport(rendered(`${name}.blank.${format}`), `${name}.${format}`);
    expect(tableDifferences(parsed, expected)).toEqual([]);
    expect([parsed.agency, parsed.year, parsed.template]).toEqual([expected.agency, expected.year, expected.template]);
  });
});

describe.each(
  corpusCases()
    .filter((c) => c.expected && c.file.endsWith('.html'))
    .map((c) => [c.name, c.expected!] as const),
)('%s: the corpus HTML page itself printed to PDF by Chromium', (name, expected) => {
  it('parses back to the hand-checked tables and metadata', async () => {
    const parsed = await parseReport(rendered(`${name}.page.chromium.pdf`), `${name}.pdf`);
    expect(tableDifferences(parsed, expected)).toEqual([]);
    expect([parsed.format, parsed.agency, parsed.year, parsed.template]).toEqual(['pdf', expected.agency, expected.year, expected.template]);
  });
});

describe.each(
  corpusCases()
    .filter((c) => c.expected)
    .map((c) => [c.name, c.expected!] as const),
)('%s as a crawler saved its page, printed to PDF by Chromium', (name, expected) => {
  it('reads the agency from the title, not run together with the site’s short name printed after it and below it', async () => {
    // The page's first line: 标题：<agency><year>年政府信息公开工作年度报告-<site's short name>; the next: 单位：<short name>.
    const parsed = await parseReport(rendered(`${name}.crawled.chromium.pdf`), `${name}.pdf`);
    expect([parsed.format, parsed.agency, parsed.year, parsed.template]).toEqual(['pdf', expected.agency, expected.year, expected.template]);
    expect(tableDifferences(parsed, expected)).toEqual([]);
  });
});

describe.each(
  corpusCases()
    .filter((c) => c.expected)
    .map((c) => [c.name, c.expected!] as const),
)('%s typed with rows three lines high (WPS layout), made into a PDF by LibreOffice', (name, expected) => {
  it('keeps the 总计 printed on the top line of each row', async () => {
    const parsed = await parseReport(rendered(`${name}.three-line.pdf`), `${name}.pdf`);
    expect(tableDifferences(parsed, expected)).toEqual([]);
    expect([parsed.agency, parsed.year, parsed.template]).toEqual([expected.agency, expected.year, expected.template]);
    // The layout is really there: in row after row the 总计 is printed above the row's first value, not level with it.
    const top = (path: string) => {
      const source = parsed.cells.find((c) => c.path === path)?.source;
      return source?.kind === 'pdf' ? source.y : 0;
    };
    const raised = Object.keys(expected.applications).filter((row) => top(`applications.${row}[0]`) - top(`applications.${row}[6]`) > 10);
    expect(raised.length).toBeGreaterThanOrEqual(10);
  });
});

describe.each(
  corpusCases()
    .filter((c) => c.expected)
    .map((c) => [c.name, withZerosBlank(c.expected!)] as const),
)('%s with its zeros left blank, typed with rows three lines high, made into a PDF by LibreOffice', (name, expected) => {
  it('parses back blank for blank, a long label’s first line level with its 总计 kept with the row', async () => {
    const parsed = await parseReport(rendered(`${name}.three-line.blank.pdf`), `${name}.pdf`);
    expect(tableDifferences(parsed, expected)).toEqual([]);
    expect([parsed.agency, parsed.year, parsed.template]).toEqual([expected.agency, expected.year, expected.template]);
  });
});

/**
 * The WPS-typed page printed by Chromium instead (made like the .three-line.pdf files, printed as the .chromium.pdf
 * ones): a group label's top line (三、本年, （三）不) lies over the first row's label, level with its 总计. One
 * report, as typed and with its zeros blank.
 */
describe.each([
  ['three-line.chromium.pdf', corpusCases().find((c) => c.name === '001_huaian_shi_2024')!.expected!],
  ['three-line.blank.chromium.pdf', withZerosBlank(corpusCases().find((c) => c.name === '001_huaian_shi_2024')!.expected!)],
] as const)('001_huaian_shi_2024 typed with rows three lines high, printed by Chromium (%s)', (file, expected) => {
  it('keeps the 总计 of each group’s first row', async () => {
    const parsed = await parseReport(rendered(`001_huaian_shi_2024.${file}`), 'report.pdf');
    expect(tableDifferences(parsed, expected)).toEqual([]);
  });
});

/**
 * Each report printed by Chromium on other paper, where its tables break across pages in other places (the page's own
 * @page rule, see support/make-office-fixtures.ts):
 * - typed with rows three lines high, on US Letter with page numbers at the top centre and the bottom right: a row's
 *   总计 (its cell's top line) is printed alone at the very top of a page, just under the page number;
 * - with its zeros blank and its headings repeated on every page, on US Letter with 1-inch margins: the headings are
 *   so narrow they break one character a line (商 / 业 / 企 / 业), only their first line says which column is which;
 * - with its headings repeated on every page, on A4 with 25 mm × 20 mm margins.
 */
const onPaper = corpusCases()
  .filter((c) => c.expected)
  .flatMap((c) => [
    [c.name, 'three-line.letter', c.expected!] as const,
    [c.name, 'blank.letter-1in', withZerosBlank(c.expected!)] as const,
    [c.name, 'headed.a4', c.expected!] as const,
  ]);

describe.each(onPaper)('%s printed by Chromium on other paper (.%s.chromium.pdf)', (name, variant, expected) => {
  it('parses back cell for cell: no cell lost or moved at a page break, no page number read as a cell', async () => {
    const parsed = await parseReport(rendered(`${name}.${variant}.chromium.pdf`), `${name}.pdf`);
    expect(tableDifferences(parsed, expected)).toEqual([]);
    expect([parsed.agency, parsed.year, parsed.template]).toEqual([expected.agency, expected.year, expected.template]);
  });
});

describe('the corpus HTML page itself printed by Chromium on A4', () => {
  it('parses back to the hand-checked tables and metadata', async () => {
    const c = corpusCases().find((x) => x.file.endsWith('.html'))!;
    const parsed = await parseReport(rendered(`${c.name}.page.a4.chromium.pdf`), `${c.name}.pdf`);
    expect(tableDifferences(parsed, c.expected!)).toEqual([]);
    expect([parsed.agency, parsed.year, parsed.template]).toEqual([c.expected!.agency, c.expected!.year, c.expected!.template]);
  });
});

describe('the three-line layout on US Letter really breaks where the brief says', () => {
  it('prints some row’s 总计 alone at the very top of a page, under the page number, in most reports', async () => {
    const cases = corpusCases().filter((c) => c.expected);
    let alone = 0;
    for (const c of cases) {
      const parsed = await parseReport(rendered(`${c.name}.three-line.letter.chromium.pdf`), `${c.name}.pdf`);
      // A 总计 printed within the top 6 % of a Letter page (792 pt), above the line of its row's first value.
      const atTop = parsed.cells.filter((cell) => {
        if (cell.section !== 'applications' || cell.column !== 6 || cell.source?.kind !== 'pdf') return false;
        const first = parsed.cells.find((x) => x.path === cell.path.replace('[6]', '[0]'))?.source;
        return cell.source.y < 0.06 * 792 && first?.kind === 'pdf' && first.y > cell.source.y + 10;
      });
      if (atTop.length) alone++;
    }
    expect(alone).toBeGreaterThanOrEqual(8);
  });
});
