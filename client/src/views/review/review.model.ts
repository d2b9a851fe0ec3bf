/**
 * 复议诉讼 charts as pure functions: per year, cases by result (upheld, corrected, other, pending) stacked,
 * with the correction rate (corrected ÷ decided) as a line on its own axis.
 */
import { REVIEW_COLUMNS, REVIEW_TOTAL_INDEX, type SortDirection } from '@ogi/domain';
import { sortRows, type GridRow, type GridSort } from '../../components/data-grid';
import { rateAxisMax, yearSpan } from '../../composables/chart-axes';
import type { ChartOption } from '../../composables/echarts';
import type { DataTable } from '../../export/data-table';
import { type ReviewOutcomeRow } from '../../graphql/api';
import { basisItem, isDoubtfulBasis, type BasisWords, type BreakdownBasis } from '../../metrics/breakdown-basis';
import { DOUBTFUL_ITEM_STYLE, describedTooltip, styleDoubtful, type TooltipText } from '../../metrics/metric-quality';

/** upheld green, corrected red (the agency was wrong), other grey, pending amber. */
export const RESULT_COLOURS: Record<string, string> = { upheld: '#2f7d4f', corrected: '#c0392b', other: '#7f8c8d', pending: '#d68910' };
const RESULT_KEYS = REVIEW_COLUMNS.filter((_, i) => i !== REVIEW_TOTAL_INDEX).map((c) => c.key);

/** The rows as the query answers them; their basis (scope, coverage, doubtful reports) when it was asked for. */
type Row = Pick<ReviewOutcomeRow, 'year' | 'key' | 'labelZh' | 'labelEn' | 'value'> & Partial<BreakdownBasis>;
export interface RatePoint {
  year: number;
  value: number | null;
  /** Reports the rate is built from (both parts, a base that is not 0), and those among them that are doubtful. */
  reportsCounted?: number;
  reportsDoubtful?: number;
}

/** `review.corrected` → `corrected`; totals are left out (the stack is the total). */
export const resultKey = (key: string) => key.split('.').pop() ?? key;

export interface ReviewText {
  label: (row: Pick<Row, 'labelZh' | 'labelEn'>) => string;
  yearLabel: (year: number) => string;
  unit: string;
  rate: string;
  /** Values as shown (series index: the bars are counts, the last series the rate in percent), scope and quality in words. */
  tooltip?: TooltipText;
  /** e.g. 比率基于 3 份报告 */
  rateBasis?: (reports: number) => string;
  /** e.g. 含 1 份数值存疑的报告 */
  doubtful?: (reports: number) => string;
  /** What each bar rests on, in words; a bar with a doubtful report in it is hatched. */
  basis?: BasisWords;
}

const hasBasis = (r: Row): r is Row & BreakdownBasis => r.reportsCounted !== undefined && r.scopes !== undefined;

/** A bar: its count, and, when the row says what it rests on, that basis in words and the hatching of a doubtful one. */
function barItem(row: Row | undefined, basis: BasisWords | undefined) {
  if (!row || row.value === null) return '-';
  if (!basis || !hasBasis(row)) return row.value;
  return styleDoubtful({ value: row.value, ...basisItem(row, basis) }, isDoubtfulBasis(row));
}

/** The rate series (after the result bars) reads in percent; the bars as the view formats counts. */
const rateInPercent = (tooltip: TooltipText, rateSeries: number): TooltipText => ({
  ...tooltip,
  formatValue: (v, series) => (series === rateSeries ? (v === null ? '—' : `${v}%`) : tooltip.formatValue(v, series)),
});

