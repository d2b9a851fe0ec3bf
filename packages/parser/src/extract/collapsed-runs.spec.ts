import { expansions, groupsSum, lastIsSum } from './collapsed-runs.js';

describe('expanding a row printed with each run of equal cells once', () => {
  it('`1 0 1` in a seven-column row with its 总计 last can only be 1 0 0 0 0 0 1', () => {
    expect(expansions([1, 0, 1], 7, lastIsSum)).toEqual([[1, 0, 0, 0, 0, 0, 1]]);
  });

  it('`46 0 46` likewise, and a lone 0 is a row of zeros', () => {
    expect(expansions([46, 0, 46], 7, lastIsSum)).toEqual([[46, 0, 0, 0, 0, 0, 46]]);
    expect(expansions([0], 7, lastIsSum)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('a lone 265 in a seven-column row has no reading that adds up (never split into digits)', () => {
    expect(expansions([265], 7, lastIsSum)).toEqual([]);
  });

  it('a lone 265 in a three-column row without sums is 265 265 265', () => {
    expect(expansions([265], 3)).toEqual([[265, 265, 265]]);
  });

  it('keeps every reading the row total allows: `1 0 1 0 2` fits three ways', () => {
    expect(expansions([1, 0, 1, 0, 2], 7, lastIsSum)).toEqual([
      [1, 0, 1, 0, 0, 0, 2],
      [1, 0, 0, 1, 0, 0, 2],
      [1, 0, 0, 0, 1, 0, 2],
    ]);
  });

  it('equal printed neighbours are not a collapsed row', () => {
    expect(expansions([3, 3], 7)).toEqual([]);
  });

  it('section 四: `1 0 1 0 1` over fifteen cells has one reading whose three groups end with their totals', () => {
    // 1 0 0 0 1 | 0 0 0 0 0 | 0 0 0 1 1: the only one; e.g. 1 0 0 0 1 | 0 0 0 0 0 | 1 0 0 0 1 would print 1 0 1 0 1 0 1.
    expect(expansions([1, 0, 1, 0, 1], 15, groupsSum(5))).toEqual([[1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]]);
  });
});
