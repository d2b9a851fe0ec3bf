import { describe, expect, it } from 'vitest';
import { dataYears, parseDashboardQuery, toDashboardQuery, toSelectionInput } from './dashboard-filters';

describe('dashboard filters in the URL', () => {
  it('reads years, agencies, metrics from the query and writes them back the same', () => {
    const query = { year: '2023', years: '2024,2022', agencies: '12,15', metrics: 'outcomes.disclosureRate,review.total' };
    const filters = parseDashboardQuery(query);
    expect(filters).toEqual({
      year: 2023,
      years: [2022, 2024],
      selection: { agencyIds: ['12', '15'], parentId: null, kinds: [], levels: [], includeDescendants: false },
      metrics: ['outcomes.disclosureRate', 'review.total'],
    });
    expect(parseDashboardQuery(toDashboardQuery(filters) as never)).toEqual(filters);
  });

  it('reads "all departments of X" as a parent with a kind', () => {
    const filters = parseDashboardQuery({ parent: '7', kinds: 'department' });
    expect(toSelectionInput(filters.selection)).toEqual({ parentId: '7', kinds: ['department'] });
  });

  it('ignores nonsense instead of failing: bad years, odd ids, repeats', () => {
    const filters = parseDashboardQuery({ year: '99', years: '2020,abc,2020,1800', agencies: '1,1,<script>,2' });
    expect(filters.year).toBeNull();
    expect(filters.years).toEqual([2020]);
    expect(filters.selection.agencyIds).toEqual(['1', '2']);
  });

  it('keeps a page’s own parameters and drops empty filters', () => {
    const q = toDashboardQuery(parseDashboardQuery({ chart: 'lines', year: '2022' }), { chart: 'lines', year: '2022' });
    expect(q).toEqual({ chart: 'lines', year: '2022' });
  });

  it('an empty selection asks for every agency', () => {
    expect(toSelectionInput(parseDashboardQuery({}).selection)).toEqual({});
  });

  it('offers data years from 2019 to last year', () => {
    expect(dataYears(new Date('2026-03-01'))).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });
});
