import { makeView } from '../text-view.js';
import { APPLICATION_LABELS } from './applications.js';
import { findLabels } from './labels.js';

describe('finding a long label loosely', () => {
  const overdueFee = APPLICATION_LABELS.filter((l) => l.key === 'otherHandling.overdueFee');

  it('accepts a label with a character lost', () => {
    const matches = findLabels(makeView('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开'), overdueFee);
    expect(matches.map((m) => m.key)).toEqual(['otherHandling.overdueFee']);
  });

  it('never takes in the numbers printed between two parts of a label wrapped around its row (they are the row’s values)', () => {
    // A PDF row three lines high: the label's first part, the row's values, then the rest of the label.
    const matches = findLabels(makeView('2.申请人逾期未按收费通\t6\t0\t0\t0\t0\t0\t6\n知要求缴纳费用、行政机关不再处理其政府信息公开申请'), overdueFee);
    expect(matches).toEqual([]);
  });
});
