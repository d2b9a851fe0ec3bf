import { APPLICATION_ROWS, applicationRowKeys } from '@ogi/domain';
import { DocumentBuilder } from '../document.js';
import { readApplications } from './applications.js';

/**
 * A section 三 table as the PDF reader builds it: a label cell, then one cell per printed number with its box
 * (column c centred at x = 264 + 40c; `shifted` moves a row's numbers, by column, to other centres).
 */
function pdfTable(rows: Record<string, (number | null)[]>, shifted: Record<string, Record<number, number>> = {}) {
  const b = new DocumentBuilder('pdf', 'pdf');
  b.addRow([{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' }]);
  let y = 700;
  for (const key of applicationRowKeys(true)) {
    const row = APPLICATION_ROWS.find((r) => r.key === key)!;
    const values = rows[key] ?? [0, 0, 0, 0, 0, 0, 0];
    const label = key === 'total' ? '（七）总计' : `${row.number}${row.label}`;
    const cells = [{ text: label, origin: { kind: 'pdf' as const, page: 1, x: 80, y, width: 150, height: 8 } }];
    values.forEach((v, c) => {
      // A blank cell prints nothing at all in a PDF.
      const centre = shifted[key]?.[c] ?? 264 + c * 40;
      if (v !== null) cells.push({ text: String(v), origin: { kind: 'pdf' as const, page: 1, x: centre - 4, y, width: 8, height: 8 } });
    });
    b.addRow(cells);
    y -= 20;
  }
  return b.build();
}

describe('section 三 rows with blank cells in a PDF', () => {
  it('places each printed number under the column it is printed in, leaving the blank one blank', () => {
    const doc = pdfTable({
      newReceived: [10, 2, 0, 0, 0, 1, 13],
      granted: [5, 1, 0, 0, 0, 1, null],
      total: [10, 2, 0, 0, 0, 1, 13],
      carriedForward: [0, 0, 0, 0, 0, 0, 0],
    });
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    expect(read.rows.get('granted')!.map((c) => c.value)).toEqual([5, 1, 0, 0, 0, 1, null]);
    expect(read.rows.get('newReceived')!.map((c) => c.value)).toEqual([10, 2, 0, 0, 0, 1, 13]);
  });

  it('a blank in the middle of the row stays in its column', () => {
    const doc = pdfTable({ partiallyGranted: [3, null, null, 0, 0, 0, 3] });
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    expect(read.rows.get('partiallyGranted')!.map((c) => c.value)).toEqual([3, null, null, 0, 0, 0, 3]);
  });
});

describe('a PDF value printed between two columns', () => {
  it("goes to the column the table's sums require, and the evidence says the sums decided", () => {
    // 1 under 其他 (column 5), printed half-way between 法律服务机构 and 其他: only column 5 lets the outcomes add up.
    const doc = pdfTable(
      { newReceived: [10, 2, 0, 0, 0, 1, 13], granted: [10, 2, null, null, null, 1, 13], total: [10, 2, 0, 0, 0, 1, 13] },
      { granted: { 5: 264 + 4.5 * 40 } },
    );
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    const granted = read.rows.get('granted')!;
    expect(granted.map((c) => c.value)).toEqual([10, 2, null, null, null, 1, 13]);
    expect(granted[5]!.decidedBy).toContain('列合计');
    expect(granted[5]!.raw).toBe('1');
    expect(read.uncertain).toEqual([]);
  });

  it('is uncertain, with the other column offered, when the sums fit both', () => {
    const doc = pdfTable(
      { newReceived: [10, 2, 0, 0, 0, 1, 13], granted: [10, 2, null, null, null, 1, 13], total: [10, 2, 0, 0, 0, 1, 13] },
      { granted: { 5: 264 + 4.5 * 40 } },
    );
    // The same page with the total row's 其他 and 法律服务机构 both blank: no column rule tells 4 from 5.
    const blankTotals = pdfTable(
      { newReceived: [10, 2, null, null, null, null, 13], granted: [10, 2, null, null, null, 1, 13], total: [10, 2, 0, 0, null, null, 13] },
      { granted: { 5: 264 + 4.5 * 40 } },
    );
    expect(readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] }).uncertain).toEqual([]);
    const read = readApplications(blankTotals, 0, blankTotals.text.length, { template: '2019', narrative: [] });
    const granted = read.rows.get('granted')!;
    expect(granted[4]!.confidence).toBeLessThanOrEqual(0.5);
    expect(read.uncertain.map((u) => [u.kind, u.paths[0]])).toEqual([['columns', 'applications.granted[0]']]);
    expect(granted.map((c) => c.value)).toEqual([10, 2, null, null, 1, null, 13]);
    expect(granted[5]!.alternatives).toEqual([1]);
  });
});

