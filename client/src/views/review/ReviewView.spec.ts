import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import ReviewView from './ReviewView.vue';

type Body = { query: string; variables: Record<string, unknown> };
type Asked = { operation: string; variables: Record<string, unknown> };

const agency = (id: string, name: string) => ({ id, name });
/** A county department's administrative reviews of 2024 (the rest of its metrics are not needed to sort or show it). */
const reviews = (agencyId: string, value: number | null) => ({
  agencyId,
  year: 2024,
  metric: 'review.total',
  value,
  numerator: value,
  denominator: null,
  reportId: value === null ? null : `r${agencyId}`,
  quality: value === null ? 'UNVERIFIABLE' : 'VERIFIED',
  scope: 'self',
  printedValue: value,
  partsValue: value,
  evidence: [],
});

/**
 * The API as the review page meets it at province scale: 250 agencies, of which the server sends the page asked
 * for (here always the same two, in the order the server sorted them), and every agency only when the whole table
 * is asked for. Records each operation and its variables.
 */
function stubApi() {
  const asked: Asked[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body)) as Body;
      const operation = /query (\w+)/.exec(query)?.[1] ?? '?';
      asked.push({ operation, variables });
      if (operation === 'ComparePage') {
        // Sorted by the server: 乙 (9 reviews) before 甲 (2), though 甲 comes first by name.
        const agencies = [agency('2', '乙县民政局'), agency('1', '甲县教育局')];
        return Response.json({ data: { compare: { agencyCount: 250, agencies, values: [reviews('2', 9), reviews('1', 2)] } } });
      }
      if (operation === 'Compare') {
        // Every agency, by name: 甲 2, 乙 9, 丙 without a value.
        const agencies = [agency('1', '甲县教育局'), agency('2', '乙县民政局'), agency('3', '丙县公安局')];
        return Response.json({ data: { compare: { years: [2024], agencies, values: [reviews('1', 2), reviews('2', 9), reviews('3', null)] } } });
      }
      if (operation === 'ReviewOutcomes') return Response.json({ data: { review: [], litigation: [] } });
      if (operation === 'ReviewRates') return Response.json({ data: { review: [], litigation: [] } });
      return Response.json({ data: {} });
    }),
  );
  return asked;
}

const pages = (asked: Asked[]) => asked.filter((a) => a.operation === 'ComparePage').map((a) => a.variables);

afterEach(() => vi.unstubAllGlobals());

async function mountReview() {
  const asked = stubApi();
  // Charts need a canvas, which jsdom lacks: the card is stubbed.
  const mounted = await mountInApp(ReviewView, { global: { stubs: { ChartCard: true } } });
  await mounted.router.push('/review?year=2024');
  await flushPromises();
  return { asked, ...mounted };
}

describe('the review page’s per-agency table', () => {
  it('asks the server for one page sorted by reviews, largest first, and never for the whole table while loading', async () => {
    const { asked, wrapper } = await mountReview();

    expect(pages(asked).at(-1)).toMatchObject({
      years: [2024],
      sortMetric: 'review.total',
      sortYear: 2024,
      sortDirection: 'DESC',
      take: 100,
      skip: 0,
    });
    expect(asked.some((a) => a.operation === 'Compare')).toBe(false);
    // The rows in the server's order, not re-sorted here.
    const names = wrapper.findAll('tbody th[scope="row"]').map((th) => th.text());
    expect(names).toEqual(['乙县民政局', '甲县教育局']);
    expect(wrapper.text()).toContain('共 250 个机关，每页 100 个');
  });

  it('a header click and the pager ask the server for another order and page', async () => {
    const { asked, wrapper, router } = await mountReview();

    await wrapper.get('thead button.data-grid__sort').trigger('click'); // the agency column
    await flushPromises();
    expect(router.currentRoute.value.query['sort']).toBe('agency:asc');
    expect(pages(asked).at(-1)).toMatchObject({ sortMetric: null, sortYear: null, sortDirection: 'ASC', skip: 0 });

    await wrapper.get('nav.pager').findAll('button').at(1)!.trigger('click'); // next page
    await flushPromises();
    expect(wrapper.get('nav.pager').text()).toContain('第 2 页，共 3 页');
    expect(pages(asked).at(-1)).toMatchObject({ sortMetric: null, sortDirection: 'ASC', take: 100, skip: 100 });

    // Another sort starts again at the first page.
    await wrapper.findAll('thead button.data-grid__sort').at(1)!.trigger('click'); // 行政复议案件
    await flushPromises();
    expect(pages(asked).at(-1)).toMatchObject({ sortMetric: 'review.total', sortYear: 2024, sortDirection: 'DESC', skip: 0 });
  });

  it('exports every agency, not the page, in the table’s order with the blank last', async () => {
    const { asked, wrapper } = await mountReview();
    // The file the browser would save (jsdom has no downloads).
    const files: Blob[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (b: Blob) => (files.push(b), 'blob:file');
    URL.revokeObjectURL = () => {};
    try {
      await wrapper.get('button[aria-label="导出对比表 CSV"]').trigger('click');
      await flushPromises();
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    }

    expect(asked.filter((a) => a.operation === 'Compare').map((a) => a.variables['years'])).toEqual([[2024]]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(files[0]!);
    });
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.length).toBe(4); // the header and all three agencies
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual([
      ['乙县民政局', '9'],
      ['甲县教育局', '2'],
      ['丙县公安局', ''],
    ]);
  });
});
