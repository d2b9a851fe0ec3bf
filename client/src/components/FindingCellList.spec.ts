import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { mountInApp } from '../../test/mount';
import FindingCellList from './FindingCellList.vue';

const cells = [
  'applications.newReceived.total',
  'applications.carriedOver.total',
  'applications.handled.total',
  'applications.granted.total',
  'applications.carriedForward.total',
];

describe('the cells a finding points at', () => {
  it("shows the first few through the caller's slot and counts the rest", async () => {
    const { wrapper } = await mountInApp(FindingCellList, {
      props: { cells, max: 3 },
      slots: { default: ({ path }: { path: string }) => h('a', { class: 'cell' }, path) },
    });
    expect(wrapper.findAll('a.cell').map((a) => a.text())).toEqual(cells.slice(0, 3));
    expect(wrapper.findAll('li').at(-1)!.text()).toBe('+2');
  });

  it('says so when the finding names no cell', async () => {
    const { wrapper } = await mountInApp(FindingCellList, { props: { cells: [] } });
    expect(wrapper.find('ul').exists()).toBe(false);
    expect(wrapper.text()).toBe('不涉及表格单元格');
  });
});