describe('section 三 rows of scraped text whose blank cells left no trace', () => {
  /** One cell per line, as a scraper that drops empty cells writes it: the blanks are simply gone. */
  function scrapedTable(rows: Record<string, (number | null)[]>) {
    const b = new DocumentBuilder('text', 'utf-8');
    b.addRow([{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' }]);
    for (const key of applicationRowKeys(true)) {
      const row = APPLICATION_ROWS.find((r) => r.key === key)!;
      b.addRow([{ text: key === 'total' ? '（七）总计' : `${row.number}${row.label}` }]);
      for (const v of rows[key] ?? [0, 0, 0, 0, 0, 0, 0]) if (v !== null) b.addRow([{ text: String(v) }]);
    }
    return b.build();
  }

  it('reads a last number equal to the sum of the others as the 总计, and the rest left to right, less surely', () => {
    const doc = scrapedTable({ carriedOver: [18, null, null, null, null, null, 18], newReceived: [821, 35, null, null, null, null, 856] });
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    expect(read.rows.get('carriedOver')!.map((c) => c.value)).toEqual([18, null, null, null, null, null, 18]);
    expect(read.rows.get('newReceived')!.map((c) => c.value)).toEqual([821, 35, null, null, null, null, 856]);
    expect(read.rows.get('newReceived')![0]!.confidence).toBeLessThan(1);
    expect(read.notes.some((n) => n.includes('末一数等于其余之和'))).toBe(true);
    // and the guess is said: the columns of those rows' values are uncertain (a finding for the clerk)
    expect(read.uncertain.filter((u) => u.kind === 'columns').map((u) => u.paths[0])).toEqual(['applications.newReceived[0]', 'applications.carriedOver[0]']);
  });

  it("puts each value in the column the table's sums require: the lost blanks are readings the solver chooses among", () => {
    // 其他处理 "2 1 3": the 1 can only be under 其他 (column 5), where the 总计 row prints its 1.
    const doc = scrapedTable({
      newReceived: [2, 0, 0, 0, 0, 1, 3],
      otherHandling: [2, null, null, null, null, 1, 3],
      total: [2, 0, 0, 0, 0, 1, 3],
    });
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    const row = read.rows.get('otherHandling')!;
    expect(row.map((c) => c.value)).toEqual([2, null, null, null, null, 1, 3]);
    expect(row[5]!.decidedBy).toContain('列合计');
    expect(row[5]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(read.uncertain).toEqual([]);
  });
});

describe('a section 三 table printed with an extra 法人或其他组织 小计 column', () => {
  /** Rows as a copied table gives them: the label, then every value in its own cell, the subtotal at `at`. */
  function withSubtotal(rows: Record<string, number[]>, at: number) {
    const b = new DocumentBuilder('text', 'utf-8');
    b.addRow([{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' }]);
    for (const key of applicationRowKeys(true)) {
      const row = APPLICATION_ROWS.find((r) => r.key === key)!;
      const values = rows[key] ?? [0, 0, 0, 0, 0, 0, 0];
      const organisations = values.slice(1, 6).reduce((a, v) => a + v, 0);
      const printed = values.map(String);
      printed.splice(at, 0, String(organisations));
      b.addRow([{ text: key === 'total' ? '（七）总计' : `${row.number}${row.label}` }, ...printed.map((text) => ({ text }))]);
    }
    return b.build();
  }
  const rows = {
    newReceived: [40, 6, 0, 1, 2, 2, 51],
    granted: [20, 3, 0, 1, 1, 1, 26],
    partiallyGranted: [20, 3, 0, 0, 1, 1, 25],
    total: [40, 6, 0, 1, 2, 2, 51],
  };

  it.each([
    ['after 其他', 6],
    ['before 商业企业', 1],
  ])('never reads the subtotal as the 总计 (%s)', (_where, at) => {
    const doc = withSubtotal(rows, at);
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    expect(read.rows.get('newReceived')!.map((c) => c.value)).toEqual([40, 6, 0, 1, 2, 2, 51]);
    expect(read.rows.get('granted')!.map((c) => c.value)).toEqual([20, 3, 0, 1, 1, 1, 26]);
    expect(read.notes.some((n) => n.includes('法人或其他组织小计'))).toBe(true);
  });
});

describe('numbers grouped by thousands with a space', () => {
  function table(cellsOf: (values: number[]) => string[]) {
    const b = new DocumentBuilder('text', 'utf-8');
    b.addRow([{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' }]);
    const rows: Record<string, number[]> = { newReceived: [13364, 2, 0, 0, 0, 0, 13366], total: [13364, 2, 0, 0, 0, 0, 13366] };
    for (const key of applicationRowKeys(true)) {
      const row = APPLICATION_ROWS.find((r) => r.key === key)!;
      const printed = cellsOf(rows[key] ?? [0, 0, 0, 0, 0, 0, 0]);
      b.addRow([{ text: key === 'total' ? '（七）总计' : `${row.number}${row.label}` }, ...printed.map((text) => ({ text }))]);
    }
    return b.build();
  }
  const grouped = (v: number) => v.toLocaleString('en-US').replace(/,/g, ' ');

  it('read as one number in a cell of their own ("13 364")', () => {
    const doc = table((values) => values.map(grouped));
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    expect(read.rows.get('newReceived')!.map((c) => c.value)).toEqual([13364, 2, 0, 0, 0, 0, 13366]);
  });

  it('and a count printed with its unit word ("13366件") is the number', () => {
    const doc = table((values) => values.map((v) => `${v}件`));
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    expect(read.rows.get('newReceived')!.map((c) => c.value)).toEqual([13364, 2, 0, 0, 0, 0, 13366]);
  });

  it('while a line of numbers read as one piece of text is still cut at its spaces', () => {
    const doc = table((values) => [values.join(' ')]);
    const read = readApplications(doc, 0, doc.text.length, { template: '2019', narrative: [] });
    expect(read.rows.get('newReceived')!.map((c) => c.value)).toEqual([13364, 2, 0, 0, 0, 0, 13366]);
  });
});
