/**
 * The compare page's data, shaped for its table and charts: pure functions of the `compare` answer.
 * Ratios are charted in percent; a value the API could not compute (blank cell, zero base) stays null.
 */
import { PALETTE } from '../../composables/chart-palette';
import type { ChartOption } from '../../composables/echarts';
import type { GridCell, GridColumn, GridRow } from '../../components/data-grid';
import type { DataTable } from '../../export/data-table';
import { EMPTY_SELECTION, isAllAgencies, type AgencySelectionFilter } from '../../filters/dashboard-filters';
import type { AgencyRef, MetricValueResult } from '../../graphql/analytics.types';
import { METRIC_BY_CODE, type MetricQuality } from '@ogi/domain';
import { chartValue } from '../../metrics/metric-format';
import { DOUBTFUL_ITEM_STYLE, describedTooltip, isDoubtful, qualityMark, type TooltipText } from '../../metrics/metric-quality';

/**
 * Values by agency, then metric, then year. Nested maps rather than one map of joined keys: a page of 3,000
 * agencies looks values up tens of thousands of times, and building a key string for each is what costs.
 */
export type ValueIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<number, MetricValueResult>>>;

export function indexValues(values: readonly MetricValueResult[]): ValueIndex {
  const index = new Map<string, Map<string, Map<number, MetricValueResult>>>();
  for (const v of values) {
    let byMetric = index.get(v.agencyId);
    if (!byMetric) index.set(v.agencyId, (byMetric = new Map()));
    let byYear = byMetric.get(v.metric);
    if (!byYear) byMetric.set(v.metric, (byYear = new Map()));
    byYear.set(v.year, v);
  }
  return index;
}

export const valueAt = (index: ValueIndex, agencyId: string, year: number, metric: string) => index.get(agencyId)?.get(metric)?.get(year) ?? null;

/** An agency's value in the latest of the years that has one (a missing report does not sink it to the bottom). */
function latestValue(index: ValueIndex, agencyId: string, years: readonly number[], metric: string): number | null {
  for (let i = years.length - 1; i >= 0; i--) {
    const v = valueAt(index, agencyId, years[i]!, metric)?.value ?? null;
    if (v !== null) return v;
  }
  return null;
}

/** Agencies ordered by their latest value of a metric over the years, largest first; agencies without any value last, by name. */
export function rankAgencies(agencies: readonly AgencyRef[], index: ValueIndex, metric: string, years: readonly number[]): AgencyRef[] {
  const collator = new Intl.Collator('zh-CN');
  const latest = new Map(agencies.map((a) => [a.id, latestValue(index, a.id, years, metric)]));
  return [...agencies].sort((a, b) => {
    const va = latest.get(a.id) ?? null;
    const vb = latest.get(b.id) ?? null;
    if (va === null || vb === null) return va === vb ? collator.compare(a.name, b.name) : va === null ? 1 : -1;
    return vb - va || collator.compare(a.name, b.name);
  });
}

export interface CompareText {
  metricName: (code: string) => string;
  yearLabel: (year: number) => string;
  unit: (code: string) => string;
  agencyColumn: string;
  formatValue: (code: string, value: number | null) => string;
  /** The name of a quality state (metricQuality.*). */
  qualityLabel: (quality: MetricQuality) => string;
  /** Why a value is contradicted, when its printed total and its parts disagree: e.g. 原表印数 0，按分项推算 11. */
  readings?: (printed: string, parts: string) => string;
  /** Scope and quality in the charts' tooltips, e.g. 口径：本机关 · 数据质量：表内矛盾. */
  tooltipWords?: Pick<TooltipText, 'scope' | 'quality'>;
}

/** The charts' tooltip: each value as the table shows it, with its scope and quality state in words. */
function compareTooltip(metric: string, text: CompareText) {
  if (!text.tooltipWords) return {};
  // Charts carry ratios in percent (chartValue); the tooltip shows the value as the table does.
  const fromChart = (v: number | null) => (v === null ? null : METRIC_BY_CODE.get(metric)?.unit === 'ratio' ? v / 100 : v);
  return { formatter: describedTooltip({ ...text.tooltipWords, formatValue: (v) => text.formatValue(metric, fromChart(v)) }) };
}

