/**
 * Inputs built far beyond a report's scale, parsed directly (not through the pool): each is answered with a code
 * of the parser's error contract. How long they take is measured by `pnpm bench:parse`, not asserted here.
 */
import { ReportParseError } from '@ogi/domain';
import { parseReport } from '../src/parse-report.js';
import { hugeTableHtml, nestedTablesHtml, repeatedRowsHtml } from '../src/testing/hostile-files.js';

const outcomeOf = async (bytes: Uint8Array, name: string) => {
  try {
    const r = await parseReport(bytes, name);
    return `parsed ${r.agency}`;
  } catch (err) {
    return err instanceof ReportParseError ? err.code : `uncoded ${(err as Error).name}: ${(err as Error).message}`;
  }
};

describe('inputs far beyond a report', () => {
  it('a table of 20,000 rows that all repeat one label is read (linearly) and refused: one label is not the table', async () => {
    expect(await outcomeOf(repeatedRowsHtml(20_000), 'repeated.html')).toBe('TABLES_NOT_FOUND');
  }, 120_000);

  it('10 MB of tables opened inside each other and never closed is refused before it is parsed, with a code and a reason', async () => {
    const bytes = nestedTablesHtml(650_000);
    expect(bytes.length).toBeGreaterThan(9_000_000);
    const error = await parseReport(bytes, 'nested.html').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).code).toBe('FILE_TOO_LARGE');
    expect((error as ReportParseError).message).toContain('嵌套');
  }, 120_000);

  it('a page nesting its layout tables a few levels deep is still read', async () => {
    const page = `<html><body>${'<div><table><tr><td>'.repeat(12)}<p>某某市某某局2020年政府信息公开工作年度报告</p>${'</td></tr></table></div>'.repeat(12)}</body></html>`;
    expect(await outcomeOf(Buffer.from(page), 'layout.html')).toBe('TABLES_NOT_FOUND');
  });

  it('one table of 500,000 rows (10 MB) is refused with a code, not an engine error', async () => {
    expect(await outcomeOf(hugeTableHtml(500_000), 'huge-table.html')).toBe('NOT_AN_ANNUAL_REPORT');
  }, 120_000);
});
