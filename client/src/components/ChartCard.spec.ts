import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../test/mount';
import ChartCard from './ChartCard.vue';

/** The ECharts chunk as a browser without a connection sees it: every fetch of it fails. */
const chunk = vi.hoisted(() => ({ fetches: 0 }));
vi.mock('../composables/echarts', () => {
  chunk.fetches++;
  throw new TypeError('Failed to fetch dynamically imported module: /assets/echarts.js');
});

const TABLE = { columns: ['机关', '件数'], rows: [['甲局', 12]] };
const OPTION = { series: [{ type: 'bar' as const, data: [12] }] };

afterEach(() => vi.unstubAllGlobals());

describe('a chart whose ECharts chunk cannot be loaded', () => {
  it('says so with a retry instead of a blank area, and keeps the data table and its exports', async () => {
    const { wrapper } = await mountInApp(ChartCard, { props: { title: '申请量', option: OPTION, table: TABLE } });
    await flushPromises();
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('图表组件加载失败');
    expect(alert.text()).toContain('网络');
    expect(wrapper.find('[role="img"]').isVisible()).toBe(false);
    expect(wrapper.get('button[aria-label^="导出图片 PNG"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('button[aria-label^="导出数据 CSV"]').attributes('disabled')).toBeUndefined();

    await wrapper
      .findAll('button')
      .find((b) => b.text() === '表格')!
      .trigger('click');
    expect(wrapper.get('table').text()).toContain('甲局');
  });

  it('fetches the chunk again on retry, and after a second failure offers to reload the page', async () => {
    const { wrapper } = await mountInApp(ChartCard, { props: { title: '申请量', option: OPTION, table: TABLE } });
    await flushPromises();
    const before = chunk.fetches;
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(chunk.fetches).toBeGreaterThan(before);
    expect(wrapper.get('[role="alert"]').text()).toContain('刷新页面');
  });

  it('shows a data error with its own retry', async () => {
    const { wrapper } = await mountInApp(ChartCard, { props: { title: '申请量', option: null, table: TABLE, errorText: '无法连接服务器' } });
    await wrapper.get('[role="alert"] button').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });
});
