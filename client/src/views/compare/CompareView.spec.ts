import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import CompareView from './CompareView.vue';

type Body = { query: string; variables: Record<string, unknown> };

/** The API answering the compare query with one county department's value, recording the selection it was asked for. */
function stubCompare() {
  const asked: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body)) as Body;
      if (!query.includes('compare(')) return new Response(JSON.stringify({ data: {} }));
      asked.push(variables.selection as Record<string, unknown>);
      const value = {
        agencyId: '31',
        year: 2024,
        metric: 'applications.handled',
        value: 12,
        numerator: 12,
        denominator: null,
        reportId: '301',
        quality: 'VERIFIED',
        scope: 'self',
        printedValue: 12,
        partsValue: 12,
        evidence: [],
      };
      return new Response(JSON.stringify({ data: { compare: { agencies: [{ id: '31', name: '某县教育局' }], years: [2024], values: [value] } } }));
    }),
  );
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('the compare page', () => {
  it('exports the agencies it shows: the export link carries the selection the page queried', async () => {
    const asked = stubCompare();
    // Charts need a canvas, which jsdom lacks: the card is stubbed.
    const { wrapper, router } = await mountInApp(CompareView, { global: { stubs: { ChartCard: true } } });
    // Every department at county level anywhere under government 7, as a shared link opens it.
    await router.push('/compare?parent=7&descendants=1&kinds=department&levels=county&years=2024&metrics=applications.handled');
    await flushPromises();

    expect(asked.at(-1)).toEqual({ parentId: '7', includeDescendants: true, kinds: ['department'], levels: ['county'] });
    const href = wrapper.get('a.tool-button[href^="/api/exports/comparison.xlsx"]').attributes('href')!;
    expect(Object.fromEntries(new URL(href, 'http://x').searchParams)).toEqual({
      parentId: '7',
      includeDescendants: 'true',
      kinds: 'department',
      levels: 'county',
      years: '2024',
      metrics: 'applications.handled',
      lang: 'zh',
    });
  });

  it('with nothing chosen, queries and exports the governments only, as its notice says', async () => {
    const asked = stubCompare();
    const { wrapper, router } = await mountInApp(CompareView, { global: { stubs: { ChartCard: true } } });
    await router.push('/compare?years=2024&metrics=applications.handled');
    await flushPromises();

    expect(asked.at(-1)).toEqual({ kinds: ['government'] });
    const href = wrapper.get('a.tool-button[href^="/api/exports/comparison.xlsx"]').attributes('href')!;
    expect(new URL(href, 'http://x').searchParams.get('kinds')).toBe('government');
  });
});
