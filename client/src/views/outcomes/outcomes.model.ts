/**
 * The outcomes page's charts as pure functions of `breakdown` rows: outcomes per year (stacked), the flow
 * from applications handled to outcomes to the reasons behind refusals (sankey), the reasons as a treemap,
 * and outcomes per agency. Every figure's tooltip says what it rests on (scope, coverage, quality: breakdown-basis)
 * when the page gives the words for it. Colours follow the report page's outcome chart, so 予以公开 is the same green everywhere.
 */
import { OUTCOME_GROUP_LABELS, type OutcomeGroup } from '@ogi/domain';
import { yearSpan } from '../../composables/chart-axes';
import { OUTCOME_COLOURS, PALETTE } from '../../composables/chart-palette';
import type { ChartOption } from '../../composables/echarts';
import type { DataTable } from '../../export/data-table';
import { type BreakdownRowResult } from '../../graphql/api';
import { BAR_LIMIT } from '../../composables/chart-limits';
import { basisItem, basisNotes, isDoubtfulBasis, type BasisWords } from '../../metrics/breakdown-basis';
import { describedTooltip, escapeHtml, styleDoubtful, type TooltipText } from '../../metrics/metric-quality';

/** The groups whose rows give a reason (三 (三)–(六)), and the query field that breaks each down. */
export const REASON_GROUPS = ['withheld', 'unableToProvide', 'notProcessed', 'otherHandling'] as const;
export type ReasonGroup = (typeof REASON_GROUPS)[number];

export interface Labelled {
  key: string;
  label: string;
}

export interface FlowText {
  handled: string;
  label: (row: Pick<BreakdownRowResult, 'labelZh' | 'labelEn'>) => string;
  yearLabel: (year: number) => string;
  unit: string;
  /** Words for what each figure rests on; without them tooltips give the value only. */
  basis?: BasisWords;
  /** The bar charts' tooltip (value with its unit, scope and quality words). */
  tooltip?: TooltipText;
}

/** `withheld`, `outcomes.withheld` → `withheld`: the outcome group a breakdown key names, if any. */
export function outcomeGroupOf(key: string): OutcomeGroup | null {
  const last = key.split('.').pop() ?? key;
  return last in OUTCOME_GROUP_LABELS ? (last as OutcomeGroup) : key in OUTCOME_GROUP_LABELS ? (key as OutcomeGroup) : null;
}

export function colourOf(key: string, i: number): string {
  const group = outcomeGroupOf(key);
  return group ? OUTCOME_COLOURS[group] : PALETTE[i % PALETTE.length]!;
}

/** The distinct keys of some rows in first-seen order (the API sends them in printed order), with a label. */
export function keysOf(rows: readonly BreakdownRowResult[], label: FlowText['label']): Labelled[] {
  const seen = new Map<string, Labelled>();
  for (const r of rows) if (!seen.has(r.key)) seen.set(r.key, { key: r.key, label: label(r) });
  return [...seen.values()];
}

/** Lookups by agency, year and key, built once per answer (3,000 agencies × keys must not scan the rows each time). */
const indexes = new WeakMap<readonly BreakdownRowResult[], Map<string, BreakdownRowResult>>();
function rowOf(rows: readonly BreakdownRowResult[], year: number, key: string, agencyId: string | null = null): BreakdownRowResult | null {
  let index = indexes.get(rows);
  if (!index) {
    index = new Map();
    for (const r of rows) index.set(`${r.agencyId ?? ''}|${r.year}|${r.key}`, r);
    indexes.set(rows, index);
  }
  return index.get(`${agencyId ?? ''}|${year}|${key}`) ?? null;
}
const valueOf = (rows: readonly BreakdownRowResult[], year: number, key: string, agencyId: string | null = null): number | null =>
  rowOf(rows, year, key, agencyId)?.value ?? null;

/** A bar of a breakdown row: its value as shown, the facts its tooltip states, hatched when doubtful. */
function basisBar<T extends object>(shown: number | '-', row: BreakdownRowResult | null, text: FlowText, extra: T) {
  if (!row || shown === '-') return { value: shown, ...extra };
  return styleDoubtful({ value: shown, ...extra, ...(text.basis ? basisItem(row, text.basis) : {}) }, isDoubtfulBasis(row));
}

/** The tooltip lines of a figure drawn outside describedTooltip (sankey, treemap), HTML-escaped. */
function basisLines(row: BreakdownRowResult | null | undefined, text: FlowText): string {
  if (!row || !text.basis) return '';
  return basisNotes(row, text.basis)
    .map((n) => `<br/><span style="opacity:.8">${escapeHtml(n)}</span>`)
    .join('');
}

/** Years with any value, oldest first. */
export function yearsOf(rows: readonly BreakdownRowResult[]): number[] {
  return yearSpan(new Set(rows.filter((r) => r.value !== null).map((r) => r.year)));
}

