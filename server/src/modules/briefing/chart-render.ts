/**
 * Charts for documents: an option from @ogi/charts (the dashboard's own builders) rendered on the server by
 * ECharts' SSR SVG renderer, then to PNG with resvg for Word. Chinese text needs a CJK font on the machine: the
 * WenQuanYi Zen Hei font (`apt-get install -y fonts-wqy-zenhei`; see docs/briefing.md); without it resvg draws boxes.
 */
import { Resvg } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

// The same parts the dashboard registers for these options (`grid.containLabel` needs LegacyGridContainLabel in ECharts 6).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, LegacyGridContainLabel, SVGRenderer]);

export const DOCUMENT_CHART_FONT = 'WenQuanYi Zen Hei';

/** The option as an SVG string (`width` × `height` CSS pixels). */
export function renderChartSvg(option: object, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option as echarts.EChartsCoreOption);
    return chart.renderToSVGString();
  } finally {
    // An undisposed SSR chart keeps timers alive (the process would not exit).
    chart.dispose();
  }
}

/** The option as a PNG at twice the size, sharp when printed. */
export function renderChartPng(option: object, width: number, height: number): Buffer {
  const svg = renderChartSvg(option, width, height);
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: DOCUMENT_CHART_FONT },
  }).render();
  return png.asPng();
}
