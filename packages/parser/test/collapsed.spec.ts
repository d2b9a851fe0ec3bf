/**
 * Crawler text that prints each run of equal neighbouring cells once and drops blank cells (as the 莆田 pages):
 * every hand-checked report printed that way — those whose own totals are wrong, and those with blank cells, too —
 * must read back cell for cell, or, where the table's sums allow several readings of a row, mark those cells
 * UNCERTAIN_READING and offer the printed value among the alternatives. Never a wrong cell without a word.
 */
import type { ParsedReport } from '@ogi/domain';
import { parseReport, type PreviousReport } from '../src/parse-report.js';
import { corpusCases, tableDifferences } from './support/corpus.js';
import { officialBlocks, toCollapsedTabText, toCollapsedText, toPipeText } from './support/render.js';

const reports = corpusCases()
  .filter((c) => c.expected)
  .map((c) => [c.name, c.expected!] as const);

const flagged = (parsed: ParsedReport, path: string) => parsed.findings.some((f) => f.rule === 'UNCERTAIN_READING' && f.cells.includes(path));

const layouts = [
  ['one cell per line', toCollapsedText],
  ['one row per line, tabs between cells', toCollapsedTabText],
] as const;

describe.each(reports)('%s printed with runs collapsed', (_name, expected) => {
  it.each(layouts)('%s: reads back every cell, or marks the cells the sums leave open as uncertain with the printed value offered', async (_layout, print) => {
    const parsed = await parseReport(Buffer.from(print(officialBlocks(expected, { signs: false }))), 'collapsed.txt');
    expect([parsed.agency, parsed.year, parsed.template]).toEqual([expected.agency, expected.year, expected.template]);
    const wrong = tableDifferences(parsed, expected).map((d) => d.split(':')[0]!);
    for (const diff of wrong) {
      const path = diff.startsWith('activeDisclosure') ? parsed.cells.find((c) => `${c.section}.${c.row}.${c.column}` === diff)!.path : diff;
      const cell = parsed.cells.find((c) => c.path === path)!;
      const printed =
        cell.section === 'activeDisclosure'
          ? expected.activeDisclosure[cell.row]![cell.column as string]
          : cell.section === 'applications'
            ? expected.applications[cell.row]![cell.column as number]
            : expected.reviewLitigation[cell.row]![cell.column as number];
      expect({ path, alternatives: cell.alternatives ?? [] }).toEqual({ path, alternatives: expect.arrayContaining([printed]) });
      expect({ path, flagged: flagged(parsed, path), confidence: cell.confidence <= 0.5 }).toEqual({ path, flagged: true, confidence: true });
    }
    // A collapsed run the arithmetic settles is said to be settled by it.
    const expandedCells = parsed.cells.filter((c) => c.section === 'applications' && c.decidedBy);
    expect(expandedCells.length).toBeGreaterThan(0);
  });
});

