import { describe, expect, it } from 'vitest';
import type { BreakdownRowResult } from '../../graphql/analytics.types';
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
    expect(series[0]!.data).toEqual([60, 80]);
    expect(series[2]!.data).toEqual([30, '-']); // unknown is a gap, not 0
    expect(series[0]!.itemStyle.color).toBe('#2f7d4f'); // the report page's green for 予以公开

    const shares = (buildStackedByYearOption(outcomes, text, true).series as { data: unknown[] }[]).map((s) => s.data[0]);
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
        children: [
          { name: '属于国家秘密', value: 5 },
          { name: '属于四类过程性信息', value: 15 },
        ],
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
