/**
 * 复议诉讼 charts as pure functions: per year, cases by result (upheld, corrected, other, pending) stacked,
 * with the correction rate (corrected ÷ decided) as a line on its own axis.
 */
import { REVIEW_COLUMNS, REVIEW_TOTAL_INDEX } from '@ogi/domain';
import { rateAxisMax, yearSpan } from '../../composables/chart-axes';
import type { ChartOption } from '../../composables/echarts';
import type { DataTable } from '../../export/data-table';
import type { BreakdownRowResult } from '../../graphql/analytics.types';

/** upheld green, corrected red (the agency was wrong), other grey, pending amber. */
export const RESULT_COLOURS: Record<string, string> = { upheld: '#2f7d4f', corrected: '#c0392b', other: '#7f8c8d', pending: '#d68910' };
const RESULT_KEYS = REVIEW_COLUMNS.filter((_, i) => i !== REVIEW_TOTAL_INDEX).map((c) => c.key);

type Row = Omit<BreakdownRowResult, 'agencyId'>;
export interface RatePoint {
  year: number;
  value: number | null;
}

/** `review.corrected` → `corrected`; totals are left out (the stack is the total). */
export const resultKey = (key: string) => key.split('.').pop() ?? key;

export interface ReviewText {
  label: (row: Pick<Row, 'labelZh' | 'labelEn'>) => string;
  yearLabel: (year: number) => string;
  unit: string;
  rate: string;
}

export function buildReviewOption(rows: readonly Row[], rates: readonly RatePoint[], text: ReviewText): ChartOption {
  const results = rows.filter((r) => RESULT_KEYS.includes(resultKey(r.key)));
  const years = yearSpan(new Set([...results.filter((r) => r.value !== null).map((r) => r.year), ...rates.filter((r) => r.value !== null).map((r) => r.year)]));
  const keys: { key: string; label: string }[] = [];
  for (const r of results) if (!keys.some((k) => k.key === r.key)) keys.push({ key: r.key, label: text.label(r) });
  keys.sort((a, b) => RESULT_KEYS.indexOf(resultKey(a.key)) - RESULT_KEYS.indexOf(resultKey(b.key)));
  const value = (year: number, key: string) => results.find((r) => r.year === year && r.key === key)?.value ?? null;
  return {
    aria: { enabled: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
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
        data: years.map((y) => value(y, k.key) ?? '-'),
      })),
      {
        type: 'line' as const,
        name: text.rate,
        yAxisIndex: 1,
        symbolSize: 8,
        itemStyle: { color: '#1f4e79' },
        tooltip: { valueFormatter: (v) => (v == null || v === '-' ? '—' : `${String(v)}%`) },
        data: years.map((y) => {
          const v = rates.find((r) => r.year === y)?.value;
          return v == null ? '-' : Math.round(v * 1000) / 10;
        }),
      },
    ],
  };
}

export function reviewTable(rows: readonly Row[], rates: readonly RatePoint[], text: ReviewText, yearColumn: string): DataTable {
  const option = buildReviewOption(rows, rates, text);
  const years = (option.xAxis as { data: string[] }).data;
  const series = option.series as { name: string; data: (number | string)[] }[];
  return {
    columns: [yearColumn, ...series.map((s) => (s.name === text.rate ? `${s.name} (%)` : s.name))],
    rows: years.map((y, i) => [y, ...series.map((s) => (typeof s.data[i] === 'number' ? (s.data[i] as number) : null))]),
  };
}
