import { describe, expect, it } from 'vitest';
import { type AgencyRef, type MetricValueResult } from '../../graphql/api';
import { indexValues } from '../../metrics/value-index';
import { buildProfileTrendOption, median, peerStanding, profileTrendTable } from './agency.model';

const agency = (id: string): AgencyRef => ({ id, name: id });
const v = (agencyId: string, year: number, metric: string, value: number | null): MetricValueResult => ({
  agencyId,
  year,
  metric,
  value,
  numerator: null,
  denominator: null,
  reportId: `r-${agencyId}-${year}`,
  quality: 'VERIFIED',
  scope: 'self',
  printedValue: value,
  partsValue: value,
  evidence: [],
});
const peers = ['a', 'b', 'c', 'd'].map(agency);
const index = indexValues([
  v('a', 2023, 'outcomes.disclosureRate', 0.4),
  v('b', 2023, 'outcomes.disclosureRate', 0.6),
  v('c', 2023, 'outcomes.disclosureRate', 0.8),
  v('d', 2023, 'outcomes.disclosureRate', null),
  v('a', 2023, 'review.correctionRate', 0.1),
  v('b', 2023, 'review.correctionRate', 0.3),
  v('a', 2022, 'outcomes.disclosureRate', 0.5),
  v('b', 2022, 'outcomes.disclosureRate', 0.7),
]);

describe('agency against its peers', () => {
  it('takes the median of known values only', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('ranks by the better direction: highest disclosure rate first, lowest correction rate first', () => {
    expect(peerStanding(index, peers, 'b', 2023, 'outcomes.disclosureRate')).toEqual({ value: 0.6, median: 0.6, rank: 2, count: 3, byBetter: true });
    expect(peerStanding(index, peers, 'a', 2023, 'review.correctionRate')).toMatchObject({ rank: 1, count: 2 });
    expect(peerStanding(index, peers, 'd', 2023, 'outcomes.disclosureRate')).toMatchObject({ value: null, rank: null });
  });

  it('ranks a metric with no better direction by size only, and says so', () => {
    const counts = indexValues([v('a', 2023, 'applications.new', 40), v('b', 2023, 'applications.new', 90), v('c', 2023, 'applications.new', 10)]);
    expect(peerStanding(counts, peers, 'a', 2023, 'applications.new')).toEqual({ value: 40, median: 40, rank: 2, count: 3, byBetter: false });
  });

  it('compares only with peers of the same scope whose values are not known to be wrong', () => {
    const mixed = indexValues([
      { ...v('a', 2023, 'outcomes.disclosureRate', 0.4), scope: 'self', quality: 'VERIFIED' },
      { ...v('b', 2023, 'outcomes.disclosureRate', 0.6), scope: 'self', quality: 'VERIFIED' },
      // A region aggregate and a contradicted value: neither is a peer figure.
      { ...v('c', 2023, 'outcomes.disclosureRate', 0.9), scope: 'region_aggregate', quality: 'VERIFIED' },
      { ...v('d', 2023, 'outcomes.disclosureRate', 1), scope: 'self', quality: 'CONTRADICTED' },
    ]);
    // Among a (0.4) and b (0.6): b ranks 1 of 2, median 0.5.
    expect(peerStanding(mixed, peers, 'b', 2023, 'outcomes.disclosureRate')).toEqual({ value: 0.6, median: 0.5, rank: 1, count: 2, byBetter: true });
  });

  it('draws the agency (points open their report) against the dashed peer median', () => {
    const option = buildProfileTrendOption([2022, 2023], 'outcomes.disclosureRate', index, 'a', index, peers, {
      agency: '本机关',
      peers: '同类中位数',
      yearLabel: String,
      unit: '%',
    });
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series[0]!.data).toEqual([
      { value: 50, reportId: 'r-a-2022', quality: 'VERIFIED', scope: 'self' },
      { value: 40, reportId: 'r-a-2023', quality: 'VERIFIED', scope: 'self' },
    ]);
    expect(series[1]!.data).toEqual([60, 60]);
    expect(profileTrendTable(option, '年度').rows).toEqual([
      ['2022', 50, 60],
      ['2023', 40, 60],
    ]);
  });
});

describe('profile trend: quality', () => {
  it("hatches the agency's contradicted year and names its scope and quality state in the tooltip", () => {
    // 洪泽 2023 prints its review 总计 as 0 against 11 from its parts; 2024 stands.
    const own = indexValues([
      { ...v('hz', 2023, 'review.total', 0), quality: 'CONTRADICTED', scope: 'self' },
      { ...v('hz', 2024, 'review.total', 3), quality: 'VERIFIED', scope: 'self' },
    ]);
    const option = buildProfileTrendOption([2023, 2024], 'review.total', own, 'hz', own, [agency('hz')], {
      agency: '本机关',
      peers: '同类中位数',
      yearLabel: String,
      unit: '件',
      tooltip: {
        scope: (s) => `口径：${s === 'self' ? '本机关' : s}`,
        quality: (q) => `数据质量：${q === 'CONTRADICTED' ? '表内矛盾' : '已核验'}`,
        formatValue: (x) => `${x} 件`,
      },
    });
    const points = (option.series as { data: Record<string, unknown>[] }[])[0]!.data;
    expect(points[0]).toMatchObject({ value: 0, quality: 'CONTRADICTED', itemStyle: { borderType: 'dashed' } });
    expect(points[1]!['itemStyle']).toBeUndefined();
    const format = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(format([{ axisValueLabel: '2023', seriesName: '本机关', value: 0, data: points[0] }]).split('<br/>')).toEqual([
      '<b>2023</b>',
      '本机关：0 件 ⚠',
      '<span style="opacity:.8">口径：本机关 · 数据质量：表内矛盾</span>',
    ]);
  });
});