/** Stacked bars per year; with `share`, each year's bar adds up to 100%. */
export function buildStackedByYearOption(rows: readonly BreakdownRowResult[], text: FlowText, share: boolean): ChartOption {
  const years = yearsOf(rows);
  const keys = keysOf(rows, text.label);
  const totals = new Map(years.map((y) => [y, keys.reduce((s, k) => s + (valueOf(rows, y, k.key) ?? 0), 0)]));
  return {
    aria: { enabled: true },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...(text.tooltip ? { formatter: describedTooltip(text.tooltip) } : {}) },
    grid: { left: 8, right: 16, top: 84, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(text.yearLabel) },
    yAxis: share ? { type: 'value', max: 100, name: '%' } : { type: 'value', name: text.unit, minInterval: 1 },
    series: keys.map((k, i) => ({
      type: 'bar' as const,
      name: k.label,
      stack: 'total',
      barMaxWidth: 48,
      itemStyle: { color: colourOf(k.key, i) },
      data: years.map((y) => {
        const row = rowOf(rows, y, k.key);
        const v = row?.value ?? null;
        const total = totals.get(y) ?? 0;
        const shown = v === null ? '-' : !share ? v : total ? Math.round((v / total) * 1000) / 10 : '-';
        return basisBar(shown, row, text, {});
      }),
    })),
  };
}

export function stackedTable(rows: readonly BreakdownRowResult[], text: FlowText, yearColumn: string): DataTable {
  const years = yearsOf(rows);
  const keys = keysOf(rows, text.label);
  return { columns: [yearColumn, ...keys.map((k) => k.label)], rows: years.map((y) => [y, ...keys.map((k) => valueOf(rows, y, k.key))]) };
}

export interface FlowInput {
  outcomes: readonly BreakdownRowResult[];
  reasons: Readonly<Record<ReasonGroup, readonly BreakdownRowResult[]>>;
}

interface SankeyNode {
  name: string;
  label: string;
  itemStyle?: { color: string };
  /** The breakdown row the node's figure is (none for the applications handled). */
  row?: BreakdownRowResult;
}
interface SankeyLink {
  source: string;
  target: string;
  value: number;
}

/**
 * Applications handled → outcome groups → reasons, for one year. Node names are ids (reason keys can repeat
 * a word across groups, e.g. 其他); labels are what is shown. Empty flows are left out.
 */
export function flowGraph(input: FlowInput, year: number, text: FlowText): { nodes: SankeyNode[]; links: SankeyLink[] } {
  const nodes: SankeyNode[] = [{ name: 'handled', label: text.handled, itemStyle: { color: '#1f4e79' } }];
  const links: SankeyLink[] = [];
  keysOf(input.outcomes, text.label).forEach((o, i) => {
    const row = rowOf(input.outcomes, year, o.key);
    const value = row?.value;
    if (!row || !value || value <= 0) return;
    const id = `outcome:${o.key}`;
    nodes.push({ name: id, label: o.label, itemStyle: { color: colourOf(o.key, i) }, row });
    links.push({ source: 'handled', target: id, value });
    const group = outcomeGroupOf(o.key);
    if (!group || !(REASON_GROUPS as readonly string[]).includes(group)) return;
    const reasons = input.reasons[group as ReasonGroup];
    for (const r of keysOf(reasons, text.label)) {
      const reasonRow = rowOf(reasons, year, r.key);
      const rv = reasonRow?.value;
      if (!reasonRow || !rv || rv <= 0) continue;
      const rid = `reason:${group}:${r.key}`;
      nodes.push({ name: rid, label: r.label, itemStyle: { color: colourOf(o.key, i) }, row: reasonRow });
      links.push({ source: id, target: rid, value: rv });
    }
  });
  return { nodes, links };
}

