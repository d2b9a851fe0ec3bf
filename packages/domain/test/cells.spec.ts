import { cellOrder, cellValueKind, checkCellValue, describeCell, parseCellPath } from '../src/cells.js';

describe('parseCellPath', () => {
  it('reads the three kinds of path back, row keys with a dot included', () => {
    expect(parseCellPath('applications.newReceived[0]')).toEqual({ section: 'applications', row: 'newReceived', column: 0 });
    expect(parseCellPath('applications.withheld.stateSecret[6]')).toEqual({ section: 'applications', row: 'withheld.stateSecret', column: 6 });
    expect(parseCellPath('reviewLitigation.litigationDirect[4]')).toEqual({ section: 'reviewLitigation', row: 'litigationDirect', column: 4 });
    expect(parseCellPath('activeDisclosure.fees.amountWan')).toEqual({ section: 'activeDisclosure', row: 'fees', column: 'amountWan' });
  });

  it('names nothing for anything else', () => {
    for (const p of [
      '',
      'applications',
      'applications.newReceived',
      'applications.newReceived[x]',
      'other.newReceived[0]',
      "applications.a'b[0]",
      'activeDisclosure.fees',
    ]) {
      expect(parseCellPath(p)).toBeNull();
    }
  });
});

describe('cellValueKind', () => {
  it("follows the template's layout", () => {
    expect(cellValueKind('2021', { section: 'activeDisclosure', row: 'fees', column: 'amountWan' })).toBe('money');
    expect(cellValueKind('2019', { section: 'activeDisclosure', row: 'licensing', column: 'change' })).toBe('signedCount');
    expect(cellValueKind('2019', { section: 'activeDisclosure', row: 'fees', column: 'amountWan' })).toBeNull();
    expect(cellValueKind('2021', { section: 'applications', row: 'otherHandling.overdueFee', column: 3 })).toBe('count');
    expect(cellValueKind('2019', { section: 'applications', row: 'otherHandling.overdueFee', column: 3 })).toBeNull();
    expect(cellValueKind('2019', { section: 'applications', row: 'granted', column: 7 })).toBeNull();
    expect(cellValueKind('2019', { section: 'reviewLitigation', row: 'review', column: 4 })).toBe('count');
    expect(cellValueKind('2019', { section: 'reviewLitigation', row: 'review', column: 5 })).toBeNull();
  });
});

describe('checkCellValue', () => {
  it('takes whole counts ≥ 0, whole signed changes, money ≥ 0 with up to 6 decimals, and blank anywhere', () => {
    expect([0, 29, null].map((v) => checkCellValue('count', v))).toEqual([null, null, null]);
    expect([-3, 4, null].map((v) => checkCellValue('signedCount', v))).toEqual([null, null, null]);
    expect([0, 278.334, 12.345678, null].map((v) => checkCellValue('money', v))).toEqual([null, null, null, null]);
  });

  it('refuses the rest with a message in both languages', () => {
    for (const [kind, v] of [
      ['count', -1],
      ['count', 1.5],
      ['signedCount', 0.5],
      ['money', -0.01],
      ['money', 1.0000001],
      ['count', 1e12],
      ['money', Number.NaN],
      ['count', Number.POSITIVE_INFINITY],
    ] as const) {
      expect({ kind, v, problem: checkCellValue(kind, v) }).toEqual({ kind, v, problem: { zh: expect.stringMatching(/.+/), en: expect.stringMatching(/.+/) } });
    }
  });
});

describe('describeCell and cellOrder', () => {
  it('names a cell as the format prints it', () => {
    expect(describeCell('2019', 'applications.newReceived[0]')).toEqual({
      zh: '三、一、本年新收政府信息公开申请数量 · 自然人',
      en: 'III. New applications this year · Natural persons',
    });
    expect(describeCell('2021', 'activeDisclosure.fees.amountWan').zh).toBe('二、行政事业性收费 · 本年收费金额（单位：万元）');
    expect(describeCell('2019', 'no.such[9]')).toEqual({ zh: 'no.such[9]', en: 'no.such[9]' });
  });

  it('sorts cells in printed order: section 二, 三 (rows as printed), 四', () => {
    const paths = [
      'reviewLitigation.review[0]',
      'applications.total[6]',
      'applications.newReceived[1]',
      'activeDisclosure.penalty.decisions',
      'applications.newReceived[0]',
    ];
    expect([...paths].sort((a, b) => cellOrder('2019', a) - cellOrder('2019', b))).toEqual([
      'activeDisclosure.penalty.decisions',
      'applications.newReceived[0]',
      'applications.newReceived[1]',
      'applications.total[6]',
      'reviewLitigation.review[0]',
    ]);
  });
});
