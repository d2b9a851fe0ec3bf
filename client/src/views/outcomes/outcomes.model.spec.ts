import { describe, expect, it } from 'vitest';
import { type BreakdownRowResult } from '../../graphql/api';
import {
  agencyStackTable,
  buildAgencyStackOption,
  buildSankeyOption,
  buildStackedByYearOption,
  buildTreemapOption,
  flowGraph,
  outcomeGroupOf,
  stackedTable,
  type FlowInput,
} from './outcomes.model';

const row = (year: number, key: string, labelZh: string, value: number | null, agencyId: string | null = null): BreakdownRowResult => ({
  agencyId,
  year,
  key,
  labelZh,
  labelEn: key,
  value,
  share: null,
  scopes: ['self'],
  quality: agencyId === null ? null : 'VERIFIED',
  reportsCounted: value === null ? 0 : 1,
  reportsBlank: value === null ? 1 : 0,
  agenciesCovered: value === null ? 0 : 1,
  agenciesExpected: 1,
  reportsContradicted: 0,
  reportsUncertain: 0,
  reportsUnverifiable: 0,
  reportsCorrected: 0,
});
const text = { handled: '办结', label: (r: { labelZh: string }) => r.labelZh, yearLabel: (y: number) => `${y}年`, unit: '件' };

const outcomes = [
  row(2022, 'granted', '予以公开', 60),
  row(2022, 'withheld', '不予公开', 10),
  row(2022, 'unableToProvide', '无法提供', 30),
  row(2023, 'granted', '予以公开', 80),
  row(2023, 'withheld', '不予公开', 20),
  row(2023, 'unableToProvide', '无法提供', null),
];
const input: FlowInput = {
  outcomes,
  reasons: {
    withheld: [row(2023, 'withheld.stateSecret', '属于国家秘密', 5), row(2023, 'withheld.processInformation', '属于四类过程性信息', 15)],
    unableToProvide: [row(2023, 'unableToProvide.notHeld', '本机关不掌握相关政府信息', 0)],
    notProcessed: [],
    otherHandling: [row(2023, 'otherHandling.other', '其他', 3)],
  },
};

describe('outcomes by year', () => {
  it('stacks the outcome groups per year in counts, or in shares adding up to 100%', () => {
    const counts = buildStackedByYearOption(outcomes, text, false);
    const series = counts.series as { name: string; stack: string; data: unknown[]; itemStyle: { color: string } }[];
    expect(series.map((s) => s.name)).toEqual(['予以公开', '不予公开', '无法提供']);
    expect(series.every((s) => s.stack === 'total')).toBe(true);
    const values = (data: unknown[]) => data.map((d) => (d !== null && typeof d === 'object' ? (d as { value: unknown }).value : d));
    expect(values(series[0]!.data)).toEqual([60, 80]);
    expect(values(series[2]!.data)).toEqual([30, '-']); // unknown is a gap, not 0
    expect(series[0]!.itemStyle.color).toBe('#2f7d4f'); // the report page's green for 予以公开

    const shares = (buildStackedByYearOption(outcomes, text, true).series as { data: unknown[] }[]).map((s) => values([s.data[0]])[0]);
    expect(shares).toEqual([60, 10, 30]);
  });

  it('exports one row per year', () => {
    expect(stackedTable(outcomes, text, '年度')).toEqual({
      columns: ['年度', '予以公开', '不予公开', '无法提供'],
      rows: [
        [2022, 60, 10, 30],
        [2023, 80, 20, null],
      ],
    });
  });

  it('recognises outcome groups however the key is qualified', () => {
    expect(outcomeGroupOf('withheld')).toBe('withheld');
    expect(outcomeGroupOf('outcomes.partiallyGranted')).toBe('partiallyGranted');
    expect(outcomeGroupOf('withheld.stateSecret')).toBeNull();
  });
});

