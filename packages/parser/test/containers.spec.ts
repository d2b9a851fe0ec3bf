/**
 * The parser reads the format, not only the corpus files: each hand-checked report is printed back in the
 * official layout into every container agencies publish in, and in several encodings, and must parse back to
 * the same tables and metadata.
 */
import iconv from 'iconv-lite';
import { checkReport, type ParsedReportCore } from '@ogi/domain';
import { parseReport } from '../src/parse-report.js';
import { corpusCases, tableDifferences } from './support/corpus.js';
import { officialBlocks, toDocx, toGlued, toHtml, toMarkdown, toPipeText, toTabText, toXlsx, withZerosBlank } from './support/render.js';

const reports = corpusCases()
  .filter((c) => c.expected)
  .map((c) => [c.name, c.expected!] as const);

const utf8 = (s: string) => Buffer.from(s, 'utf8');

async function expectSame(bytes: Uint8Array, fileName: string, expected: ParsedReportCore) {
  const parsed = await parseReport(bytes, fileName);
  expect(tableDifferences(parsed, expected)).toEqual([]);
  expect([parsed.agency, parsed.year, parsed.template, parsed.publishedOn]).toEqual([expected.agency, expected.year, expected.template, expected.publishedOn]);
  return parsed;
}

describe.each(reports)('%s printed in the official layout', (_name, expected) => {
  const blocks = officialBlocks(expected);

  it('as a Word-pasted HTML page with site chrome', async () => {
    const parsed = await expectSame(utf8(toHtml(blocks)), 'report.html', expected);
    expect(parsed.format).toBe('html');
  });

  it('as a GBK-encoded HTML page', async () => {
    const parsed = await expectSame(iconv.encode(toHtml(blocks, 'gbk'), 'gbk'), 'report.htm', expected);
    expect(parsed.encoding).toBe('gb18030');
  });

  it('as a DOCX', async () => {
    const parsed = await expectSame(toDocx(blocks), 'report.docx', expected);
    expect(parsed.format).toBe('docx');
  });

  it('as a spreadsheet (.xlsx) with merged header cells and numbers stored as numbers', async () => {
    const parsed = await expectSame(await toXlsx(blocks), 'report.xlsx', expected);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.cells.find((c) => c.path === 'applications.newReceived[0]')?.source?.kind).toBe('xlsx');
  });

  it('as Markdown, in UTF-16 with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(toMarkdown(blocks), 'utf-16le')]);
    const parsed = await expectSame(bytes, 'report.md', expected);
    expect(parsed.encoding).toBe('utf-16le');
  });

  it('as scraped text with one cell per line, GBK without a declaration', async () => {
    await expectSame(iconv.encode(toPipeText(blocks), 'gbk'), 'report.txt', expected);
  });

  it('as a table copied to text with tabs between cells and full-width digits (２９)', async () => {
    const fullWidth = toTabText(blocks).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    await expectSame(utf8(fullWidth), 'report.txt', expected);
  });

  describe('with its zeros left blank, as many agencies print them', () => {
    const sparse = withZerosBlank(expected);

    it('copied with tabs: every blank stays blank, a row’s trailing ones too', async () => {
      await expectSame(utf8(toTabText(officialBlocks(sparse))), 'report.txt', sparse);
    });

    it('as scraped text with one cell per line (an empty cell a bare |)', async () => {
      await expectSame(utf8(toPipeText(officialBlocks(sparse))), 'report.txt', sparse);
    });

    it('as a Word-pasted HTML page', async () => {
      await expectSame(utf8(toHtml(officialBlocks(sparse))), 'report.html', sparse);
    });

    it('as a DOCX', async () => {
      await expectSame(toDocx(officialBlocks(sparse)), 'report.docx', sparse);
    });

    it('as a spreadsheet (.xlsx)', async () => {
      await expectSame(await toXlsx(officialBlocks(sparse)), 'report.xlsx', sparse);
    });

    it('as Markdown', async () => {
      await expectSame(utf8(toMarkdown(officialBlocks(sparse))), 'report.md', sparse);
    });
  });

  it('as scraped text with a UTF-8 byte-order mark and a file name that lies', async () => {
    await expectSame(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(toPipeText(blocks))]), 'report.pdf.txt', expected);
  });
});

/**
 * Glued text: sections 三 and 四 must come back exactly when the table's own rules determine every split
 * (a complete table that satisfies its rules); single-value rows of section 二 too.
 */
const determinable = reports.filter(([, e]) => {
  const complete = [...Object.values(e.applications), ...Object.values(e.reviewLitigation)].every((row) => row.every((v) => v !== null));
  return complete && checkReport(e).every((f) => f.status !== 'failed');
});

describe.each(determinable)('%s printed as glued text', (_name, expected) => {
  it('splits every run of sections 三 and 四 as the rules require', async () => {
    const parsed = await parseReport(utf8(toGlued(officialBlocks(expected, { signs: false }))), 'glued.txt');
    const onlyTables = { ...expected, activeDisclosure: {} };
    // Where the rules allow several splits, the parser must say so and offer the printed reading.
    const wrong = tableDifferences(parsed, onlyTables).map((d) => d.split(':')[0]!);
    for (const path of wrong) {
      const cell = parsed.cells.find((c) => c.path === path)!;
      const expectedValue = path.startsWith('applications')
        ? expected.applications[cell.row]![cell.column as number]
        : expected.reviewLitigation[cell.row]![cell.column as number];
      expect(cell.alternatives).toContain(expectedValue);
      expect(parsed.findings.some((f) => f.rule === 'UNCERTAIN_READING' && f.cells.includes(path))).toBe(true);
    }
    for (const [key, fields] of Object.entries(expected.activeDisclosure))
      if (Object.keys(fields).length === 1) expect(parsed.activeDisclosure[key]).toEqual(fields);
  });
});
