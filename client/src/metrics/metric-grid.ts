/**
 * Agencies' metric values as a table, with what each value rests on: the grid the compare, review and agency pages
 * show, and the words that say why a value is doubtful.
 */
import type { MetricQuality } from '@ogi/domain';
import type { GridCell, GridColumn, GridRow } from '../components/data-grid';
import type { DataTable } from '../export/data-table';
import { type AgencyRef, type MetricValueResult } from '../graphql/api';
import { chartValue } from './metric-format';
import { isDoubtful, qualityMark, type TooltipText } from './metric-quality';
import { valueAt, type ValueIndex } from './value-index';

export interface MetricGridText {
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

/** The printed reading beside the one from the parts, when they disagree: the reason a value is contradicted. */
export function readingsNote(v: MetricValueResult | null, text: Pick<MetricGridText, 'readings' | 'formatValue'>): string | null {
  if (!v || !text.readings || v.printedValue == null || v.partsValue == null) return null;
  if (Math.abs(v.printedValue - v.partsValue) < 1e-9) return null;
  return text.readings(text.formatValue(v.metric, v.printedValue), text.formatValue(v.metric, v.partsValue));
}

/** What a value rests on, in words: its quality, its parts, and the sentence a self-reported figure comes from. */
export function describeValue(
  v: MetricValueResult | null,
  text: Pick<MetricGridText, 'qualityLabel'> & Partial<Pick<MetricGridText, 'readings' | 'formatValue'>>,
): string | null {
  if (!v) return null;
  const parts = [
    v.quality && v.quality !== 'VERIFIED' ? text.qualityLabel(v.quality) : null,
    text.readings && text.formatValue ? readingsNote(v, { readings: text.readings, formatValue: text.formatValue }) : null,
    v.denominator !== null ? `${v.numerator ?? '—'} / ${v.denominator}` : null,
    ...(v.evidence ?? []).map((e) => `“${e.sentence}”`),
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : null;
}

/** A table of agencies' metric values: one row per agency, a column per metric and year (metric-major). */
export function metricGrid(
  agencies: readonly AgencyRef[],
  years: readonly number[],
  metrics: readonly string[],
  index: ValueIndex,
  text: MetricGridText,
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
      tone: (cell: GridCell) =>
        cell.sort === null ? ('muted' as const) : isDoubtful(valueOf(cell)?.quality) ? qualityMark(valueOf(cell)?.quality)!.tone : null,
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
  // The table for the files is worked out when a file is asked for: at 3,000 agencies it is another 30,000 cells
  // the page would build on every answer for nothing.
  let table: DataTable | null = null;
  return {
    columns,
    rows,
    get table(): DataTable {
      return (table ??= {
        columns: [text.agencyColumn, ...pairs.map((p) => `${text.metricName(p.metric)} ${text.yearLabel(p.year)} (${text.unit(p.metric)})`)],
        rows: agencies.map((a) => [a.name, ...pairs.map((p) => chartValue(p.metric, valueAt(index, a.id, p.year, p.metric)?.value))]),
      });
    },
  };
}