/** The printed reading beside the one from the parts, when they disagree: the reason a value is contradicted. */
export function readingsNote(v: MetricValueResult | null, text: Pick<CompareText, 'readings' | 'formatValue'>): string | null {
  if (!v || !text.readings || v.printedValue == null || v.partsValue == null) return null;
  if (Math.abs(v.printedValue - v.partsValue) < 1e-9) return null;
  return text.readings(text.formatValue(v.metric, v.printedValue), text.formatValue(v.metric, v.partsValue));
}

/** A bar or point of a value: doubtful values (contradicted, uncertain) are drawn apart, hatched and faded. */
function chartItem(metric: string, v: MetricValueResult | null, agency: AgencyRef, text: CompareText) {
  const note = readingsNote(v, text);
  const item = { value: chartValue(metric, v?.value) ?? '-', agencyId: agency.id, name: agency.name, quality: v?.quality ?? null, scope: v?.scope ?? null, notes: note ? [note] : [] };
  return isDoubtful(v?.quality) ? { ...item, itemStyle: DOUBTFUL_ITEM_STYLE } : item;
}

/** What a value rests on, in words: its quality, its parts, and the sentence a self-reported figure comes from. */
export function describeValue(v: MetricValueResult | null, text: Pick<CompareText, 'qualityLabel'> & Partial<Pick<CompareText, 'readings' | 'formatValue'>>): string | null {
  if (!v) return null;
  const parts = [
    v.quality && v.quality !== 'VERIFIED' ? text.qualityLabel(v.quality) : null,
    text.readings && text.formatValue ? readingsNote(v, { readings: text.readings, formatValue: text.formatValue }) : null,
    v.denominator !== null ? `${v.numerator ?? '—'} / ${v.denominator}` : null,
    ...(v.evidence ?? []).map((e) => `“${e.sentence}”`),
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : null;
}

/** Most agencies a bar chart draws: the highest; the table (and the chart's data export) has them all. */
export const BAR_LIMIT = 200;

/**
 * Grouped bars: one group per agency (ordered by its latest value, the top BAR_LIMIT), one bar per year.
 * Beyond 30 agencies a zoom slider pages through.
 */
export function buildCompareBarsOption(
  agencies: readonly AgencyRef[],
  years: readonly number[],
  metric: string,
  index: ValueIndex,
  text: CompareText,
): ChartOption {
  const ordered = rankAgencies(agencies, index, metric, years).slice(0, BAR_LIMIT);
  const window = 30;
  return {
    aria: { enabled: true },
    color: PALETTE,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...compareTooltip(metric, text) },
    grid: { left: 8, right: 16, top: 36, bottom: ordered.length > window ? 48 : 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: ordered.map((a) => a.name),
      // Every name under its bar while they fit; beyond the zoom window ECharts picks which to print.
      axisLabel: { interval: ordered.length > window ? 'auto' : 0, rotate: ordered.length > 6 ? 30 : 0, width: 140, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: text.unit(metric) },
    dataZoom:
      ordered.length > window
        ? [
            { type: 'slider', xAxisIndex: 0, startValue: 0, endValue: window - 1, height: 18, bottom: 8 },
            { type: 'inside', xAxisIndex: 0, startValue: 0, endValue: window - 1, zoomOnMouseWheel: false, moveOnMouseWheel: true },
          ]
        : [],
    series: years.map((year) => ({
      type: 'bar' as const,
      name: text.yearLabel(year),
      barMaxWidth: 28,
      animation: ordered.length <= 60,
      data: ordered.map((a) => chartItem(metric, valueAt(index, a.id, year, metric), a, text)),
    })),
  };
}

export const LINE_LIMIT = 10;

/** Lines over the years, one per agency; at most LINE_LIMIT agencies (those with the highest latest values). */
export function buildCompareLinesOption(
  agencies: readonly AgencyRef[],
  years: readonly number[],
  metric: string,
  index: ValueIndex,
  text: CompareText,
): ChartOption {
  const shown = rankAgencies(agencies, index, metric, years).slice(0, LINE_LIMIT);
  return {
    aria: { enabled: true },
    color: PALETTE,
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', ...compareTooltip(metric, text) },
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(text.yearLabel), boundaryGap: false },
    yAxis: { type: 'value', name: text.unit(metric) },
    series: shown.map((a) => ({
      type: 'line' as const,
      name: a.name,
      symbolSize: 7,
      connectNulls: false,
      data: years.map((y) => chartItem(metric, valueAt(index, a.id, y, metric), a, text)),
    })),
  };
}

