/**
 * What agencies do to the official labels — numbering written 1、 or (1), other quotes, stray spaces, a typo in a
 * long label, no 勾稽关系 note, an extra narrative section numbered like a table section — applied to every
 * hand-checked report in the official layout. The tables must still read exactly.
 */
import type { ParsedReportCore } from '@ogi/domain';
import { parseReport } from '../src/parse-report.js';
import { corpusCases, tableDifferences } from './support/corpus.js';
import { officialBlocks, toHtml, toPipeText, type Block } from './support/render.js';

type Variation = [string, (text: string) => string];

const VARIATIONS: Variation[] = [
  ['numbering written 1、 and (一)', (t) => t.replace(/^(\d)\./, '$1、').replace(/^（([一二三四五六七])）/, '($1)')],
  ['numbering written (1)', (t) => t.replace(/^(\d)\./, '（$1）')],
  ['corner-bracket quotes', (t) => t.replace(/“/g, '「').replace(/”/g, '」')],
  ['spaces inside labels', (t) => (/^[\d（一二三四]/.test(t) && t.length > 6 ? t.split('').join(' ') : t)],
  [
    'a typo in long labels (one character lost)',
    (t) => (t.length >= 12 && /[\u4e00-\u9fa5]{10}/.test(t) && !/^第二十条/.test(t) ? t.slice(0, 6) + t.slice(7) : t),
  ],
  ['full-width digits in the labels', (t) => t.replace(/^(\d)/, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
];

function vary(blocks: Block[], change: (text: string) => string): Block[] {
  return blocks.map((b) =>
    b.kind === 'p'
      ? b
      : { kind: 'table', rows: b.rows.map((row) => row.map((c) => (/^[\d\s.,+-]*(万元|元)?$/.test(c.text) ? c : { ...c, text: change(c.text) }))) },
  );
}

/** No 勾稽关系 note, and the narrative renumbered so that "三、" and "四、" headings appear before the tables. */
function renumbered(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'p' && b.text === '二、主动公开政府信息情况') {
      out.push(
        { kind: 'p', text: '二、工作机制保障' },
        { kind: 'p', text: '三、主动公开工作情况' },
        { kind: 'p', text: '全年公开行政许可信息12条，行政处罚信息3条。' },
      );
      out.push({ kind: 'p', text: '四、政府信息公开申请情况' }, { kind: 'p', text: '全年办理行政复议相关咨询2次。' });
      out.push({ kind: 'p', text: '附表一、主动公开政府信息情况' });
      continue;
    }
    if (b.kind === 'table') {
      out.push({ kind: 'table', rows: b.rows.map((row) => row.filter((c) => !c.text.includes('勾稽关系'))) });
      continue;
    }
    out.push(b);
  }
  return out;
}

const reports = corpusCases()
  .filter((c) => c.expected)
  .map((c) => [c.name, c.expected!] as const);

async function expectTables(bytes: Buffer, name: string, expected: ParsedReportCore) {
  const parsed = await parseReport(bytes, name);
  expect(tableDifferences(parsed, expected)).toEqual([]);
  expect([parsed.agency, parsed.year, parsed.template]).toEqual([expected.agency, expected.year, expected.template]);
}

describe.each(reports)('%s', (_name, expected) => {
  it.each(VARIATIONS)('%s (HTML and scraped text)', async (_what, change) => {
    const blocks = vary(officialBlocks(expected), change);
    await expectTables(Buffer.from(toHtml(blocks)), 'varied.html', expected);
    await expectTables(Buffer.from(toPipeText(blocks)), 'varied.txt', expected);
  });

  it('with no 勾稽关系 note and narrative headings numbered like the table sections', async () => {
    const blocks = renumbered(officialBlocks(expected));
    await expectTables(Buffer.from(toHtml(blocks)), 'renumbered.html', expected);
  });
});
