/**
 * The one place ECharts parts are registered. Add a chart type or component here when a chart needs it;
 * never import `echarts` itself (that pulls in every chart). The flow charts (sankey, treemap) of the
 * outcomes page register in `echarts-flows.ts`, loaded by `useECharts` only for an option that draws them.
 * Only `useECharts` imports this module's values, and dynamically: the page draws itself first, ECharts
 * loads and evaluates in a task of its own. Elsewhere import its types only.
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type AriaComponentOption,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { SankeySeriesOption, TreemapSeriesOption } from 'echarts/charts';
import { compactAxisNumber } from '../metrics/metric-format';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

/** The product's theme: defaults every chart shares unless its option says otherwise. */
export const THEME = 'ogi';
const axisLabel = {
  // Labels that would run into each other (narrow screens, long names) are left out rather than overlapped.
  hideOverlap: true,
};
echarts.registerTheme(THEME, {
  categoryAxis: { axisLabel },
  valueAxis: {
    axisLabel: {
      ...axisLabel,
      // The page's language (set on <html> by the app): 1.2万 in Chinese, 12K in English.
      formatter: (value: number) => compactAxisNumber(value, document.documentElement.lang || 'zh-CN'),
    },
  },
});

/** An option object limited to the parts registered here and in `echarts-flows.ts`. */
export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | SankeySeriesOption
  | TreemapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

export { echarts };
