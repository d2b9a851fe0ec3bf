/**
 * How a metric's value reads on screen and in exports, by its unit in the shared dictionary (@ogi/domain
 * METRICS): ratios as percentages, per-100 figures with one decimal, money in 万元, counts as whole numbers.
 * Null (a blank cell, or a zero base) is shown as a dash, never as 0.
 */
import { METRIC_BY_CODE, METRIC_UNIT_LABELS, type MetricDefinition, type MetricUnit } from '@ogi/domain';
import type { Bilingual } from '../composables/use-i18n';
import { numberFormat } from './intl-formats';

export function metricDefinition(code: string): MetricDefinition | null {
  return METRIC_BY_CODE.get(code) ?? null;
}

/**
 * A unit in words, from the dictionary's labels; ratios read as percentages here, because charts and tables show
 * them in percent (see chartValue).
 */
export function unitLabel(unit: MetricUnit): Bilingual {
  if (unit === 'ratio') return { label: '%', en: '%' };
  const l = METRIC_UNIT_LABELS[unit];
  return { label: l.zh, en: l.en };
}

/** The unit a metric's values are charted in. */
export const metricUnitLabel = (code: string): Bilingual => unitLabel(METRIC_BY_CODE.get(code)?.unit ?? 'applications');

/** The metric's name as a bilingual label, or its code when the dictionary does not know it. */
export function metricLabel(code: string): Bilingual {
  const def = METRIC_BY_CODE.get(code);
  return def ? { label: def.nameZh, en: def.nameEn } : { label: code, en: code };
}

type FormatKind = 'ratio' | 'per100' | 'wan' | 'count';
const FORMAT_OPTIONS: Record<FormatKind, Intl.NumberFormatOptions> = {
  ratio: { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 },
  per100: { maximumFractionDigits: 1, minimumFractionDigits: 1 },
  wan: { maximumFractionDigits: 2 },
  count: { maximumFractionDigits: 0 },
};
/** Creates the metric formatters of a locale ahead of the first figure (see prepareFormats in use-i18n). */
export function prepareMetricFormats(intlLocale: string): void {
  for (const options of Object.values(FORMAT_OPTIONS)) numberFormat(intlLocale, options);
}

/** Formats a value of the given metric in a locale (`zh-CN` or `en-GB`). */
export function formatMetricValue(code: string, value: number | null | undefined, intlLocale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const unit = METRIC_BY_CODE.get(code)?.unit;
  const kind: FormatKind = unit === 'ratio' || unit === 'per100' || unit === 'wan' ? unit : 'count';
  return numberFormat(intlLocale, FORMAT_OPTIONS[kind]).format(value);
}

/** The value as a plain number for charts and exports: ratios in percent (0.42 → 42), rounded sensibly. */
export function chartValue(code: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const unit = METRIC_BY_CODE.get(code)?.unit;
  if (unit === 'ratio') return Math.round(value * 1000) / 10;
  if (unit === 'per100' || unit === 'wan') return Math.round(value * 100) / 100;
  return value;
}

/**
 * Change against last year: for ratios the difference in percentage points, for everything else the relative
 * change. Null when either year is unknown, or a count starts from 0.
 */
export interface MetricDelta {
  kind: 'points' | 'relative';
  value: number;
  /** Whether the change is good news, when the dictionary says which direction is better. */
  better: boolean | null;
}

export function metricDelta(code: string, current: number | null | undefined, previous: number | null | undefined): MetricDelta | null {
  if (current == null || previous == null) return null;
  const def = METRIC_BY_CODE.get(code);
  const better = (diff: number) => (def?.higherIsBetter === undefined || diff === 0 ? null : def.higherIsBetter === diff > 0);
  if (def?.unit === 'ratio') {
    const diff = (current - previous) * 100;
    return { kind: 'points', value: diff, better: better(diff) };
  }
  if (previous === 0) return null;
  const rel = (current - previous) / previous;
  return { kind: 'relative', value: rel, better: better(rel) };
}

export function formatDelta(delta: MetricDelta, intlLocale: string): string {
  const sign = delta.value > 0 ? '+' : delta.value < 0 ? '−' : '±';
  const abs = Math.abs(delta.value);
  if (delta.kind === 'points') return `${sign}${numberFormat(intlLocale, { maximumFractionDigits: 1 }).format(abs)}`;
  return `${sign}${numberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 1 }).format(abs)}`;
}

/**
 * A number as an axis labels it: short enough that neighbouring labels do not run together on a phone. Chinese
 * readers count large numbers in 万 and 亿 (12,000 → 1.2万); English readers in K and M. Smaller numbers keep their
 * thousands separators.
 */
export function compactAxisNumber(value: number, intlLocale: string): string {
  if (!Number.isFinite(value)) return '';
  const abs = Math.abs(value);
  if (intlLocale.startsWith('zh')) {
    const short = numberFormat(intlLocale, { maximumFractionDigits: 1 });
    if (abs >= 1e8) return `${short.format(value / 1e8)}亿`;
    if (abs >= 1e4) return `${short.format(value / 1e4)}万`;
  } else if (abs >= 1e4) {
    // British English writes 12k and 3.5m (read as metres on an axis): K and M as in American usage.
    return numberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
  return numberFormat(intlLocale, { maximumFractionDigits: 2 }).format(value);
}
