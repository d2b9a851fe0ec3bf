import { describe, expect, it } from 'vitest';
import { parseListQuery, selectableYears, toListQuery } from './report-list-filters';

describe('report list filters in the URL', () => {
  it('reads agency, year and page, ignoring junk', () => {
    expect(parseListQuery({ agency: 'a1', year: '2020', page: '3' })).toEqual({ agencyId: 'a1', year: 2020, page: 3 });
    expect(parseListQuery({ year: 'abc', page: '-2' })).toEqual({ agencyId: null, year: null, page: 1 });
    expect(parseListQuery({ agency: ['a2', 'a3'], year: ['2021'] })).toEqual({ agencyId: 'a2', year: 2021, page: 1 });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(toListQuery({ agencyId: null, year: null, page: 1 })).toEqual({});
    const filters = { agencyId: 'a1', year: 2020, page: 2 };
    expect(toListQuery(filters)).toEqual({ agency: 'a1', year: '2020', page: '2' });
    expect(parseListQuery(toListQuery(filters) as Record<string, string>)).toEqual(filters);
  });

  it('offers data years from last year back to 2019, plus the one in the URL', () => {
    expect(selectableYears(new Date('2026-05-01'), null)).toEqual([2025, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(selectableYears(new Date('2021-02-01'), 2018)).toEqual([2020, 2019, 2018]);
  });
});
