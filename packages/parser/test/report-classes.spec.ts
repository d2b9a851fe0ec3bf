/**
 * The classes of misprint met in real reports, each applied by rule to every hand-checked report it can apply to
 * (not only to the file it was first seen in), in scraped text and in a Word-pasted HTML page:
 * - a 2019 section 二 printed with its cells glued (行政许可396442278), settled by the previous year's report;
 * - money in 元: the unit on the header's next line (采购总金额 / （元）), or printed in the cell (961716000元);
 * - narrative phrasing: "…作其他处理N件、转下年度办理M件"; a government's text listing its districts' counts.
 * Runs collapsed by a crawler are in collapsed.spec.ts, spreadsheets (.xlsx of every report, the .xls refusal) in
 * rendered.spec.ts and bad-input.spec.ts.
 */
import { inferAgencyKind, type ParsedReportCore } from '@ogi/domain';
import { parseReport, type PreviousReport } from '../src/parse-report.js';
import { corpusCases, tableDifferences } from './support/corpus.js';
import { officialBlocks, toGlued, toHtml, toPipeText, type Block } from './support/render.js';

const reports = corpusCases()
  .filter((c) => c.expected)
  .map((c) => [c.name, c.expected!] as const);

const uncertainPaths = (r: { findings: { rule: string; cells: string[] }[] }) =>
  r.findings.filter((f) => f.rule === 'UNCERTAIN_READING').flatMap((f) => f.cells);

/** The report in scraped text and as an HTML page. */
const containers = (blocks: Block[]) =>
  [
    ['text', Buffer.from(toPipeText(blocks)), 'report.txt'],
    ['html', Buffer.from(toHtml(blocks)), 'report.html'],
  ] as const;

/** A previous year consistent with this one: each 上一年项目数量 is last year's plus last year's 本年增/减. */
function previousYearOf(e: ParsedReportCore): PreviousReport {
  const activeDisclosure: PreviousReport['activeDisclosure'] = {};
  for (const [row, fields] of Object.entries(e.activeDisclosure)) {
    const items = fields['previousItems'];
    if (items === null || items === undefined) continue;
    const change = items >= 3 ? 3 : -2;
    activeDisclosure[row] = { ...fields, previousItems: items - change, change };
  }
  return { year: e.year! - 1, template: e.template!, activeDisclosure, applications: { carriedForward: e.applications['carriedOver']! } };
}

describe.each(reports.filter(([, e]) => e.template === '2019'))('%s: section 二 printed glued, without signs', (_name, expected) => {
  it('reads every row that has a 上一年项目数量 as last year’s report requires, and says that report decided', async () => {
    const previous = previousYearOf(expected);
    const text = Buffer.from(toGlued(officialBlocks(expected, { signs: false })));
    const parsed = await parseReport(text, 'glued.txt', { previous });
    expect(tableDifferences(parsed, expected).filter((d) => d.startsWith('activeDisclosure'))).toEqual([]);
    const rows = Object.keys(previous.activeDisclosure);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const path = `activeDisclosure.${row}.previousItems`;
      expect({ path, uncertain: uncertainPaths(parsed).includes(path) }).toEqual({ path, uncertain: false });
    }
    // Alone, the text leaves some of those rows open; last year's report is what settled them.
    const alone = await parseReport(text, 'glued.txt');
    const settled = rows.filter((row) => uncertainPaths(alone).includes(`activeDisclosure.${row}.previousItems`));
    for (const row of settled) expect(parsed.cells.find((c) => c.path === `activeDisclosure.${row}.previousItems`)!.decidedBy).toContain('上一年度报告');
  });
});

