/**
 * The overview's charts, as pure functions of the data: the trend over all years (applications received and
 * handled as bars, the disclosure rate as a line on its own axis) and the agencies with the most applications.
 */
import type { MetricQuality, ReportScope } from '@ogi/domain';
import { rateAxisMax, yearSpan } from '../../composables/chart-axes';
import type { ChartOption } from '../../composables/echarts';
import { PALETTE } from '../../composables/chart-palette';
import type { DataTable } from '../../export/data-table';
import { type AgencySelection, type RankingQueryVariables, type RollupValueResult } from '../../graphql/api';
import type { MetricCode } from '@ogi/domain';
import { DOUBTFUL_ITEM_STYLE, describedTooltip, isDoubtful, qualityMark, styleDoubtful, type TooltipText } from '../../metrics/metric-quality';

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
  /** Agencies the year's applications cover, of those expected (null when the API did not say). */
  agenciesCovered: number;
  agenciesExpected: number | null;
  /** The agencies covered differ from the year before: the change between the two years is partly coverage. */
  coverageChanged: boolean;
  /** Reports counted in each figure whose value is contradicted or uncertain. */
  doubtful: { received: number; handled: number; disclosureRate: number };
}

const emptyPoint = (year: number): TrendPoint => ({
  year,
  received: null,
  handled: null,
  disclosureRate: null,
  reports: 0,
  agenciesCovered: 0,
  agenciesExpected: null,
  coverageChanged: false,
  doubtful: { received: 0, handled: 0, disclosureRate: 0 },
});

/**
 * One point per year from the first year with a report to the last, oldest first. A year in between without
 * any report stays on the axis as a gap, so the trend does not silently skip it.
 */