export function buildReviewOption(rows: readonly Row[], rates: readonly RatePoint[], text: ReviewText): ChartOption {
  const results = rows.filter((r) => RESULT_KEYS.includes(resultKey(r.key)));
  const years = yearSpan(new Set([...results.filter((r) => r.value !== null).map((r) => r.year), ...rates.filter((r) => r.value !== null).map((r) => r.year)]));
  const keys: { key: string; label: string }[] = [];
  for (const r of results) if (!keys.some((k) => k.key === r.key)) keys.push({ key: r.key, label: text.label(r) });
  keys.sort((a, b) => RESULT_KEYS.indexOf(resultKey(a.key)) - RESULT_KEYS.indexOf(resultKey(b.key)));
  const rowAt = (year: number, key: string) => results.find((r) => r.year === year && r.key === key);
  const rateAt = (year: number) => rates.find((r) => r.year === year);
  /** Under each year: how many reports the rate rests on. */
  const footer = (i: number) => {
    const reports = rateAt(years[i]!)?.reportsCounted;
    return reports !== undefined && text.rateBasis ? [text.rateBasis(reports)] : [];
  };
  return {
    aria: { enabled: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...(text.tooltip ? { formatter: describedTooltip(rateInPercent(text.tooltip, keys.length), footer) } : {}),
    },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(text.yearLabel) },
    yAxis: [
      { type: 'value', name: text.unit, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: rateAxisMax, splitLine: { show: false } },
    ],
    series: [
      ...keys.map((k) => ({
        type: 'bar' as const,
        name: k.label,
        stack: 'cases',
        barMaxWidth: 44,
        itemStyle: { color: RESULT_COLOURS[resultKey(k.key)] ?? '#5d6d7e' },
        data: years.map((y) => barItem(rowAt(y, k.key), text.basis)),
      })),
      {
        type: 'line' as const,
        name: text.rate,
        yAxisIndex: 1,
        symbolSize: 8,
        itemStyle: { color: '#1f4e79' },
        ...(text.tooltip ? {} : { tooltip: { valueFormatter: (v: unknown) => (v == null || v === '-' ? '—' : `${String(v)}%`) } }),
        data: years.map((y) => {
          const point = rateAt(y);
          const v = point?.value;
          if (v == null) return '-';
          const shown = Math.round(v * 1000) / 10;
          // A rate with doubtful reports in it is hatched, and its tooltip says how many.
          const doubtful = point?.reportsDoubtful ?? 0;
          return doubtful > 0 ? { value: shown, itemStyle: DOUBTFUL_ITEM_STYLE, notes: text.doubtful ? [text.doubtful(doubtful)] : [] } : shown;
        }),
      },
    ],
  };
}

export function reviewTable(rows: readonly Row[], rates: readonly RatePoint[], text: ReviewText, yearColumn: string): DataTable {
  const option = buildReviewOption(rows, rates, text);
  const years = (option.xAxis as { data: string[] }).data;
  const series = option.series as { name: string; data: (number | string | { value: number })[] }[];
  // A doubtful rate is an item object in the chart; the table has its number all the same.
  const numberAt = (d: number | string | { value: number } | undefined) => (typeof d === 'number' ? d : typeof d === 'object' ? d.value : null);
  return {
    columns: [yearColumn, ...series.map((s) => (s.name === text.rate ? `${s.name} (%)` : s.name))],
    rows: years.map((y, i) => [y, ...series.map((s) => numberAt(s.data[i]))]),
  };
}

/** The order the server gives the per-agency table's page: a `metric:year` column, or the agency column by name. */
export interface TableOrder {
  sortMetric: string | null;
  sortYear: number | null;
  sortDirection: SortDirection;
}

/**
 * The grid's sort as the server's order of the agencies. A sort the table has no column for (a shared link from
 * another year, a metric the table lacks) is `fallback`.
 */
export function tableOrder(sort: GridSort | null, columns: readonly string[], fallback: GridSort): { sort: GridSort; order: TableOrder } {
  const used = sort && columns.includes(sort.key) ? sort : fallback;
  const sortDirection = used.dir === 'asc' ? 'ASC' : 'DESC';
  if (used.key === 'agency') return { sort: used, order: { sortMetric: null, sortYear: null, sortDirection } };
  const at = used.key.lastIndexOf(':');
  return { sort: used, order: { sortMetric: used.key.slice(0, at), sortYear: Number(used.key.slice(at + 1)), sortDirection } };
}

/**
 * The whole table for a file, its rows in the grid's order (the order the server pages it in: blanks last, ties by
 * name). `table.rows` are in the order of `rows`.
 */
export function sortedTable(grid: { rows: readonly GridRow[]; table: DataTable }, sort: GridSort): DataTable {
  const place = new Map(grid.rows.map((r, i) => [r.key, i]));
  return { columns: grid.table.columns, rows: sortRows(grid.rows, sort).map((r) => grid.table.rows[place.get(r.key)!]!) };
}
