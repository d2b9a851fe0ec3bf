/**
 * The overview's charts, as pure functions of the data: the trend over all years (applications received and
 * handled as bars, the disclosure rate as a line on its own axis) and the agencies with the most applications.
 */
import type { ReportScope } from '@ogi/domain';
import { rateAxisMax, yearSpan } from '../../composables/chart-axes';
import type { ChartOption } from '../../composables/echarts';
import { PALETTE } from '../../composables/chart-palette';
import type { DataTable } from '../../export/data-table';
import type { AgencySelectionInput, RollupValueResult } from '../../graphql/analytics.types';
import type { RankingQueryVariables } from '../../graphql/ranking.query';
import type { MetricCode } from '@ogi/domain';

export const OVERVIEW_METRICS = [
  'applications.new',
  'applications.handled',
  'outcomes.disclosureRate',
  'timeliness.onTimeRate',
  'review.total',
  'review.correctionRate',
  'litigation.total',
  'litigation.correctionRate',
] as const satisfies readonly MetricCode[];

export interface TrendPoint {
  year: number;
  received: number | null;
  handled: number | null;
  /** 0–1 */
  disclosureRate: number | null;
  reports: number;
}

/**
 * One point per year from the first year with a report to the last, oldest first. A year in between without
 * any report stays on the axis as a gap, so the trend does not silently skip it.
 */
export function trendPoints(rollup: readonly RollupValueResult[]): TrendPoint[] {
  const byYear = new Map<number, TrendPoint>();
  for (const r of rollup) {
    const p = byYear.get(r.year) ?? { year: r.year, received: null, handled: null, disclosureRate: null, reports: 0 };
    if (r.metric === 'applications.new') p.received = r.value;
    else if (r.metric === 'applications.handled') p.handled = r.value;
    else if (r.metric === 'outcomes.disclosureRate') p.disclosureRate = r.value;
    p.reports = Math.max(p.reports, r.reportsCounted);
    byYear.set(r.year, p);
  }
  const points = yearSpan(byYear.keys()).map((year) => byYear.get(year) ?? { year, received: null, handled: null, disclosureRate: null, reports: 0 });
  const first = points.findIndex((p) => p.reports > 0);
  if (first < 0) return [];
  const last = points.length - 1 - [...points].reverse().findIndex((p) => p.reports > 0);
  return points.slice(first, last + 1);
}

/** The newest year with any report, the overview's default. */
export function latestYearWithData(rollup: readonly RollupValueResult[]): number | null {
  const points = trendPoints(rollup);
  return points.length ? points[points.length - 1]!.year : null;
}

/** How many reports the roll-up counted in all, for the overview's footnote. */
export const reportsCounted = (points: readonly TrendPoint[]) => points.reduce((s, p) => s + p.reports, 0);

export interface TrendText {
  received: string;
  handled: string;
  disclosureRate: string;
  countAxis: string;
  yearLabel: (year: number) => string;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function buildTrendOption(points: readonly TrendPoint[], text: TrendText, selectedYear: number | null = null): ChartOption {
  return {
    aria: { enabled: true },
    color: [PALETTE[0]!, '#7fa7cf', PALETTE[1]!],
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [text.received, text.handled, text.disclosureRate] },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: points.map((p) => ({
        value: text.yearLabel(p.year),
        textStyle: p.year === selectedYear ? { fontWeight: 'bold' as const } : {},
      })),
    },
    yAxis: [
      { type: 'value', name: text.countAxis, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: rateAxisMax, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: text.received, data: points.map((p) => p.received), barMaxWidth: 36 },
      { type: 'bar', name: text.handled, data: points.map((p) => p.handled), barMaxWidth: 36 },
      {
        type: 'line',
        name: text.disclosureRate,
        yAxisIndex: 1,
        data: points.map((p) => pct(p.disclosureRate)),
        tooltip: { valueFormatter: (v) => (v == null || v === '-' ? '—' : `${String(v)}%`) },
        connectNulls: false,
        symbolSize: 8,
      },
    ],
  };
}

export function trendTable(points: readonly TrendPoint[], columns: [string, string, string, string, string]): DataTable {
  return { columns: [...columns], rows: points.map((p) => [p.year, p.received, p.handled, pct(p.disclosureRate), p.reports]) };
}

/** How many agencies the overview's ranking shows. */
export const TOP_AGENCIES = 10;

/** Which reports a ranking compares: agencies' own reports, or region-/system-wide aggregates — never both at once. */
export type RankedReports = 'self' | 'aggregates';

/**
 * The question behind "the agencies with the most applications": every agency's own (`self`) report for the year.
 * A government's region-wide aggregate (全市 totals) counts its departments' applications again and would top any
 * list of single agencies, so the two kinds are never ranked together. In a year with no agency's own report the
 * overview ranks the aggregates among themselves (region against region) instead of showing nothing, and its
 * caption says which kind it ranks. Counts need no minimum sample.
 */
export function topAgenciesVariables(year: number, selection: AgencySelectionInput | null, reports: RankedReports = 'self'): RankingQueryVariables {
  // One scope per ranking (the API refuses to mix them): region aggregates are compared region against region.
  const scopes: ReportScope[] = reports === 'self' ? ['self'] : ['region_aggregate'];
  return { metric: 'applications.new', year, selection, scopes, minSample: 0, order: 'DESC', take: TOP_AGENCIES };
}

export interface RankedAgency {
  agencyId: string;
  name: string;
  value: number | null;
  reportId: string | null;
}

/** Horizontal bars, largest on top; each bar carries its agency id for the drill-down. */
export function buildRankingOption(items: readonly RankedAgency[], unit: string): ChartOption {
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null || v === '-' ? '—' : `${String(v)} ${unit}`) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.name),
      axisLabel: { width: 180, overflow: 'truncate' },
      axisTick: { show: false },
    },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: unit,
        barMaxWidth: 22,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right' },
        data: items.map((i) => ({ value: i.value ?? '-', name: i.name, agencyId: i.agencyId })),
        cursor: 'pointer',
      },
    ],
  };
}