describe('flow from applications to outcomes to reasons', () => {
  it('links handled → outcome → reason with the counts, leaving out empty and unknown flows', () => {
    const { nodes, links } = flowGraph(input, 2023, text);
    expect(links).toEqual([
      { source: 'handled', target: 'outcome:granted', value: 80 },
      { source: 'handled', target: 'outcome:withheld', value: 20 },
      { source: 'outcome:withheld', target: 'reason:withheld:withheld.stateSecret', value: 5 },
      { source: 'outcome:withheld', target: 'reason:withheld:withheld.processInformation', value: 15 },
    ]);
    expect(nodes.map((n) => n.label)).toEqual(['办结', '予以公开', '不予公开', '属于国家秘密', '属于四类过程性信息']);
  });

  it('draws a sankey whose nodes show labels while ids keep them apart', () => {
    const option = buildSankeyOption(input, 2023, text);
    const series = (option.series as { type: string; data: { name: string }[]; links: unknown[]; label: { formatter: (p: unknown) => string } }[])[0]!;
    expect(series.type).toBe('sankey');
    expect(series.data.map((d) => d.name)).toContain('reason:withheld:withheld.stateSecret');
    expect(series.label.formatter({ name: 'reason:withheld:withheld.stateSecret' })).toBe('属于国家秘密');
  });

  it('nests the reasons under their outcome in the treemap, skipping groups without any', () => {
    const data = (buildTreemapOption(input, 2023, text).series as { data: { name: string; children: { name: string; value: number }[] }[] }[])[0]!.data;
    expect(data).toEqual([
      expect.objectContaining({
        name: '不予公开',
        children: [expect.objectContaining({ name: '属于国家秘密', value: 5 }), expect.objectContaining({ name: '属于四类过程性信息', value: 15 })],
      }),
    ]);
  });
});

describe('outcomes per agency', () => {
  const rows = [
    row(2023, 'granted', '予以公开', 5, 'a'),
    row(2023, 'withheld', '不予公开', 5, 'a'),
    row(2023, 'granted', '予以公开', 30, 'b'),
    row(2023, 'withheld', '不予公开', null, 'b'),
  ];
  const agencies = [
    { agencyId: 'a', name: '甲局' },
    { agencyId: 'b', name: '乙局' },
    { agencyId: 'c', name: '丙局' },
  ];

  it('orders agencies by their total, biggest first, with ids for drilling; shares per agency', () => {
    const option = buildAgencyStackOption(rows, agencies, 2023, text, true);
    expect((option.xAxis as { data: string[] }).data).toEqual(['乙局', '甲局']);
    const granted = (option.series as { data: { value: unknown; agencyId: string }[] }[])[0]!.data;
    expect(granted).toEqual([
      { value: 100, agencyId: 'b', name: '乙局' },
      { value: 50, agencyId: 'a', name: '甲局' },
    ]);
  });

  it('exports one row per agency that reported', () => {
    expect(agencyStackTable(rows, agencies, 2023, text, '机关').rows).toEqual([
      ['甲局', 5, 5],
      ['乙局', 30, null],
    ]);
  });
});

