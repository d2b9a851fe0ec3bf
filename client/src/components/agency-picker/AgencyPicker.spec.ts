import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { mountInApp } from '../../../test/mount';
import { EMPTY_SELECTION, type AgencySelectionFilter } from '../../filters/dashboard-filters';
import AgencyPicker from './AgencyPicker.vue';

type Body = { query: string; variables: Record<string, unknown> };
const node = (id: string, name: string, kind: string, childCount = 0, parentId: string | null = null) => ({
  id,
  name,
  kind,
  level: 'county',
  parentId,
  childCount,
  reportCount: 2,
});

/** The API's agency tree and search, as the server answers them (a small registry). */
function stubApi() {
  const asked: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      asked.push(body);
      let data: unknown = null;
      if (body.query.includes('agencyTree')) {
        data = {
          agencyTree:
            body.variables.parentId === '5'
              ? [node('6', '沭阳县发展和改革局', 'department', 0, '5'), node('11', '沭阳县教育局', 'department', 0, '5')]
              : [node('5', '沭阳县人民政府', 'government', 2), node('9', '平潭综合实验区', 'government')],
        };
      } else if (body.query.includes('agencies(')) {
        data = { agencies: { total: 1, items: [{ id: '4', name: '淮安市洪泽区人民政府' }] } };
      } else if (body.query.includes('AgencyNames')) {
        data = { a0: { id: '4', name: '淮安市洪泽区人民政府' } };
      }
      return new Response(JSON.stringify({ data }), { status: 200 });
    }),
  );
  return asked;
}

function host(initial: AgencySelectionFilter = EMPTY_SELECTION) {
  const selection = ref<AgencySelectionFilter>(initial);
  const Host = defineComponent({
    setup: () => () => h(AgencyPicker, { modelValue: selection.value, 'onUpdate:modelValue': (v: AgencySelectionFilter) => (selection.value = v) }),
  });
  return { Host, selection };
}

afterEach(() => vi.unstubAllGlobals());

describe('agency picker', () => {
  it('browses the tree (children load on opening) and chooses agencies with their checkboxes', async () => {
    const asked = stubApi();
    const { Host, selection } = host();
    const { wrapper } = await mountInApp(Host, { attachTo: document.body });
    expect(wrapper.get('button[aria-expanded]').text()).toContain('全部机关');

    await wrapper.get('button[aria-expanded]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="dialog"]').attributes('aria-label')).toBe('选择机关');
    expect(wrapper.findAll('label').map((l) => l.text())).toEqual(
      expect.arrayContaining([expect.stringContaining('沭阳县人民政府'), expect.stringContaining('平潭综合实验区')]),
    );

    await wrapper.get('button[aria-label="展开 沭阳县人民政府"]').trigger('click');
    await flushPromises();
    expect(asked.some((b) => b.query.includes('agencyTree') && b.variables.parentId === '5')).toBe(true);
    await wrapper.get('#agency-node-6').setValue(true);
    await wrapper.get('#agency-node-9').setValue(true);
    expect(selection.value.agencyIds).toEqual(['6', '9']);
    expect(wrapper.get('button[aria-expanded]').text()).toContain('已选 2 个机关');

    await wrapper.get('#agency-node-6').setValue(false);
    expect(selection.value.agencyIds).toEqual(['9']);
    wrapper.unmount();
  });

  it('takes all departments of a government in one click', async () => {
    stubApi();
    const { Host, selection } = host({ ...EMPTY_SELECTION, agencyIds: ['9'] });
    const { wrapper } = await mountInApp(Host, { attachTo: document.body });
    await wrapper.get('button[aria-expanded]').trigger('click');
    await flushPromises();
    await wrapper.get('button[aria-label="选择沭阳县人民政府的全部部门"]').trigger('click');
    expect(selection.value).toEqual({ ...EMPTY_SELECTION, parentId: '5', kinds: ['department'] });
    await flushPromises();
    expect(wrapper.get('button[aria-expanded]').text()).toContain('沭阳县人民政府的全部部门');
    wrapper.unmount();
  });

  it('finds agencies by name, and names a chosen agency that came in a shared link', async () => {
    vi.useFakeTimers();
    try {
      stubApi();
      const { Host, selection } = host({ ...EMPTY_SELECTION, agencyIds: ['4'] });
      const { wrapper } = await mountInApp(Host, { attachTo: document.body });
      await vi.runAllTimersAsync();
      await flushPromises();
      // the id from the URL is shown by its name
      expect(wrapper.get('[aria-label="已选机关"]').text()).toContain('淮安市洪泽区人民政府');

      await wrapper.get('button[aria-expanded]').trigger('click');
      await wrapper.get('input[type="search"]').setValue('洪泽');
      await vi.advanceTimersByTimeAsync(250);
      await flushPromises();
      const result = wrapper.findAll('[role="dialog"] li label').find((l) => l.text() === '淮安市洪泽区人民政府')!;
      expect(result.get('input').element.checked).toBe(true);
      await result.get('input').setValue(false);
      expect(selection.value.agencyIds).toEqual([]);
      wrapper.unmount();
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a government and everything under it in one click', async () => {
    stubApi();
    const { Host, selection } = host();
    const { wrapper } = await mountInApp(Host, { attachTo: document.body });
    await wrapper.get('button[aria-expanded]').trigger('click');
    await flushPromises();
    await wrapper.get('button[aria-label="选择沭阳县人民政府及下属全部机关"]').trigger('click');
    expect(selection.value).toEqual({ ...EMPTY_SELECTION, parentId: '5', includeDescendants: true });
    await flushPromises();
    expect(wrapper.get('button[aria-expanded]').text()).toContain('沭阳县人民政府及下属全部机关');
    expect(wrapper.get('button[aria-label="选择沭阳县人民政府及下属全部机关"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.get('button[aria-label="选择沭阳县人民政府的全部部门"]').attributes('aria-pressed')).toBe('false');
    wrapper.unmount();
  });

  it('chooses every government of a level at once, and a second click takes it back', async () => {
    stubApi();
    const { Host, selection } = host();
    const { wrapper } = await mountInApp(Host, { attachTo: document.body });
    await wrapper.get('button[aria-expanded]').trigger('click');
    await flushPromises();
    const cities = wrapper.findAll('[role="group"] button').find((b) => b.text() === '全部市级政府')!;
    await cities.trigger('click');
    expect(selection.value).toEqual({ ...EMPTY_SELECTION, kinds: ['government'], levels: ['city'] });
    await flushPromises();
    expect(wrapper.get('button[aria-expanded]').text()).toContain('全部市级政府');
    await cities.trigger('click');
    expect(selection.value).toEqual(EMPTY_SELECTION);
    wrapper.unmount();
  });
});
