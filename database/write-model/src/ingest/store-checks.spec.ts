import { cellsFit, isCalendarDate, withoutNul } from './store-checks.js';

describe('what the ingest path checks before storing', () => {
  it('accepts only calendar days as publication dates', () => {
    expect(['2021-01-24', '2024-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2021-02-30', '2023-02-29', '2021-13-01', '2021-1-24', '2021年1月24日', ''].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('accepts cell values a numeric(18, 6) column holds', () => {
    expect(cellsFit([{ value: null }, { value: 0 }, { value: 999_999_999_999 }, { value: -5 }])).toBe(true);
    expect(cellsFit([{ value: 1e12 }])).toBe(false);
    expect(cellsFit([{ value: -1e15 }])).toBe(false);
  });

  it('replaces U+0000 in every string, keys included, keeping lengths (offsets stay right)', () => {
    const report = { text: 'a\u0000b', cells: [{ raw: '2\u00009', value: 29 }], 'k\u0000': null };
    expect(withoutNul(report)).toEqual({ text: 'a\uFFFDb', cells: [{ raw: '2\uFFFD9', value: 29 }], 'k\uFFFD': null });
    expect(withoutNul(report).text).toHaveLength(report.text.length);
  });
});
