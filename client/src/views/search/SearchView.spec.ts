import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import SearchView from './SearchView.vue';

afterEach(() => vi.unstubAllGlobals());

describe('the search page', () => {
  it('asks the server for the words of the address and shows each hit’s sentence, the words marked, linking the report', async () => {
    const bodies: { variables: Record<string, unknown> }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(String(init.body)) as { variables: Record<string, unknown> });
        const hit = {
          snippet: '…上一年度。本机关推进依申请公开工作规范化建设，流程优化。下一…',
          offset: 120,
          report: { id: '42', year: 2023, scope: 'self', agency: { id: '7', name: '甲市乙区教育局' } },
        };
        return new Response(JSON.stringify({ data: { searchReports: { total: 1, items: [hit] } } }), { status: 200 });
      }),
    );
    const { wrapper, router } = await mountInApp(SearchView);
    await router.push({ name: 'search', query: { q: '规范化' } });
    await flushPromises();
    expect(bodies.at(-1)!.variables).toEqual({ query: '规范化', take: 20, skip: 0 });
    expect(wrapper.get('[role="status"]').text()).toBe('共 1 份年报包含“规范化”');
    const hit = wrapper.get('li');
    expect(hit.get('a').attributes('href')).toBe('/reports/42');
    expect(hit.get('a').text()).toContain('甲市乙区教育局');
    expect(hit.get('blockquote').text()).toBe('本机关推进依申请公开工作规范化建设，流程优化。');
    expect(hit.findAll('mark').map((m) => m.text())).toEqual(['规范化']);
  });

  it('asks nothing without words', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router } = await mountInApp(SearchView);
    await router.push({ name: 'search' });
    await flushPromises();
    expect(fetch).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('在所有机关当前版本年报的全文中查找词句');
  });
});