export function trendPoints(rollup: readonly RollupValueResult[]): TrendPoint[] {
  const byYear = new Map<number, TrendPoint>();
  for (const r of rollup) {
    const p = byYear.get(r.year) ?? emptyPoint(r.year);
    const doubtful = r.reportsDoubtful ?? 0;
    if (r.metric === 'applications.new') {
      p.received = r.value;
      p.doubtful.received = doubtful;
      // The headline count's coverage stands for the year's.
      p.agenciesCovered = r.agenciesCovered;
      p.agenciesExpected = r.agenciesExpected ?? null;
      p.coverageChanged = r.coverageChanged ?? false;
    } else if (r.metric === 'applications.handled') {
      p.handled = r.value;
      p.doubtful.handled = doubtful;
    } else if (r.metric === 'outcomes.disclosureRate') {
      p.disclosureRate = r.value;
      p.doubtful.disclosureRate = doubtful;
    }
    p.reports = Math.max(p.reports, r.reportsCounted);
    byYear.set(r.year, p);
  }
  const points = yearSpan(byYear.keys()).map((year) => byYear.get(year) ?? emptyPoint(year));
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
  /** Scope and quality in words, and values as shown (series 0–1 counts, 2 the rate in percent). */
  tooltip?: TooltipText;
  /** e.g. 覆盖 21/3,000 个机关 */
  coverage?: (covered: number, expected: number | null) => string;
  /** e.g. 含 1 份存疑报告（表内矛盾或读数存疑） */
  doubtful?: (reports: number) => string;
  /** e.g. 覆盖范围与上年不同 */
  coverageChanged?: string;
  /** What the axis label of a year whose coverage changed carries, e.g. * */
  coverageChangedMark?: string;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** A trend value: a plain number, or, when doubtful reports are in it, a hatched item that says how many. */
function trendItem(value: number | null, doubtfulReports: number, text: TrendText) {
  if (!doubtfulReports || value === null) return value;
  return { value, itemStyle: DOUBTFUL_ITEM_STYLE, notes: text.doubtful ? [text.doubtful(doubtfulReports)] : [] };
}

/** The lines under a year in the trend's tooltip: its coverage, and whether it changed since the year before. */
export function trendYearNotes(point: TrendPoint | undefined, text: TrendText): string[] {
  if (!point) return [];
  return [text.coverage?.(point.agenciesCovered, point.agenciesExpected) ?? null, point.coverageChanged ? (text.coverageChanged ?? null) : null].filter(
    (s): s is string => !!s,
  );
}

export function buildTrendOption(points: readonly TrendPoint[], text: TrendText, selectedYear: number | null = null): ChartOption {
  const mark = text.coverageChangedMark ?? '';
  return {
    aria: { enabled: true },
    color: [PALETTE[0]!, '#7fa7cf', PALETTE[1]!],
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [text.received, text.handled, text.disclosureRate] },
    tooltip: text.tooltip ? { trigger: 'axis', formatter: describedTooltip(text.tooltip, (i) => trendYearNotes(points[i], text)) } : { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: points.map((p) => ({
        // A year whose agencies differ from the year before carries a mark: its change is partly coverage.
        value: p.coverageChanged && mark ? `${text.yearLabel(p.year)}${mark}` : text.yearLabel(p.year),
        textStyle: p.year === selectedYear ? { fontWeight: 'bold' as const } : {},
      })),
    },
    yAxis: [
      { type: 'value', name: text.countAxis, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: rateAxisMax, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: text.received, data: points.map((p) => trendItem(p.received, p.doubtful.received, text)), barMaxWidth: 36 },
      { type: 'bar', name: text.handled, data: points.map((p) => trendItem(p.handled, p.doubtful.handled, text)), barMaxWidth: 36 },
      {
        type: 'line',
        name: text.disclosureRate,
        yAxisIndex: 1,
        data: points.map((p) => trendItem(pct(p.disclosureRate), p.doubtful.disclosureRate, text)),
        ...(text.tooltip ? {} : { tooltip: { valueFormatter: (v: unknown) => (v == null || v === '-' ? '—' : `${String(v)}%`) } }),
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
export function topAgenciesVariables(year: number, selection: AgencySelection | null, reports: RankedReports = 'self'): RankingQueryVariables {
  // One scope per ranking (the API refuses to mix them): region aggregates are compared region against region.
  const scopes: ReportScope[] = reports === 'self' ? ['self'] : ['region_aggregate'];
  return { metric: 'applications.new', year, selection, scopes, minSample: 0, order: 'DESC', take: TOP_AGENCIES };
}

export interface RankedAgency {
  agencyId: string;
  name: string;
  value: number | null;
  reportId: string | null;
  /** What the value rests on; scope is the ranking's one scope. */
  quality?: MetricQuality;
  scope?: ReportScope;
}

/**
 * The table behind the ranking chart (read by screen readers, exported): per agency its value, rank, the scope of
 * the report ranked and the value's quality state in words. A value without a known state says so (—).
 */
export function rankingTable(
  items: readonly RankedAgency[],
  columns: [agency: string, value: string, rank: string, scope: string, quality: string],
  words: { scope: (scope: ReportScope) => string; quality: (quality: MetricQuality) => string },
): DataTable {
  return {
    columns: [...columns],
    rows: items.map((i, n) => [i.name, i.value, n + 1, i.scope ? words.scope(i.scope) : null, i.quality ? words.quality(i.quality) : null]),
  };
}

/** A ranked bar: its agency for the drill-down, its quality and scope for the tooltip, hatched when doubtful. */
function rankingItem(i: RankedAgency) {
  const item = {
    value: i.value ?? '-',
    name: i.name,
    agencyId: i.agencyId,
    ...(i.quality ? { quality: i.quality } : {}),
    ...(i.scope ? { scope: i.scope } : {}),
  };
  return styleDoubtful(item, isDoubtful(i.quality));
}

/** The bar's label: the value, and the quality mark of a value that is not verified. */
function rankingLabel(p: { value?: unknown; data?: unknown }): string {
  const quality = (p.data as { quality?: MetricQuality } | null)?.quality;
  const mark = qualityMark(quality);
  return `${String(p.value ?? '')}${mark ? ` ${mark.symbol}` : ''}`;
}

/**
 * Horizontal bars, largest on top; each bar carries its agency id for the drill-down. With `tooltip`, the tooltip
 * names the value's scope and quality state in words, and a value not verified carries its mark on the bar.
 */
export function buildRankingOption(items: readonly RankedAgency[], unit: string, tooltip?: TooltipText): ChartOption {
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: tooltip
      ? { trigger: 'item', formatter: describedTooltip(tooltip) }
      : { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null || v === '-' ? '—' : `${String(v)} ${unit}`) },
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
        label: { show: true, position: 'right', formatter: rankingLabel },
        data: items.map(rankingItem),
        cursor: 'pointer',
      },
    ],
  };
}
