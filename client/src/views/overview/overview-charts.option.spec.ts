import { describe, expect, it } from 'vitest';
import { type RollupValueResult } from '../../graphql/api';
import {
  buildRankingOption,
  buildTrendOption,
  latestYearWithData,
  rankingTable,
  topAgenciesVariables,
  trendPoints,
  trendTable,
} from './overview-charts.option';

const r = (year: number, metric: string, value: number | null, reportsCounted = 3): RollupValueResult => ({
  year,
  metric,
  value,
  numerator: value,
  denominator: null,
  reportsCounted,
  reportsDoubtful: 0,
  agenciesCovered: reportsCounted,
  agenciesExpected: reportsCounted,
  matchedAgencies: reportsCounted,
  matchedValue: value,
  matchedPreviousValue: null,
  coverageChanged: false,
  dataAsOf: null,
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
    expect(trendPoints(rollup).map((p) => [p.year, p.received, p.handled, p.disclosureRate, p.reports])).toEqual([
      [2020, 120, 110, 0.4567, 3],
      [2021, 150, null, 0.5, 3],
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

describe('overview trend: coverage and doubtful values', () => {
  // 2023: 21 of 3,000 agencies reported, one of the 21 reports contradicted (a printed 本年新收 its parts do not give);
  // 2024: 2,997 of 3,000, coverage changed, nothing doubtful.
  const covered = (year: number, metric: string, value: number, agencies: number, doubtful: number, changed: boolean): RollupValueResult => ({
    ...r(year, metric, value, agencies),
    agenciesExpected: 3000,
    reportsDoubtful: doubtful,
    coverageChanged: changed,
  });
  const rows = [
    covered(2023, 'applications.new', 140, 21, 1, false),
    covered(2023, 'applications.handled', 130, 21, 0, false),
    covered(2023, 'outcomes.disclosureRate', 0.5, 21, 1, false),
    covered(2024, 'applications.new', 31000, 2997, 0, true),
    covered(2024, 'applications.handled', 30000, 2997, 0, true),
    covered(2024, 'outcomes.disclosureRate', 0.6, 2997, 0, true),
  ];
  const words = {
    ...text,
    tooltip: {
      scope: (s: string) => `口径：${s}`,
      quality: (q: string) => `质量：${q}`,
      formatValue: (v: number | null, series: number) => (v === null ? '—' : series === 2 ? `${v}%` : `${v} 件`),
    },
    coverage: (c: number, e: number | null) => `覆盖 ${c}/${e} 个机关`,
    doubtful: (n: number) => `含 ${n} 份存疑报告`,
    coverageChanged: '覆盖范围与上年不同',
    coverageChangedMark: '*',
  };

  it('keeps each year’s coverage and how many doubtful reports each figure counts', () => {
    expect(trendPoints(rows).map((p) => [p.year, p.agenciesCovered, p.agenciesExpected, p.coverageChanged, p.doubtful])).toEqual([
      [2023, 21, 3000, false, { received: 1, handled: 0, disclosureRate: 1 }],
      [2024, 2997, 3000, true, { received: 0, handled: 0, disclosureRate: 0 }],
    ]);
  });

  it('hatches a figure with doubtful reports in it, marks the year whose coverage changed, and says both in the tooltip', () => {
    const option = buildTrendOption(trendPoints(rows), words as never);
    const series = option.series as { data: unknown[] }[];
    expect(series[0]!.data[0]).toMatchObject({ value: 140, itemStyle: { borderType: 'dashed' }, notes: ['含 1 份存疑报告'] });
    expect(series[1]!.data).toEqual([130, 30000]);
    expect(series[2]!.data[0]).toMatchObject({ value: 50, notes: ['含 1 份存疑报告'] });
    expect((option.xAxis as { data: { value: string }[] }).data.map((c) => c.value)).toEqual(['2023年', '2024年*']);
    const format = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const at2023 = format([
      { axisValueLabel: '2023年', seriesName: '新收', seriesIndex: 0, dataIndex: 0, value: 140, data: series[0]!.data[0] },
      { axisValueLabel: '2023年', seriesName: '公开率', seriesIndex: 2, dataIndex: 0, value: 50, data: series[2]!.data[0] },
    ]);
    expect(at2023.split('<br/>')).toEqual([
      '<b>2023年</b>',
      '新收：140 件',
      '<span style="opacity:.8">含 1 份存疑报告</span>',
      '公开率：50%',
      '<span style="opacity:.8">含 1 份存疑报告</span>',
      '覆盖 21/3000 个机关',
    ]);
    const at2024 = format([{ axisValueLabel: '2024年*', seriesName: '办结', seriesIndex: 1, dataIndex: 1, value: 30000, data: 30000 }]);
    expect(at2024.split('<br/>')).toEqual(['<b>2024年*</b>', '办结：30000 件', '覆盖 2997/3000 个机关', '覆盖范围与上年不同']);
  });
});

describe('ranking chart', () => {
  it('marks a value that is not verified on its bar, hatches a doubtful one, and names scope and quality in the tooltip', () => {
    const tooltip = {
      scope: (s: string) => `口径：${s === 'self' ? '本机关' : s}`,
      quality: (q: string) => `质量：${q === 'CONTRADICTED' ? '表内矛盾' : q === 'CORRECTED' ? '已人工更正' : '已核验'}`,
      formatValue: (v: number | null) => `${v} 件`,
    };
    const option = buildRankingOption(
      [
        { agencyId: 'a1', name: '淮安市洪泽区人民政府', value: 14, reportId: 'r1', quality: 'CONTRADICTED', scope: 'self' },
        { agencyId: 'a2', name: '平潭综合实验区', value: 9, reportId: 'r2', quality: 'CORRECTED', scope: 'self' },
        { agencyId: 'a3', name: '沭阳县发展和改革局', value: 2, reportId: 'r3', quality: 'VERIFIED', scope: 'self' },
      ],
      '件',
      tooltip as never,
    );
    const bars = option.series as { data: Record<string, unknown>[]; label: { formatter: (p: unknown) => string } }[];
    const data = bars[0]!.data;
    expect(data[0]).toMatchObject({ quality: 'CONTRADICTED', itemStyle: { borderType: 'dashed' } });
    expect(data[1]!['itemStyle']).toBeUndefined();
    expect(data.map((d) => bars[0]!.label.formatter({ value: d['value'], data: d }))).toEqual(['14 ⚠', '9 ✎', '2']);
    const format = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(format({ name: '淮安市洪泽区人民政府', seriesName: '件', value: 14, data: data[0] }).split('<br/>')).toEqual([
      '<b>淮安市洪泽区人民政府</b>',
      '件：14 件 ⚠',
      '<span style="opacity:.8">口径：本机关 · 质量：表内矛盾</span>',
    ]);
  });

  it("the ranking's data table gives each agency's scope and quality state in words", () => {
    const table = rankingTable(
      [
        { agencyId: 'a1', name: '淮安市洪泽区人民政府', value: 14, reportId: 'r1', quality: 'CONTRADICTED', scope: 'self' },
        { agencyId: 'a2', name: '平潭综合实验区', value: 9, reportId: 'r2', quality: 'VERIFIED', scope: 'self' },
        { agencyId: 'a3', name: '莆田市审计局', value: 1, reportId: 'r3' },
      ],
      ['机关', '本年新收', '排名', '口径', '数据质量'],
      {
        scope: (s) => ({ self: '本机关', region_aggregate: '地区汇总', system_aggregate: '系统汇总' })[s],
        quality: (q) => (q === 'CONTRADICTED' ? '表内矛盾' : '已核验'),
      },
    );
    expect(table).toEqual({
      columns: ['机关', '本年新收', '排名', '口径', '数据质量'],
      rows: [
        ['淮安市洪泽区人民政府', 14, 1, '本机关', '表内矛盾'],
        ['平潭综合实验区', 9, 2, '本机关', '已核验'],
        ['莆田市审计局', 1, 3, null, null],
      ],
    });
  });

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