/** The chart's numbers: one row per agency, one column per year. */
export function chartTable(agencies: readonly AgencyRef[], years: readonly number[], metric: string, index: ValueIndex, text: CompareText): DataTable {
  return {
    columns: [text.agencyColumn, ...years.map((y) => `${text.metricName(metric)} ${text.yearLabel(y)} (${text.unit(metric)})`)],
    rows: rankAgencies(agencies, index, metric, years).map((a) => [a.name, ...years.map((y) => chartValue(metric, valueAt(index, a.id, y, metric)?.value))]),
  };
}

/** The full comparison: one row per agency, a column per metric and year (metric-major). */
export function compareGrid(
  agencies: readonly AgencyRef[],
  years: readonly number[],
  metrics: readonly string[],
  index: ValueIndex,
  text: CompareText,
): { columns: GridColumn[]; rows: GridRow[]; table: DataTable } {
  const pairs = metrics.flatMap((metric) => years.map((year) => ({ metric, year, key: `${metric}:${year}` })));
  const valueOf = (cell: GridCell) => cell.data as MetricValueResult | null;
  const columns: GridColumn[] = [
    { key: 'agency', label: text.agencyColumn, link: (cell) => ({ name: 'agency', params: { id: String(cell.data) } }) },
    ...pairs.map((p) => ({
      key: p.key,
      label: `${text.metricName(p.metric)} ${text.yearLabel(p.year)}`,
      numeric: true,
      metric: p.metric,
      // worked out when a row is shown, not for all 3,000 up front
      format: (v: number | string | null) => text.formatValue(p.metric, typeof v === 'number' ? v : null),
      link: (cell: GridCell) => {
        const reportId = valueOf(cell)?.reportId;
        return reportId ? { name: 'report', params: { id: reportId } } : null;
      },
      describe: (cell: GridCell) => describeValue(valueOf(cell), text),
      tone: (cell: GridCell) => (cell.sort === null ? ('muted' as const) : isDoubtful(valueOf(cell)?.quality) ? qualityMark(valueOf(cell)?.quality)!.tone : null),
      badge: (cell: GridCell) => {
        const v = valueOf(cell);
        const mark = v?.value !== null ? qualityMark(v?.quality) : null;
        return mark ? { symbol: mark.symbol, label: text.qualityLabel(v!.quality!) } : null;
      },
    })),
  ];
  const rows: GridRow[] = agencies.map((a) => {
    const cells: GridRow['cells'] = { agency: { sort: a.name, text: a.name, data: a.id } };
    for (const p of pairs) {
      const v = valueAt(index, a.id, p.year, p.metric);
      cells[p.key] = { sort: v?.value ?? null, data: v };
    }
    return { key: a.id, cells };
  });
  const table: DataTable = {
    columns: [text.agencyColumn, ...pairs.map((p) => `${text.metricName(p.metric)} ${text.yearLabel(p.year)} (${text.unit(p.metric)})`)],
    rows: agencies.map((a) => [a.name, ...pairs.map((p) => chartValue(p.metric, valueAt(index, a.id, p.year, p.metric)?.value))]),
  };
  return { columns, rows, table };
}

/**
 * What compare covers: the chosen agencies; with nothing chosen, the governments (a few dozen regions, not every
 * department of a province's thousands), unless the reader asked for everyone.
 */
export function compareSelection(chosen: AgencySelectionFilter, everyone: boolean): AgencySelectionFilter {
  return isAllAgencies(chosen) && !everyone ? { ...EMPTY_SELECTION, kinds: ['government'] } : chosen;
}

/** Whether a chart's table holds any number to draw (years without data would otherwise draw bare axes). */
export const tableHasValues = (table: DataTable) => table.rows.some((row) => row.slice(1).some((v) => typeof v === 'number'));
