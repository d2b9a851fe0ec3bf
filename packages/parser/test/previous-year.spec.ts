/**
 * The previous year's report of the same agency, when the caller has it (ingest does), settles readings the
 * document alone leaves open — and the evidence says it did. It never overrides what is printed unambiguously.
 */
import type { ParsedReportCore } from '@ogi/domain';
import { parseReport, type PreviousReport } from '../src/parse-report.js';
import { corpusCases, tableDifferences } from './support/corpus.js';
import { officialBlocks, toCollapsedText } from './support/render.js';

const uncertainPaths = (r: { findings: { rule: string; cells: string[] }[] }) =>
  r.findings.filter((f) => f.rule === 'UNCERTAIN_READING').flatMap((f) => f.cells);

describe('section 三: this year’s 上年结转 is last year’s 结转下年度', () => {
  // 017's table changed so that three rows print "1 0 1 0 2"-like runs that the column rules alone cannot place:
  // one application carried over from last year under 科研机构 (column 3), granted this year.
  const base = corpusCases().find((c) => c.name === '017_putian_sjj_2021')!.expected!;
  const expected: ParsedReportCore = {
    ...base,
    applications: {
      ...base.applications,
      carriedOver: [1, 0, 0, 1, 0, 0, 2],
      granted: [1, 0, 0, 1, 0, 0, 2],
      total: [2, 0, 0, 1, 0, 0, 3],
    },
  };
  const text = toCollapsedText(officialBlocks(expected));
  const previous: PreviousReport = {
    year: 2020,
    template: '2021',
    activeDisclosure: {},
    applications: { carriedForward: [1, 0, 0, 1, 0, 0, 2] },
  };

  it('without last year’s report the collapsed runs stay uncertain, the printed reading among the alternatives', async () => {
    const r = await parseReport(Buffer.from(text), 'collapsed.txt');
    expect(uncertainPaths(r)).toContain('applications.carriedOver[3]');
    const cell = r.cells.find((c) => c.path === 'applications.carriedOver[3]')!;
    expect([cell.value, ...(cell.alternatives ?? [])]).toContain(1);
  });

  it('with it, every cell reads as printed, nothing is uncertain, and the evidence names last year’s report', async () => {
    const r = await parseReport(Buffer.from(text), 'collapsed.txt', { previous });
    expect(tableDifferences(r, expected)).toEqual([]);
    expect(uncertainPaths(r)).toEqual([]);
    for (const path of ['applications.carriedOver[3]', 'applications.total[4]'])
      expect(r.cells.find((c) => c.path === path)!.decidedBy).toContain('上一年度报告');
  });

  it('a previous report of another year than the one before is not used', async () => {
    const r = await parseReport(Buffer.from(text), 'collapsed.txt', { previous: { ...previous, year: 2019 } });
    expect(uncertainPaths(r)).toContain('applications.carriedOver[3]');
  });
});

describe('section 二 (2019): 上一年项目数量 is last year’s 上一年项目数量 + 本年增/减', () => {
  const pingtan = corpusCases().find((c) => c.name === '007_pingtan_syq_2019')!;

  it('the glued run 行政许可3960181 is 396 / 0 / 181 because last year printed 390 and +6', async () => {
    const alone = await parseReport(pingtan.bytes, pingtan.file);
    expect(uncertainPaths(alone)).toContain('activeDisclosure.licensing.previousItems');

    const previous: PreviousReport = {
      year: 2018,
      template: '2019',
      applications: {},
      activeDisclosure: { licensing: { previousItems: 390, change: 6, decisions: 170 } },
    };
    const r = await parseReport(pingtan.bytes, pingtan.file, { previous });
    expect(r.activeDisclosure['licensing']).toEqual({ previousItems: 396, change: 0, decisions: 181 });
    expect(uncertainPaths(r)).not.toContain('activeDisclosure.licensing.previousItems');
    expect(r.cells.find((c) => c.path === 'activeDisclosure.licensing.previousItems')!.decidedBy).toContain('上一年度报告');
    // The rest of the report is read as before.
    expect(tableDifferences(r, pingtan.expected!)).toEqual([]);
  });
});