/** The report's money cell (2019: 采购总金额; 2021: 本年收费金额) printed in 元, the unit in the header's next line or in the cell. */
function inYuan(e: ParsedReportCore, unitIn: 'header' | 'cell'): { blocks: Block[]; path: string; yuan: string } {
  const [row, label] = e.template === '2019' ? ['procurement', '政府集中采购'] : ['fees', '行政事业性收费'];
  const yuan = String(Math.round(e.activeDisclosure[row]!['amountWan']! * 1e6) / 100);
  const blocks = officialBlocks(e).map((b): Block => {
    if (b.kind !== 'table') return b;
    const rows = b.rows.flatMap((r) => {
      const head = r.findIndex((x) => /采购总金额|本年收费金额/.test(x.text));
      if (head >= 0) {
        const header = r.map((x, i) => (i === head ? { ...x, text: x.text.replace('（单位：万元）', '') } : x));
        return unitIn === 'header' ? [header, r.map((x, i) => ({ ...x, text: i === head ? '（元）' : '' }))] : [header];
      }
      if (r[0]?.text !== label) return [r];
      return [r.map((x, i) => (i === r.length - 1 ? { ...x, text: unitIn === 'cell' ? `${yuan}元` : yuan } : x))];
    });
    return { kind: 'table', rows };
  });
  return { blocks, path: `activeDisclosure.${row}.amountWan`, yuan };
}

describe.each(reports)('%s: money printed in 元', (_name, expected) => {
  it.each(['header', 'cell'] as const)('with the unit in the %s, reads the amount in 万元, sure of it', async (unitIn) => {
    const { blocks, path, yuan } = inYuan(expected, unitIn);
    const printed = unitIn === 'cell' ? `${yuan}元` : yuan;
    expect(toPipeText(blocks)).toContain(`${printed} |`);
    for (const [container, bytes, file] of containers(blocks)) {
      const parsed = await parseReport(bytes, file);
      expect({ container, differences: tableDifferences(parsed, expected) }).toEqual({ container, differences: [] });
      expect({ container, uncertain: uncertainPaths(parsed).includes(path) }).toEqual({ container, uncertain: false });
    }
  });
});

/** The report with one more sentence at the end of its section 一 paragraph. */
const withSentence = (e: ParsedReportCore, sentence: string) =>
  officialBlocks(e).map((b): Block => (b.kind === 'p' && b.text.includes('全年主动公开政府信息') ? { ...b, text: `${b.text}${sentence}` } : b));
const totalOf = (e: ParsedReportCore, row: string) => e.applications[row]?.[6] ?? 0;

describe.each(reports)('%s: its counts restated in the text', (_name, e) => {
  it('“…作其他处理N件、转下年度办理M件” is M carried forward: the facts agree with the table and no mismatch is reported', async () => {
    const other = ['otherHandling', 'otherHandling.overdueCorrection', 'otherHandling.overdueFee', 'otherHandling.other'].reduce(
      (s, k) => s + totalOf(e, k),
      0,
    );
    const sentence =
      `本年度共收到政府信息公开申请${totalOf(e, 'newReceived')}件，上年结转${totalOf(e, 'carriedOver')}件；` +
      `予以公开${totalOf(e, 'granted')}件，部分公开${totalOf(e, 'partiallyGranted')}件，作其他处理${other}件、转下年度办理${totalOf(e, 'carriedForward')}件。`;
    for (const [container, bytes, file] of containers(withSentence(e, sentence))) {
      const parsed = await parseReport(bytes, file);
      const facts = Object.fromEntries(parsed.narrative.map((f) => [f.kind, f.value]));
      expect({ container, received: facts['applicationsReceived'], carriedForward: facts['applicationsCarriedForward'] }).toEqual({
        container,
        received: totalOf(e, 'newReceived'),
        carriedForward: totalOf(e, 'carriedForward'),
      });
      expect(parsed.findings.filter((f) => f.rule === 'NARRATIVE_MISMATCH' && f.status === 'failed')).toEqual([]);
      expect(tableDifferences(parsed, e)).toEqual([]);
    }
  });

  it('a government listing its own and its districts’ counts is a region aggregate; a department doing so is still itself', async () => {
    const n = totalOf(e, 'newReceived');
    const own = Math.floor(n / 2);
    const sentence = `本年度共收到政府信息公开申请${n}件，其中本级${own}件，东城区${Math.floor(n / 3)}件，西湖县${n - own - Math.floor(n / 3)}件。`;
    const scope = inferAgencyKind(e.agency!) === 'government' ? 'region_aggregate' : 'self';
    for (const [container, bytes, file] of containers(withSentence(e, sentence))) {
      const parsed = await parseReport(bytes, file);
      expect({ container, scope: parsed.scope }).toEqual({ container, scope });
    }
  });
});
