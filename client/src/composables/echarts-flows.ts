/** Sankey and treemap: registered only by the page that draws flows (loaded with it, not with the first page). */
import { SankeyChart, TreemapChart } from 'echarts/charts';
import { echarts } from './echarts';

echarts.use([SankeyChart, TreemapChart]);
