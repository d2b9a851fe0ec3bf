/**
 * The real reports: every cell, the metadata, and the rule breaks each document really contains (NOTES.md of
 * the shared corpus) — reported as findings, never "fixed".
 */
import { ReportParseError, type ParsedReport } from '@ogi/domain';
import { parseReport } from '../src/parse-report.js';
import { corpusCases, tableDifferences } from './support/corpus.js';

const cases = corpusCases();
const parsed = new Map<string, ParsedReport>();

async function parse(name: string): Promise<ParsedReport> {
  const c = cases.find((x) => x.name === name)!;
  if (!parsed.has(name)) parsed.set(name, await parseReport(c.bytes, c.file));
  return parsed.get(name)!;
}

describe('real reports, cell by cell', () => {
  it.each(cases.filter((c) => c.expected).map((c) => [c.name]))('%s: every table cell and the metadata as printed', async (name) => {
    const c = cases.find((x) => x.name === name)!;
    const report = await parse(name);
    const expected = c.expected!;
    expect(tableDifferences(report, expected)).toEqual([]);
    expect([expected.agency, ...(expected.agencyAlternatives ?? [])]).toContain(report.agency);
    expect(report.year).toBe(expected.year);
    expect(report.template).toBe(expected.template);
    expect(report.publishedOn).toBe(expected.publishedOn);
  });

  it('refuses the pre-2019 report with PRE_2019_FORMAT instead of misreading its legacy table', async () => {
    const c = cases.find((x) => x.expectedError)!;
    await expect(parseReport(c.bytes, c.file)).rejects.toMatchObject({ code: 'PRE_2019_FORMAT' });
    await expect(parseReport(c.bytes, c.file)).rejects.toBeInstanceOf(ReportParseError);
  });
});