describe('what each figure rests on, in its tooltip', () => {
  const words = {
    scopes: (scopes: readonly string[]) => `口径：${scopes.join('、')}`,
    coverage: (reports: number, covered: number, expected: number) => `依据 ${reports} 份报告，覆盖 ${covered}/${expected} 个机关`,
    qualityCount: (quality: string, count: number) => `${quality} ${count} 份`,
    blank: (count: number) => `${count} 份报告此项空白，未计入`,
  };
  const described = {
    ...text,
    basis: words,
    tooltip: { scope: (s: string) => `口径：${s}`, quality: (q: string) => `数据质量：${q}`, formatValue: (v: number | null) => `${v ?? '—'} 件` },
  };
  // 2023 combined over three agencies: 予以公开 from 3 reports (one contradicted), 不予公开 from 2 (one printed it blank).
  const combined = (key: string, labelZh: string, value: number, basis: Partial<BreakdownRowResult>): BreakdownRowResult => ({
    ...row(2023, key, labelZh, value),
    scopes: ['region_aggregate', 'self'],
    agenciesExpected: 3,
    ...basis,
  });
  const rows = [
    combined('granted', '予以公开', 91, { reportsCounted: 3, agenciesCovered: 3, reportsContradicted: 1 }),
    combined('withheld', '不予公开', 4, { reportsCounted: 2, agenciesCovered: 2, reportsBlank: 1 }),
  ];
  type Option = { tooltip: { formatter: (p: unknown) => string }; series: { name: string; data: Record<string, unknown>[] }[] };

  it('stacked bars: value, scope, reports of agencies expected, contradicted count, blanks left out; a bar with a contradicted report is hatched', () => {
    const option = buildStackedByYearOption(rows, described, false) as unknown as Option;
    const params = option.series.map((s, i) => ({ seriesName: s.name, seriesIndex: i, axisValueLabel: '2023年', value: s.data[0]!['value'], data: s.data[0] }));
    const html = option.tooltip.formatter(params);
    expect(html).toContain('予以公开：91 件');
    expect(html).toContain('口径：region_aggregate、self · 依据 3 份报告，覆盖 3/3 个机关 · CONTRADICTED 1 份');
    expect(html).toContain('不予公开：4 件');
    expect(html).toContain('依据 2 份报告，覆盖 2/3 个机关 · 1 份报告此项空白，未计入');
    expect(option.series[0]!.data[0]!['itemStyle']).toMatchObject({ borderType: 'dashed' });
    expect(option.series[1]!.data[0]!['itemStyle']).toBeUndefined();
  });

  it('sankey and treemap: a flow states the basis of the part it flows into', () => {
    const flows: FlowInput = {
      outcomes: rows,
      reasons: {
        withheld: [combined('withheld.stateSecret', '属于国家秘密', 4, { reportsCounted: 2, agenciesCovered: 2, reportsUncertain: 1 })],
        unableToProvide: [],
        notProcessed: [],
        otherHandling: [],
      },
    };
    const sankey = buildSankeyOption(flows, 2023, described) as unknown as Option;
    const edge = sankey.tooltip.formatter({ dataType: 'edge', data: { source: 'outcome:withheld', target: 'reason:withheld:withheld.stateSecret', value: 4 } });
    expect(edge).toContain('不予公开 → 属于国家秘密: 4 件');
    expect(edge).toContain('依据 2 份报告，覆盖 2/3 个机关');
    expect(edge).toContain('UNCERTAIN 1 份');
    const node = sankey.tooltip.formatter({ dataType: 'node', data: { name: 'outcome:granted' }, value: 91 });
    expect(node).toContain('CONTRADICTED 1 份');

    const treemap = buildTreemapOption(flows, 2023, described) as unknown as Option;
    const leaf = (treemap.series[0]!.data[0]!['children'] as Record<string, unknown>[])[0]!;
    expect(treemap.tooltip.formatter({ name: leaf['name'], value: leaf['value'], data: leaf })).toContain(
      '属于国家秘密: 4 件<br/><span style="opacity:.8">口径：region_aggregate、self',
    );
  });

  it("per agency: an agency's contradicted part is hatched like the ranking's doubtful bar and its tooltip names the state", () => {
    const perAgency = [
      { ...row(2023, 'granted', '予以公开', 10, 'a'), quality: 'CONTRADICTED' as const, reportsContradicted: 1 },
      row(2023, 'withheld', '不予公开', 2, 'a'),
    ];
    const option = buildAgencyStackOption(perAgency, [{ agencyId: 'a', name: '甲局' }], 2023, described, false) as unknown as Option;
    const bar = option.series[0]!.data[0]!;
    expect(bar['itemStyle']).toMatchObject({ borderType: 'dashed' });
    expect(option.series[1]!.data[0]!['itemStyle']).toBeUndefined();
    const html = option.tooltip.formatter([{ seriesName: '予以公开', seriesIndex: 0, axisValueLabel: '甲局', value: 10, data: bar }]);
    expect(html).toContain('予以公开：10 件 ⚠');
    expect(html).toContain('数据质量：CONTRADICTED · 口径：self · 依据 1 份报告，覆盖 1/1 个机关');
    // An agency's row states its own quality, not a count by state.
    expect(html).not.toContain('CONTRADICTED 1 份');
  });
});
