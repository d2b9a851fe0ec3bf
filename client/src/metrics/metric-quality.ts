/**
 * How a value's quality state (@ogi/domain METRIC_QUALITY_STATES) is marked wherever a value appears: a short mark
 * beside the number, a tone for tables, and a chart style that sets doubtful values apart. Verified values carry
 * no mark.
 */
import { RANKING_EXCLUDED_QUALITIES, type MetricQuality } from '@ogi/domain';
import type { GridTone } from '../components/data-grid';

export interface QualityMark {
  /** One character beside the number. */
  symbol: string;
  tone: GridTone;
}

const MARKS: Record<MetricQuality, QualityMark | null> = {
  VERIFIED: null,
  UNVERIFIABLE: { symbol: '○', tone: 'muted' },
  CONTRADICTED: { symbol: '⚠', tone: 'error' },
  UNCERTAIN: { symbol: '?', tone: 'warning' },
  CORRECTED: { symbol: '✎', tone: 'ok' },
  SELF_REPORTED: { symbol: '述', tone: 'muted' },
};

export const qualityMark = (quality: MetricQuality | null | undefined): QualityMark | null => (quality ? MARKS[quality] : null);

/** A value the product knows may be wrong: rankings leave it out by default, charts set it apart. */
export const isDoubtful = (quality: MetricQuality | null | undefined): boolean => !!quality && RANKING_EXCLUDED_QUALITIES.includes(quality);

/** The style of a doubtful value's bar or point: hatched and faded, so it is not read as a sound figure. */
export const DOUBTFUL_ITEM_STYLE = {
  opacity: 0.45,
  borderType: 'dashed' as const,
  borderWidth: 1,
  borderColor: '#c0392b',
  decal: { symbol: 'line', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 },
};

/** A chart item (bar, point), hatched when the product knows its value may be wrong. */
export function styleDoubtful<T extends object>(item: T, doubtful: boolean): T | (T & { itemStyle: typeof DOUBTFUL_ITEM_STYLE }) {
  return doubtful ? { ...item, itemStyle: DOUBTFUL_ITEM_STYLE } : item;
}

/** What a chart's tooltip says beside a value, in the reader's language. */
export interface TooltipText {
  /** e.g. 口径：本机关 */
  scope: (scope: string) => string;
  /** e.g. 质量：表内矛盾 */
  quality: (quality: MetricQuality) => string;
  /** A value shown, e.g. 1,234 件 or 65.5%; '—' for none. */
  formatValue: (value: number | null, seriesIndex: number) => string;
}

/** The facts a chart item carries for its tooltip: the value's scope, its quality state, notes such as coverage. */
export interface DescribedItem {
  quality?: MetricQuality | null;
  scope?: string | null;
  notes?: readonly string[];
}

/** The part of an ECharts tooltip callback's argument the formatter reads. */
export interface TooltipParam {
  marker?: unknown;
  seriesName?: string;
  seriesIndex?: number;
  name?: string;
  axisValueLabel?: string;
  dataIndex?: number;
  value?: unknown;
  data?: unknown;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Tooltips are HTML: agency names and sentences from reports are text, never markup. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const describedOf = (data: unknown): DescribedItem => (data !== null && typeof data === 'object' ? (data as DescribedItem) : {});

/** The words under one value: its scope, its quality state (verified included: the reader sees it was checked), its notes. */
export function describeItem(item: DescribedItem, text: Pick<TooltipText, 'scope' | 'quality'>): string[] {
  return [item.scope ? text.scope(item.scope) : null, item.quality ? text.quality(item.quality) : null, ...(item.notes ?? [])].filter((s): s is string => !!s);
}

/**
 * A tooltip formatter for any chart whose items carry DescribedItem facts: a title (the axis value or the item's
 * name), then per value its series, the value with its quality mark, and its facts in words; `footer` adds lines
 * about the whole axis position (e.g. a year's coverage).
 */
export function describedTooltip(text: TooltipText, footer?: (dataIndex: number) => readonly string[]) {
  return (input: TooltipParam | TooltipParam[]): string => {
    const params = Array.isArray(input) ? input : [input];
    const first = params[0];
    if (!first) return '';
    const title = first.axisValueLabel ?? first.name ?? '';
    const lines = [`<b>${escapeHtml(title)}</b>`];
    for (const p of params) {
      const item = describedOf(p.data);
      const raw = p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value) ? (p.value as { value?: unknown }).value : p.value;
      const mark = qualityMark(item.quality);
      const marker = typeof p.marker === 'string' ? p.marker : '';
      const series = p.seriesName && p.seriesName !== title ? `${escapeHtml(p.seriesName)}：` : '';
      lines.push(`${marker}${series}${escapeHtml(text.formatValue(numberOf(raw), p.seriesIndex ?? 0))}${mark ? ` ${mark.symbol}` : ''}`);
      const facts = describeItem(item, text);
      if (facts.length) lines.push(`<span style="opacity:.8">${facts.map(escapeHtml).join(' · ')}</span>`);
    }
    for (const line of footer?.(first.dataIndex ?? 0) ?? []) lines.push(escapeHtml(line));
    return lines.join('<br/>');
  };
}
