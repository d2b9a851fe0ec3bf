import { describe, expect, it } from 'vitest';
import type { RollupValueResult } from '../../graphql/analytics.types';
import { buildRankingOption, buildTrendOption, latestYearWithData, topAgenciesVariables, trendPoints, trendTable } from './overview-charts.option';

const r = (year: number, metric: string, value: number | null, reportsCounted = 3): RollupValueResult => ({
  year,
  metric,
  value,
  numerator: value,
  denominator: null,
  reportsCounted,
  agenciesCovered: reportsCounted,
});

const rollup = [
  r(2019, 'applications.new', null, 0),
  r(2020, 'applications.new', 120),
  r(2020, 'applications.handled', 110),
  r(2020, 'outcomes.disclosureRate', 0.4567),
  r(2021, 'applications.new', 150),
  r(2021, 'applications.handled', null),
  r(2021, 'outcomes.disclosureRate', 0.5),
  r(2022, 'applications.new', null, 0),
];
const text = { received: '新收', handled: '办结', disclosureRate: '公开率', countAxis: '件', yearLabel: (y: number) => `${y}年` };

describe('overview trend', () => {
  it('runs from the first year with reports to the last, oldest first', () => {
    expect(trendPoints(rollup)).toEqual([
      { year: 2020, received: 120, handled: 110, disclosureRate: 0.4567, reports: 3 },
      { year: 2021, received: 150, handled: null, disclosureRate: 0.5, reports: 3 },
    ]);
    expect(latestYearWithData(rollup)).toBe(2021);
    expect(latestYearWithData([])).toBeNull();
  });

  it('keeps a year without reports between two with reports as a gap', () => {
    const gap = [r(2020, 'applications.new', 10), r(2021, 'applications.new', null, 0), r(2022, 'applications.new', 30)];
    expect(trendPoints(gap).map((p) => [p.year, p.received, p.reports])).toEqual([
      [2020, 10, 3],
      [2021, null, 0],
      [2022, 30, 3],
    ]);
    expect((buildTrendOption(trendPoints(gap), text).series as { data: unknown[] }[])[0]!.data).toEqual([10, null, 30]);
  });

  it('draws received and handled as bars and the disclosure rate in percent on a second axis', () => {
    const option = buildTrendOption(trendPoints(rollup), text, 2021);
    const series = option.series as { type: string; name: string; data: unknown[]; yAxisIndex?: number }[];
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', '新收'],
      ['bar', '办结'],
      ['line', '公开率'],
    ]);
    expect(series[0]!.data).toEqual([120, 150]);
    expect(series[1]!.data).toEqual([110, null]); // unknown stays a gap, not 0
    expect(series[2]!.data).toEqual([45.7, 50]);
    expect(series[2]!.yAxisIndex).toBe(1);
    const categories = (option.xAxis as { data: { value: string; textStyle: object }[] }).data;
    expect(categories.map((c) => c.value)).toEqual(['2020年', '2021年']);
    expect(categories[1]!.textStyle).toEqual({ fontWeight: 'bold' });
  });

  it('exports the same numbers the chart shows', () => {
    expect(trendTable(trendPoints(rollup), ['年度', '新收', '办结', '公开率(%)', '报告数']).rows).toEqual([
      [2020, 120, 110, 45.7, 3],
      [2021, 150, null, 50, 3],
    ]);
  });
});

describe('ranking chart', () => {
  it('lists agencies top-down with their values and ids for drilling', () => {
    const option = buildRankingOption(
      [
        { agencyId: 'a1', name: '淮安市人民政府', value: 300, reportId: 'r1' },
        { agencyId: 'a2', name: '沭阳县人民政府', value: null, reportId: null },
      ],
      '件',
    );
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual(['淮安市人民政府', '沭阳县人民政府']);
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
    const data = (option.series as { data: { value: unknown; agencyId: string }[] }[])[0]!.data;
    expect(data).toEqual([
      { value: 300, name: '淮安市人民政府', agencyId: 'a1' },
      { value: '-', name: '沭阳县人民政府', agencyId: 'a2' },
    ]);
  });
});

describe('the agencies with the most applications', () => {
  it("ranks every agency's own report: region-wide aggregates (全市 totals) are left out, counts need no minimum sample", () => {
    const vars = topAgenciesVariables(2024, null);
    expect(vars).toMatchObject({ metric: 'applications.new', year: 2024, scopes: ['self'], minSample: 0, order: 'DESC' });
    expect(vars.scopes).not.toContain('region_aggregate');
  });

  it('ranks region aggregates only among themselves, when asked for them: one scope per ranking', () => {
    const vars = topAgenciesVariables(2025, null, 'aggregates');
    expect(vars.scopes).toEqual(['region_aggregate']);
    expect(vars.scopes).not.toContain('self');
  });

  it('keeps the chosen government and everything under it as the selection', () => {
    expect(topAgenciesVariables(2023, { parentId: '7', includeDescendants: true }).selection).toEqual({ parentId: '7', includeDescendants: true });
  });
});
