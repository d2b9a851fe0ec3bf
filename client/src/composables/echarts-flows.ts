/**
 * Sankey and treemap: registered only when a chart that draws flows is shown (`useECharts` loads this module for
 * an option with such series), so the first page does not carry them.
 */
import { SankeyChart, TreemapChart } from 'echarts/charts';
import { echarts } from './echarts';

echarts.use([SankeyChart, TreemapChart]);

export { echarts };
