/**
 * The outcomes bar chart: one bar per outcome group of 三、本年度办理结果, from the total column.
 * Group totals come from the shared metric dictionary (outcomes.<group>), so the chart and every metric
 * the product shows agree; a group with a blank cell has no total (blank is not zero) and gets no bar.
 */
import { METRIC_BY_CODE, OUTCOME_GROUP_LABELS, TEMPLATES, type OutcomeGroup, type Template } from '@ogi/domain';
import { OUTCOME_COLOURS } from '../../composables/chart-palette';
import type { ChartOption } from '../../composables/echarts';
import type { Bilingual } from '../../composables/use-i18n';
import { type ApplicationRowResult } from '../../graphql/api';

export const OUTCOME_GROUPS = Object.keys(OUTCOME_GROUP_LABELS) as OutcomeGroup[];

export interface OutcomeTotal {
  group: OutcomeGroup;
  /** Σ of the group's rows in the total column; null when a cell it needs is blank. */
  value: number | null;
}

export function outcomeTotals(rows: readonly ApplicationRowResult[], template: string): OutcomeTotal[] {
  const applications = Object.fromEntries(rows.map((r) => [r.key, r.values]));
  const t = (TEMPLATES as readonly string[]).includes(template) ? (template as Template) : null;
  const input = { template: t, applications, reviewLitigation: {}, activeDisclosure: {} };
  return OUTCOME_GROUPS.map((group) => ({ group, value: METRIC_BY_CODE.get(`outcomes.${group}`)?.compute(input).value ?? null }));
}

export interface OutcomesChartText {
  /** Names the series in the tooltip, e.g. 件. */
  unit: string;
  /** Shown under a category whose total cannot be computed. */
  incomplete: string;
  /** The label of a group in the current language. */
  groupLabel: (group: Bilingual) => string;
}

/**
 * Horizontal bars, top to bottom in printed order, so long group names (in either language) stay readable
 * in a narrow card.
 */
export function buildOutcomesChartOption(totals: readonly OutcomeTotal[], text: OutcomesChartText): ChartOption {
  const categories = totals.map(({ group, value }) => {
    const name = text.groupLabel(OUTCOME_GROUP_LABELS[group]);
    return value === null ? `${name}\n(${text.incomplete})` : name;
  });
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (v === '-' || v == null ? '' : `${String(v)} ${text.unit}`),
    },
    yAxis: { type: 'category', inverse: true, data: categories, axisTick: { show: false } },
    xAxis: { type: 'value', minInterval: 1, name: text.unit, nameLocation: 'middle', nameGap: 24 },
    series: [
      {
        type: 'bar',
        name: text.unit,
        barMaxWidth: 28,
        label: { show: true, position: 'right' },
        data: totals.map(({ group, value }) => ({ value: value ?? '-', itemStyle: { color: OUTCOME_COLOURS[group] } })),
      },
    ],
  };
}