export function buildSankeyOption(input: FlowInput, year: number, text: FlowText): ChartOption {
  const { nodes, links } = flowGraph(input, year, text);
  const labelOf = new Map(nodes.map((n) => [n.name, n.label]));
  const rowOfNode = new Map(nodes.map((n) => [n.name, n.row]));
  const label = (name: string | undefined) => escapeHtml(labelOf.get(name ?? '') ?? '');
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      // A flow is the figure of the part it flows into: its basis is that row's.
      formatter: (p) => {
        const item = p as unknown as { dataType?: string; data: { source?: string; target?: string; name?: string; value?: number }; value?: number };
        if (item.dataType === 'edge') {
          return `${label(item.data.source)} → ${label(item.data.target)}: ${item.data.value} ${text.unit}${basisLines(rowOfNode.get(item.data.target ?? ''), text)}`;
        }
        return `${label(item.data.name)}: ${item.value ?? ''} ${text.unit}${basisLines(rowOfNode.get(item.data.name ?? ''), text)}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 210,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        // Outcomes stay in the middle column even when nothing flows on from them (予以公开).
        nodeAlign: 'left',
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.35 },
        // long reason names (2021's （六）1–2) are cut to the space right of the last column; the tooltip has them whole
        label: { formatter: (p) => labelOf.get(String((p as { name?: string }).name)) ?? '', width: 200, overflow: 'truncate' },
        data: nodes.map(({ name, itemStyle }) => ({ name, itemStyle })),
        links,
      },
    ],
  };
}

export function flowTable(input: FlowInput, year: number, text: FlowText, columns: [string, string, string]): DataTable {
  const { nodes, links } = flowGraph(input, year, text);
  const labelOf = new Map(nodes.map((n) => [n.name, n.label]));
  return { columns: [...columns], rows: links.map((l) => [labelOf.get(l.source) ?? l.source, labelOf.get(l.target) ?? l.target, l.value]) };
}

/** The reasons behind each kind of refusal in one year, as nested rectangles sized by count. */
export function buildTreemapOption(input: FlowInput, year: number, text: FlowText): ChartOption {
  const children = keysOf(input.outcomes, text.label)
    .map((o, i) => {
      const group = outcomeGroupOf(o.key);
      if (!group || !(REASON_GROUPS as readonly string[]).includes(group)) return null;
      const reasons = input.reasons[group as ReasonGroup];
      const leaves = keysOf(reasons, text.label)
        .map((r) => ({ name: r.label, value: valueOf(reasons, year, r.key) ?? 0, row: rowOf(reasons, year, r.key) }))
        .filter((l) => l.value > 0);
      if (!leaves.length) return null;
      return { name: o.label, itemStyle: { color: colourOf(o.key, i) }, row: rowOf(input.outcomes, year, o.key), children: leaves };
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  return {
    aria: { enabled: true },
    tooltip: {
      formatter: (p) => {
        const item = p as { name: string; value: number; data?: { row?: BreakdownRowResult | null } };
        return `${escapeHtml(item.name)}: ${item.value} ${text.unit}${basisLines(item.data?.row, text)}`;
      },
    },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        top: 8,
        left: 8,
        right: 8,
        bottom: 8,
        label: { show: true, formatter: '{b}\n{c}' },
        upperLabel: { show: true, height: 22 },
        levels: [{ itemStyle: { borderWidth: 0, gapWidth: 4 } }, { itemStyle: { gapWidth: 1, borderColorSaturation: 0.7 }, colorSaturation: [0.35, 0.6] }],
        data: children,
      },
    ],
  };
}

export interface AgencyStack {
  agencyId: string;
  name: string;
}

/**
 * Per agency in one year: stacked bars of the breakdown's keys, agencies by total (largest first; the top
 * BAR_LIMIT — the data export has them all), a zoom window beyond 30.
 */
export function buildAgencyStackOption(
  rows: readonly BreakdownRowResult[],
  agencies: readonly AgencyStack[],
  year: number,
  text: FlowText,
  share: boolean,
): ChartOption {
  const keys = keysOf(rows, text.label);
  const byAgency = new Map<string, Map<string, BreakdownRowResult>>();
  for (const r of rows) {
    if (r.year !== year || r.agencyId === null) continue;
    const m = byAgency.get(r.agencyId) ?? new Map<string, BreakdownRowResult>();
    m.set(r.key, r);
    byAgency.set(r.agencyId, m);
  }
  const total = (id: string) => [...(byAgency.get(id)?.values() ?? [])].reduce<number>((s, r) => s + (r.value ?? 0), 0);
  const ordered = agencies
    .filter((a) => byAgency.has(a.agencyId))
    .sort((a, b) => total(b.agencyId) - total(a.agencyId))
    .slice(0, BAR_LIMIT);
  const window = 30;
  return {
    aria: { enabled: true },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...(text.tooltip ? { formatter: describedTooltip(text.tooltip) } : {}) },
    grid: { left: 8, right: 16, top: 84, bottom: ordered.length > window ? 48 : 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: ordered.map((a) => a.name),
      axisLabel: { interval: 0, rotate: ordered.length > 6 ? 30 : 0, width: 140, overflow: 'truncate' },
    },
    yAxis: share ? { type: 'value', max: 100, name: '%' } : { type: 'value', name: text.unit, minInterval: 1 },
    dataZoom: ordered.length > window ? [{ type: 'slider', startValue: 0, endValue: window - 1, height: 18, bottom: 8 }] : [],
    series: keys.map((k, i) => ({
      type: 'bar' as const,
      name: k.label,
      stack: 'total',
      barMaxWidth: 36,
      itemStyle: { color: colourOf(k.key, i) },
      // A doubtful part is hatched as the overview's ranking hatches a doubtful bar.
      data: ordered.map((a) => {
        const row = byAgency.get(a.agencyId)?.get(k.key) ?? null;
        const v = row?.value ?? null;
        const t = total(a.agencyId);
        const value = v === null ? '-' : share ? (t ? Math.round((v / t) * 1000) / 10 : '-') : v;
        return basisBar(value, row, text, { agencyId: a.agencyId, name: a.name });
      }),
    })),
  };
}

export function agencyStackTable(
  rows: readonly BreakdownRowResult[],
  agencies: readonly AgencyStack[],
  year: number,
  text: FlowText,
  agencyColumn: string,
): DataTable {
  const keys = keysOf(rows, text.label);
  const present = new Set(rows.filter((r) => r.year === year).map((r) => r.agencyId));
  return {
    columns: [agencyColumn, ...keys.map((k) => k.label)],
    rows: agencies.filter((a) => present.has(a.agencyId)).map((a) => [a.name, ...keys.map((k) => valueOf(rows, year, k.key, a.agencyId))]),
  };
}