describe('017 (莆田市审计局, crawler text with runs collapsed)', () => {
  let parsed: ParsedReport;
  beforeAll(async () => {
    const c = corpusCases().find((x) => x.name === '017_putian_sjj_2021')!;
    parsed = await parseReport(c.bytes, c.file);
  });

  it('`1 0 1` under 本机关不掌握相关政府信息 is 1 0 0 0 0 0 1, settled by the row total and said so', () => {
    expect(parsed.applications['unableToProvide.notHeld']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    const cell = parsed.cells.find((c) => c.path === 'applications.unableToProvide.notHeld[3]')!;
    expect(cell.raw).toBe('1 0 1');
    expect(cell.decidedBy).toContain('本行合计');
    expect(cell.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('a lone 0 is a row of zeros in every table, and nothing is marked uncertain', () => {
    expect(parsed.applications['carriedForward']).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(parsed.activeDisclosure['regulations']).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(parsed.reviewLitigation['litigationAfterReview']).toEqual([0, 0, 0, 0, 0]);
    expect(parsed.findings.filter((f) => f.rule === 'UNCERTAIN_READING')).toEqual([]);
  });

  it('a lone 265 under 规章 in this collapsed page is 265 265 265, never the digits 2 / 6 / 5', async () => {
    const c = corpusCases().find((x) => x.name === '017_putian_sjj_2021')!;
    const text = c.bytes.toString('utf8').replace('规章\n0\n', '规章\n265\n');
    const r = await parseReport(Buffer.from(text), c.file);
    expect(r.activeDisclosure['regulations']).toEqual({ issued: 265, repealed: 265, inForce: 265 });
  });
});

describe('a lone short number where several cells belong, in text that is not known to collapse runs', () => {
  it('is not split into digits at high confidence: the reading is uncertain, one value per run offered', async () => {
    const c = corpusCases().find((x) => x.name === '009_pingtan_syq_2021')!;
    const blocks = officialBlocks(c.expected!);
    const text = toPipeText(blocks).replace(/规章 \|\n[^\n]*\n[^\n]*\n[^\n]*\n/, '规章 |\n265 |\n');
    const r = await parseReport(Buffer.from(text), 'report.txt');
    const cells = r.cells.filter((x) => x.row === 'regulations');
    expect(cells.every((x) => x.confidence <= 0.7)).toBe(true);
    expect(r.findings.some((f) => f.rule === 'UNCERTAIN_READING' && f.cells.includes('activeDisclosure.regulations.issued'))).toBe(true);
    const readings = [cells.map((x) => x.value), ...[0].map(() => cells.map((x) => x.alternatives ?? []))];
    expect(JSON.stringify(readings)).toContain('265');
  });
});

/**
 * 016 prints most cells blank, so with its blanks dropped as well every row of section 三 comes out as one lone number
 * ("26" for 26 _ _ _ _ _ 26, "0" for 0 _ _ _ _ _ 0). Every row prints the same columns (自然人 and 总计; the 法人
 * columns are blank throughout), so the table is read as one set of columns: only those where every row adds up.
 */
describe('016 with runs collapsed and blanks dropped: every row of section 三 a lone number', () => {
  const c = corpusCases().find((x) => x.name === '016_shuyang_fgj_2023')!;
  const text = toCollapsedText(officialBlocks(c.expected!, { signs: false }));

  it('reads 26 under 自然人 and 总计, but uncertain: the sums fit 26 under any one applicant column as well', async () => {
    expect(text).toMatch(/本年新收政府信息公开申请数量\n26\n二、/);
    const parsed = await parseReport(Buffer.from(text), 'collapsed.txt');
    expect(parsed.applications['newReceived']).toEqual([26, null, null, null, null, null, 26]);
    expect(parsed.applications['total']).toEqual([26, null, null, null, null, null, 26]);
    expect(parsed.applications['carriedOver']).toEqual([0, null, null, null, null, null, 0]);
    const cell = (path: string) => parsed.cells.find((x) => x.path === path)!;
    // 26 under 商业企业 (or any other applicant column) and 总计 adds up as well: offered, not hidden.
    expect(cell('applications.newReceived[0]').alternatives).toContain(null);
    expect(cell('applications.newReceived[1]').alternatives).toContain(26);
    expect(cell('applications.newReceived[0]').confidence).toBeLessThanOrEqual(0.5);
    expect(cell('applications.newReceived[0]').decidedBy).toContain('无法唯一确定');
    const flagged = new Set(parsed.findings.filter((f) => f.rule === 'UNCERTAIN_READING').flatMap((f) => f.cells));
    expect(parsed.cells.filter((x) => x.section === 'applications' && !flagged.has(x.path))).toEqual([]);
    // Nothing is reported missing that was printed: only the blank 法人 columns.
    const missing = parsed.findings.find((f) => f.rule === 'CELL_MISSING')?.cells ?? [];
    expect(missing.filter((p) => /applications\..*\[(0|6)\]$/.test(p))).toEqual([]);
  });

  it('is settled by last year’s 结转下年度 where it prints the column: this year’s 上年结转 must equal it', async () => {
    // This year: 23 new and 3 carried over, all handled (26); last year carried 3 forward, under 自然人.
    const report = {
      ...c.expected!,
      applications: {
        ...c.expected!.applications,
        newReceived: [23, null, null, null, null, null, 23],
        carriedOver: [3, null, null, null, null, null, 3],
      },
    };
    const collapsedText = toCollapsedText(officialBlocks(report, { signs: false }));
    const previous: PreviousReport = {
      year: 2022,
      template: '2021',
      activeDisclosure: {},
      applications: { carriedForward: [3, null, null, null, null, null, 3] },
    };
    const parsed = await parseReport(Buffer.from(collapsedText), 'collapsed.txt', { previous });
    expect(parsed.applications['carriedOver']).toEqual([3, null, null, null, null, null, 3]);
    expect(parsed.applications['newReceived']).toEqual([23, null, null, null, null, null, 23]);
    const cell = parsed.cells.find((x) => x.path === 'applications.carriedOver[0]')!;
    expect(cell.alternatives ?? []).toEqual([]);
    expect(cell.confidence).toBeGreaterThanOrEqual(0.9);
    expect(cell.decidedBy).toContain('上一年度报告');
    expect(parsed.findings.filter((f) => f.rule === 'UNCERTAIN_READING' && f.cells.some((p) => p.startsWith('applications.')))).toEqual([]);
  });
});
