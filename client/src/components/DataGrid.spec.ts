import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { mountInApp } from '../../test/mount';
import type { GridColumn, GridRow, GridSort } from './data-grid';
import DataGrid from './DataGrid.vue';

const columns: GridColumn[] = [
  { key: 'agency', label: '机关' },
  { key: 'rate', label: '公开率', numeric: true, metric: 'outcomes.disclosureRate' },
];
const rows: GridRow[] = Array.from({ length: 3000 }, (_, i) => ({
  key: String(i),
  cells: {
    agency: { sort: `机关${String(i).padStart(4, '0')}`, text: `机关${String(i).padStart(4, '0')}` },
    // one blank in the middle: blanks sort last
    rate: i === 1500 ? { sort: null, text: '—' } : { sort: (i * 7919) % 3000, text: String((i * 7919) % 3000) },
  },
}));

/** The grid (of the first `count` rows) with its sort kept by the parent, as the pages keep it in the URL. */
const hostOf = (count: number) =>
  defineComponent({
    setup() {
      const sort = ref<GridSort | null>(null);
      const shown = rows.slice(0, count);
      return () => h(DataGrid, { columns, rows: shown, caption: '对比表', sort: sort.value, 'onUpdate:sort': (s: GridSort | null) => (sort.value = s) });
    },
  });
const Host = hostOf(rows.length);

enableAutoUnmount(afterEach);

describe('data grid', () => {
  it('keeps 3,000 rows smooth: only the rows in view are in the DOM, and screen readers are told the real count', async () => {
    const { wrapper } = await mountInApp(Host);
    const table = wrapper.get('table');
    expect(table.attributes('aria-rowcount')).toBe('3001');
    const rendered = wrapper.findAll('tbody tr[aria-rowindex]');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]!.attributes('aria-rowindex')).toBe('2');

    // Scrolling brings later rows in, at their true position.
    const scroller = wrapper.get('[role="region"]');
    (scroller.element as HTMLElement).scrollTop = 37 * 2000;
    await scroller.trigger('scroll');
    const after = wrapper.findAll('tbody tr[aria-rowindex]');
    const indexes = after.map((r) => Number(r.attributes('aria-rowindex')));
    expect(indexes).toContain(2002);
    expect(
      after
        .find((r) => r.attributes('aria-rowindex') === '2002')!
        .get('th')
        .text(),
    ).toBe('机关2000');
  });

  it('puts every row on paper when the page is printed, and only those in view again afterwards', async () => {
    const { wrapper } = await mountInApp(hostOf(400));
    expect(wrapper.findAll('tbody tr[aria-rowindex]').length).toBeLessThan(60);
    globalThis.dispatchEvent(new Event('beforeprint'));
    await flushPromises();
    expect(wrapper.findAll('tbody tr')).toHaveLength(400);
    expect(wrapper.findAll('tbody tr').at(-1)!.get('th').text()).toBe('机关0399');
    globalThis.dispatchEvent(new Event('afterprint'));
    await flushPromises();
    expect(wrapper.findAll('tbody tr[aria-rowindex]').length).toBeLessThan(60);
  });

  it('sorts by a column when its header is clicked, largest first, blanks last, and says so', async () => {
    const { wrapper } = await mountInApp(Host);
    const header = wrapper.findAll('th[scope="col"]')[1]!;
    expect(header.attributes('aria-sort')).toBe('none');
    await header.get('button').trigger('click');
    await flushPromises();
    expect(header.attributes('aria-sort')).toBe('descending');
    expect(wrapper.findAll('tbody tr[aria-rowindex]')[0]!.findAll('td')[0]!.text()).toBe('2999');

    await header.get('button').trigger('click');
    expect(header.attributes('aria-sort')).toBe('ascending');
    expect(wrapper.findAll('tbody tr[aria-rowindex]')[0]!.findAll('td')[0]!.text()).toBe('0');

    // the blank is last either way
    const scroller = wrapper.get('[role="region"]');
    (scroller.element as HTMLElement).scrollTop = 37 * 3000;
    await scroller.trigger('scroll');
    const last = wrapper.findAll('tbody tr[aria-rowindex]').at(-1)!;
    expect(last.attributes('aria-rowindex')).toBe('3001');
    expect(last.findAll('td')[0]!.text()).toBe('—');
  });

  it('offers the formula of a metric column', async () => {
    const { wrapper } = await mountInApp(Host);
    expect(wrapper.findAll('th[scope="col"]')[1]!.find('button[aria-label="查看“公开率”的公式"]').exists()).toBe(true);
  });

  it("offers a column's action on the cells it allows as a named button, and says which cell was acted on", async () => {
    const actionColumns: GridColumn[] = [
      { key: 'agency', label: '机关' },
      { key: '2023', label: '2023', action: (cell) => (cell.data === 'NOT_CHECKED' ? { symbol: '⚑', label: `标记 ${String(cell.sort)} 为未报送` } : null) },
    ];
    const actionRows: GridRow[] = [
      { key: 'a', cells: { agency: { sort: '甲局', text: '甲局' }, '2023': { sort: 1, text: '未核查', data: 'NOT_CHECKED' } } },
      { key: 'b', cells: { agency: { sort: '乙局', text: '乙局' }, '2023': { sort: 2, text: '按时', data: 'ON_TIME' } } },
    ];
    const seen: { row: string; column: string }[] = [];
    const ActionHost = defineComponent({
      setup: () => () =>
        h(DataGrid, {
          columns: actionColumns,
          rows: actionRows,
          caption: '矩阵',
          onAction: (e: { row: string; column: string }) => seen.push({ row: e.row, column: e.column }),
        }),
    });
    const { wrapper } = await mountInApp(ActionHost);
    const buttons = wrapper.findAll('td button');
    expect(buttons.map((b) => b.attributes('aria-label'))).toEqual(['标记 1 为未报送']);
    await buttons[0]!.trigger('click');
    expect(seen).toEqual([{ row: 'a', column: '2023' }]);
  });

  it('a linked cell opens its page in the app on a click, and is a real link a new tab can open', async () => {
    const linked: GridColumn[] = [
      { key: 'agency', label: '机关' },
      { key: 'n', label: '新收申请', numeric: true, link: (cell) => ({ name: 'report', params: { id: String(cell.data) } }) },
    ];
    const few: GridRow[] = [{ key: '1', cells: { agency: { sort: '甲县教育局' }, n: { sort: 12, data: 301 } } }];
    const { wrapper, router } = await mountInApp(DataGrid, { props: { columns: linked, rows: few, caption: '表' } });
    const link = wrapper.get('td a');
    expect(link.attributes('href')).toBe('/reports/301');
    expect(link.text()).toBe('12');

    // With Ctrl held the browser opens it (a new tab): the app stays where it is.
    await link.trigger('click', { button: 0, ctrlKey: true });
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/');

    await link.trigger('click', { button: 0 });
    // The report page's code loads first.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('report'), { timeout: 10_000 });
    expect(router.currentRoute.value.params['id']).toBe('301');
  });
});
