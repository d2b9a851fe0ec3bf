/**
 * 部门画像 as pure functions: an agency's metric over the years against the median of its peers, and where
 * it stands among them in a year (rank by the dictionary's better direction).
 */
import { DOUBTFUL_ITEM_STYLE, describedTooltip, isDoubtful, type TooltipText } from '../../metrics/metric-quality';
import { METRIC_BY_CODE } from '@ogi/domain';
import { PALETTE } from '../../composables/chart-palette';
import type { ChartOption } from '../../composables/echarts';
import type { DataTable } from '../../export/data-table';
import { type AgencyRef } from '../../graphql/api';
import { chartValue } from '../../metrics/metric-format';
import { valueAt, type ValueIndex } from '../../metrics/value-index';

export const PROFILE_METRICS = [
  'applications.new',
  'applications.handled',
  'outcomes.disclosureRate',
  'outcomes.substantiveDisclosureRate',
  'outcomes.notHeldShare',
  'applications.carryForwardRate',
  'review.correctionRate',
  'litigation.correctionRate',
  'disputes.per100',
];

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface PeerStanding {
  value: number | null;
  median: number | null;
  /** 1 = best among peers with a value (by the metric's better direction; highest first when it has none). */
  rank: number | null;
  /** Whether the rank says better or worse (the dictionary knows the metric's better direction), or only more or less. */
  byBetter: boolean;
  /** Peers with a value, the agency included. */
  count: number;
}

/**
 * The peers' values a comparison may use: of the same scope as the agency's own report (a region aggregate is not
 * a peer of a department's own figures) and not known to be wrong (contradicted or uncertain values are left out).
 */
export function peerValues(index: ValueIndex, peers: readonly AgencyRef[], year: number, metric: string, scope: string): number[] {
  return peers
    .map((p) => valueAt(index, p.id, year, metric))
    .filter((v) => v !== null && v.value !== null && (v.scope ?? 'self') === scope && !isDoubtful(v.quality))
    .map((v) => v!.value!);
}

export function peerStanding(index: ValueIndex, peers: readonly AgencyRef[], agencyId: string, year: number, metric: string): PeerStanding {
  const mine = valueAt(index, agencyId, year, metric);
  const own = mine?.value ?? null;
  const values = peerValues(index, peers, year, metric, mine?.scope ?? 'self');
  const direction = METRIC_BY_CODE.get(metric)?.higherIsBetter;
  const lowerIsBetter = direction === false;
  const rank = own === null ? null : 1 + values.filter((v) => (lowerIsBetter ? v < own : v > own)).length;
  return { value: own, median: median(values), rank, count: values.length, byBetter: direction !== undefined };
}

export interface ProfileText {
  agency: string;
  peers: string;
  yearLabel: (y: number) => string;
  unit: string;
  /** The tooltip: values as the page shows them (the chart carries ratios in percent), scope and quality in words. */
  tooltip?: TooltipText;
}

/** The agency's line (points carry their report id to open) and the peer median as a dashed line. */
export function buildProfileTrendOption(
  years: readonly number[],
  metric: string,
  own: ValueIndex,
  agencyId: string,
  peers: ValueIndex,
  peerList: readonly AgencyRef[],
  text: ProfileText,
): ChartOption {
  return {
    aria: { enabled: true },
    color: [PALETTE[0]!, '#9aa5b1'],
    legend: { top: 0 },
    tooltip: { trigger: 'axis', ...(text.tooltip ? { formatter: describedTooltip(text.tooltip) } : {}) },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(text.yearLabel), boundaryGap: false },
    yAxis: { type: 'value', name: text.unit },
    series: [
      {
        type: 'line',
        name: text.agency,
        symbolSize: 9,
        data: years.map((y) => {
          const v = valueAt(own, agencyId, y, metric);
          const point = { value: chartValue(metric, v?.value) ?? '-', reportId: v?.reportId ?? null, quality: v?.quality ?? null, scope: v?.scope ?? null };
          // A value the product knows may be wrong is drawn apart, as everywhere.
          return isDoubtful(v?.quality) ? { ...point, itemStyle: DOUBTFUL_ITEM_STYLE } : point;
        }),
      },
      {
        type: 'line',
        name: text.peers,
        symbolSize: 5,
        lineStyle: { type: 'dashed' },
        data: years.map((y) => chartValue(metric, median(peerValues(peers, peerList, y, metric, valueAt(own, agencyId, y, metric)?.scope ?? 'self'))) ?? '-'),
      },
    ],
  };
}

export function profileTrendTable(option: ChartOption, yearColumn: string): DataTable {
  const years = (option.xAxis as { data: string[] }).data;
  const series = option.series as { name: string; data: (number | string | { value: number | string })[] }[];
  const num = (d: number | string | { value: number | string } | undefined) => {
    const v = typeof d === 'object' && d !== null ? d.value : d;
    return typeof v === 'number' ? v : null;
  };
  return { columns: [yearColumn, ...series.map((s) => s.name)], rows: years.map((y, i) => [y, ...series.map((s) => num(s.data[i]))]) };
}
