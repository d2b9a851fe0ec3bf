import { countAndAmountSplits, signedSplits, splits } from './glued-digits.js';

describe('splitting glued digit runs', () => {
  it('lists every split into k numbers, never with a leading zero', () => {
    expect(splits('1203', 3)).toEqual([
      [1, 20, 3],
      [12, 0, 3],
    ]);
  });

  it('keeps only splits whose last number is the sum of the others when asked', () => {
    // 640020470 as printed by the 平潭 2021 page: 64 0 0 2 0 4 70 and 6 4 0 0 2 0 ... do not both add up.
    const found = splits('640020470', 7, { lastIsSum: true })!;
    expect(found).toContainEqual([64, 0, 0, 2, 0, 4, 70]);
    for (const parts of found) expect(parts.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(parts[6]);
  });

  it('splits section 四 runs group by group (17 digits for 15 cells)', () => {
    expect(splits('10203120001200000', 15, { groupSize: 5 })).toEqual([[1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]);
  });

  it('answers an empty list when nothing fits and null when a run is too long to be a row', () => {
    expect(splits('12', 3)).toEqual([]);
    expect(splits('1'.repeat(60), 7)).toBeNull();
  });

  it('cuts a count glued to a decimal amount before the decimal point only', () => {
    expect(countAndAmountSplits('13575.5').map((o) => [o.count, o.amount])).toEqual([
      [1, 3575.5],
      [13, 575.5],
      [135, 75.5],
      [1357, 5.5],
    ]);
  });
});

describe('splitting runs that carry signs (本年增/减)', () => {
  it('never lets a number cross a sign, and puts the signed number in the change column', () => {
    expect(signedSplits('396+5401', 3, 1)).toEqual([
      [396, 5, 401],
      [396, 540, 1],
    ]);
  });

  it('reads a negative change', () => {
    expect(signedSplits('12-3 40', 3, 1)).toEqual([
      [12, -3, 40],
      [12, -34, 0],
    ]);
  });

  it('without a change column, a sign may start any number', () => {
    expect(signedSplits('3-12', 2)).toEqual([[3, -12]]);
    expect(signedSplits('39+6', 3)).toEqual([[3, 9, 6]]);
  });

  it('answers nothing for text that is not digits and signs', () => {
    expect(signedSplits('12a3', 2)).toEqual([]);
  });
});