describe('rule breaks the documents really contain', () => {
  const failures = (r: ParsedReport, rule: string) => r.findings.filter((f) => f.rule === rule && f.status === 'failed');

  it('000: the 本年新收 row puts all 29 under 自然人 while outcomes put 3 under 商业企业 and 3 under 其他', async () => {
    const r = await parse('000_ezhou_xzspj_2020');
    const balance = failures(r, 'S3_BALANCE');
    expect(balance.map((f) => f.cells[0])).toEqual(['applications.newReceived[0]', 'applications.newReceived[1]', 'applications.newReceived[5]']);
    // The outcome rows add up to 办理总计 in each column, so the 新收 side is named: it should be what was handled.
    expect(balance.map((f) => [f.expected, f.actual])).toEqual([
      [23, 29],
      [3, 0],
      [3, 0],
    ]);
    // The printed values are kept as printed.
    expect(r.applications['newReceived']).toEqual([29, 0, 0, 0, 0, 0, 29]);
  });

  it('002: section 四 totals printed 0 against 10+1 and 5 are flagged and left as printed', async () => {
    const r = await parse('002_hongze_qu_2023');
    expect(failures(r, 'S4_GROUP_SUM').map((f) => [f.cells[4], f.expected, f.actual])).toEqual([
      ['reviewLitigation.review[4]', 11, 0],
      ['reviewLitigation.litigationAfterReview[4]', 5, 0],
    ]);
    expect(r.reviewLitigation['review']).toEqual([10, 1, 0, 0, 0]);
  });

  it('003: the narrative says 17 applications, the table 95', async () => {
    const r = await parse('003_hongze_qu_2024');
    const mismatch = failures(r, 'NARRATIVE_MISMATCH');
    expect(mismatch).toHaveLength(1);
    expect([mismatch[0]!.actual, mismatch[0]!.expected]).toEqual([17, 95]);
    expect(mismatch[0]!.message.zh).toContain('区政府办代表区政府受理政府');
  });

  it('004: 受理 749 counts the carried-over applications and is not a mismatch', async () => {
    const r = await parse('004_shuyang_xian_2025');
    expect(r.narrative.find((f) => f.kind === 'applicationsReceived')?.value).toBe(749);
    expect(r.findings.filter((f) => f.status === 'failed')).toEqual([]);
  });

  it('005: the blank 结转下年度 total is missing, not 0, and the rules that need it say so', async () => {
    const r = await parse('005_shanghai_kewei_2024');
    expect(r.applications['carriedForward']).toEqual([1, 0, 0, 0, 0, 0, null]);
    const missing = r.findings.find((f) => f.rule === 'CELL_MISSING')!;
    expect(missing.cells).toEqual(['applications.carriedForward[6]']);
    const balance = r.findings.find((f) => f.rule === 'S3_BALANCE')!;
    expect(balance.status).toBe('unverifiable');
    expect(r.findings.filter((f) => f.status === 'failed')).toEqual([]);
  });

  it('016: empty legal-person cells are blank, reported as whole blank columns, and fail no rule', async () => {
    const r = await parse('016_shuyang_fgj_2023');
    expect(r.applications['newReceived']).toEqual([26, null, null, null, null, null, 26]);
    const missing = r.findings.find((f) => f.rule === 'CELL_MISSING')!;
    expect(missing.message.zh).toContain('商业企业、科研机构、社会公益组织、法律服务机构、其他');
    expect(r.findings.filter((f) => f.status === 'failed')).toEqual([]);
  });

  it('007: the glued procurement count and amount are read plausibly and marked uncertain with alternatives', async () => {
    const r = await parse('007_pingtan_syq_2019');
    expect(r.activeDisclosure['procurement']).toEqual({ projects: 135, amountWan: 7539.443252 });
    const uncertain = r.findings.find((f) => f.rule === 'UNCERTAIN_READING' && f.cells.includes('activeDisclosure.procurement.projects'));
    expect(uncertain?.message.zh).toContain('1357');
    const cell = r.cells.find((c) => c.path === 'activeDisclosure.procurement.projects')!;
    expect(cell.confidence).toBeLessThan(0.9);
    expect(cell.alternatives).toEqual(expect.arrayContaining([13, 1357]));
  });

  it('009: the 17-digit section 四 run splits the one way every group total allows', async () => {
    const r = await parse('009_pingtan_syq_2021');
    expect(r.reviewLitigation).toEqual({ review: [1, 0, 2, 0, 3], litigationDirect: [12, 0, 0, 0, 12], litigationAfterReview: [0, 0, 0, 0, 0] });
    expect(r.findings.some((f) => f.rule === 'UNCERTAIN_READING' && f.cells[0]!.startsWith('reviewLitigation'))).toBe(false);
  });
});

describe('evidence', () => {
  it('every cell of the parse names where it was read and the characters it came from', async () => {
    for (const c of cases.filter((x) => x.expected)) {
      const r = await parse(c.name);
      for (const cell of r.cells.filter((x) => x.value !== null)) {
        expect(cell.source).not.toBeNull();
        const { start, end } = cell.source!;
        // The raw text is in the normalised text where the source says.
        expect(r.text.slice(start, end).replace(/\s+/g, '')).toContain(cell.raw.replace(/\s+/g, '').slice(0, 1));
      }
    }
  });

  it('PDF cells carry their page and box', async () => {
    const r = await parse('001_huaian_shi_2024');
    const cell = r.cells.find((c) => c.path === 'applications.newReceived[6]')!;
    expect(cell.value).toBe(3119);
    expect(cell.source).toMatchObject({ kind: 'pdf', page: 4 });
    expect(r.text.slice(cell.source!.start, cell.source!.end)).toBe('3119');
  });

  it('HTML cells carry their table, row and cell', async () => {
    const r = await parse('016_shuyang_fgj_2023');
    const cell = r.cells.find((c) => c.path === 'applications.newReceived[0]')!;
    expect(cell.source).toMatchObject({ kind: 'html' });
    expect(r.text.slice(cell.source!.start, cell.source!.end)).toBe('26');
  });

  it('glued values point at the run they were split from', async () => {
    const r = await parse('009_pingtan_syq_2021');
    const cell = r.cells.find((c) => c.path === 'applications.newReceived[0]')!;
    expect(cell.raw).toBe('640020470');
    expect(r.text.slice(cell.source!.start, cell.source!.end)).toBe('640020470');
  });
});
