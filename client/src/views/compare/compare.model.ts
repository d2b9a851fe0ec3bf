/**
 * The compare page's data, shaped for its table and charts: pure functions of the `compare` answer.
 * Ratios are charted in percent; a value the API could not compute (blank cell, zero base) stays null.
 */
import { METRIC_BY_CODE } from '@ogi/domain';
import { BAR_LIMIT } from '../../composables/chart-limits';
import { PALETTE } from '../../composables/chart-palette';
import type { ChartOption } from '../../composables/echarts';
import type { DataTable } from '../../export/data-table';
import { EMPTY_SELECTION, isAllAgencies, type AgencySelectionFilter } from '../../filters/dashboard-filters';
import { type AgencyRef, type MetricValueResult } from '../../graphql/api';
import { chartValue } from '../../metrics/metric-format';
import { readingsNote, type MetricGridText } from '../../metrics/metric-grid';
import { DOUBTFUL_ITEM_STYLE, describedTooltip, isDoubtful } from '../../metrics/metric-quality';
import { valueAt, type ValueIndex } from '../../metrics/value-index';

/** An agency's value in the latest of the years that has one (a missing report does not sink it to the bottom). */
function latestValue(index: ValueIndex, agencyId: string, years: readonly number[], metric: string): number | null {
  for (let i = years.length - 1; i >= 0; i--) {
    const v = valueAt(index, agencyId, years[i]!, metric)?.value ?? null;
    if (v !== null) return v;
  }
  return null;
}

const collator = new Intl.Collator('zh-CN');

/**
 * The last ranking worked out, with what it was worked out from. The chart's option and its table rank the same
 * agencies by the same metric one after the other: at 3,000 agencies the sort (by name among equals) is worth
 * doing once.
 */
let lastRanking: { agencies: readonly AgencyRef[]; index: ValueIndex; metric: string; years: readonly number[]; ranked: readonly AgencyRef[] } | null = null;

/** Agencies ordered by their latest value of a metric over the years, largest first; agencies without any value last, by name. */
export function rankAgencies(agencies: readonly AgencyRef[], index: ValueIndex, metric: string, years: readonly number[]): readonly AgencyRef[] {
  const last = lastRanking;
  if (last && last.agencies === agencies && last.index === index && last.metric === metric && last.years === years) return last.ranked;
  const latest = new Map(agencies.map((a) => [a.id, latestValue(index, a.id, years, metric)]));
  const ranked = [...agencies].sort((a, b) => {
    const va = latest.get(a.id) ?? null;
    const vb = latest.get(b.id) ?? null;
    if (va === null || vb === null) return va === vb ? collator.compare(a.name, b.name) : va === null ? 1 : -1;
    return vb - va || collator.compare(a.name, b.name);
  });
  lastRanking = { agencies, index, metric, years, ranked };
  return ranked;
}

/** The charts' tooltip: each value as the table shows it, with its scope and quality state in words. */
function compareTooltip(metric: string, text: MetricGridText) {
  if (!text.tooltipWords) return {};
  // Charts carry ratios in percent (chartValue); the tooltip shows the value as the table does.
  const fromChart = (v: number | null) => (v === null ? null : METRIC_BY_CODE.get(metric)?.unit === 'ratio' ? v / 100 : v);
  return { formatter: describedTooltip({ ...text.tooltipWords, formatValue: (v) => text.formatValue(metric, fromChart(v)) }) };
}

/** A bar or point of a value: doubtful values (contradicted, uncertain) are drawn apart, hatched and faded. */
function chartItem(metric: string, v: MetricValueResult | null, agency: AgencyRef, text: MetricGridText) {
  const note = readingsNote(v, text);
  const item = {
    value: chartValue(metric, v?.value) ?? '-',
    agencyId: agency.id,
    name: agency.name,
    quality: v?.quality ?? null,
    scope: v?.scope ?? null,
    notes: note ? [note] : [],
  };
  return isDoubtful(v?.quality) ? { ...item, itemStyle: DOUBTFUL_ITEM_STYLE } : item;
}

/**
 * Grouped bars: one group per agency (ordered by its latest value, the top BAR_LIMIT), one bar per year.
 * Beyond 30 agencies a zoom slider pages through.
 */
export function buildCompareBarsOption(
  agencies: readonly AgencyRef[],
  years: readonly number[],
  metric: string,
  index: ValueIndex,
  text: MetricGridText,
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
  text: MetricGridText,
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
export function chartTable(agencies: readonly AgencyRef[], years: readonly number[], metric: string, index: ValueIndex, text: MetricGridText): DataTable {
  return {
    columns: [text.agencyColumn, ...years.map((y) => `${text.metricName(metric)} ${text.yearLabel(y)} (${text.unit(metric)})`)],
    rows: rankAgencies(agencies, index, metric, years).map((a) => [a.name, ...years.map((y) => chartValue(metric, valueAt(index, a.id, y, metric)?.value))]),
  };
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
