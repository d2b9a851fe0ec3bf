/**
 * Money is read in 万元 from the unit its cell or its column header prints; an amount with no unit anywhere is
 * uncertain (offered both ways, with a finding), never silently taken as 万元.
 */
import { parseReport } from '../src/parse-report.js';
import { corpusCases } from './support/corpus.js';
import { officialBlocks, toPipeText } from './support/render.js';

const pingtan2019 = corpusCases().find((c) => c.name === '007_pingtan_syq_2019')!.expected!;
const pingtan2021 = corpusCases().find((c) => c.name === '009_pingtan_syq_2021')!.expected!;
const procurement = { ...pingtan2019, activeDisclosure: { ...pingtan2019.activeDisclosure, procurement: { projects: 135, amountWan: 45375.463281 } } };
const text2019 = toPipeText(officialBlocks(procurement));

describe('money units', () => {
  it('采购总金额 with （元） on the line below: 453754632.81 in the cell is 45375.463281 万元, decided by the header', async () => {
    const text = text2019.replace('采购总金额 |', '采购总金额 |\n（元） |').replace('45375.463281万元 |', '453754632.81 |');
    expect(text).toContain('453754632.81 |');
    const r = await parseReport(Buffer.from(text), 'report.txt');
    expect(r.activeDisclosure['procurement']).toEqual({ projects: 135, amountWan: 45375.463281 });
    const cell = r.cells.find((c) => c.path === 'activeDisclosure.procurement.amountWan')!;
    expect(cell.decidedBy).toContain('表头');
    expect(r.findings.some((f) => f.rule === 'UNCERTAIN_READING' && f.cells.includes(cell.path))).toBe(false);
  });

  it('an amount with no unit in its cell or header is uncertain: read as 万元, the 元 reading offered, a finding raised', async () => {
    const text = text2019.replace('45375.463281万元 |', '453754632.81 |');
    const r = await parseReport(Buffer.from(text), 'report.txt');
    const cell = r.cells.find((c) => c.path === 'activeDisclosure.procurement.amountWan')!;
    expect(cell.value).toBe(453754632.81);
    expect(cell.alternatives).toEqual([45375.463281]);
    expect(cell.confidence).toBeLessThanOrEqual(0.5);
    const finding = r.findings.find((f) => f.rule === 'UNCERTAIN_READING' && f.cells.includes(cell.path));
    expect(finding?.message.zh).toContain('未注明单位');
  });

  it('“251000” and “元” printed as two pieces (a PDF line) are 25.1 万元', async () => {
    const fees = { ...pingtan2021, activeDisclosure: { ...pingtan2021.activeDisclosure, fees: { amountWan: 25.1 } } };
    const text = toPipeText(officialBlocks(fees)).replace(/(行政事业性收费 \|\n)25\.1 \|/, '$1251000 |\n元 |');
    expect(text).toContain('251000 |\n元 |');
    const r = await parseReport(Buffer.from(text), 'report.txt');
    expect(r.activeDisclosure['fees']).toEqual({ amountWan: 25.1 });
    expect(r.cells.find((c) => c.path === 'activeDisclosure.fees.amountWan')?.unitRaw).toBe('元');
  });
});
