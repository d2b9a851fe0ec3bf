import { describe, expect, it } from 'vitest';
import { rateAxisMax, yearSpan } from './chart-axes';

describe('shared chart axes', () => {
  it('keep a year without data on the axis', () => {
    expect(yearSpan([2022, 2020, 2024])).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(yearSpan([2023])).toEqual([2023]);
    expect(yearSpan([])).toEqual([]);
  });

  it('let rates near 10 % use the height of the chart', () => {
    expect(rateAxisMax({ max: 12.5 })).toBe(20);
    expect(rateAxisMax({ max: 3 })).toBe(10);
    expect(rateAxisMax({ max: 41 })).toBe(50);
    expect(rateAxisMax({ max: 48 })).toBe(60);
    expect(rateAxisMax({ max: 73 })).toBe(100);
    expect(rateAxisMax({ max: -Infinity })).toBe(10);
  });
});
