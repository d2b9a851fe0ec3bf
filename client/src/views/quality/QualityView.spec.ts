import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import QualityView from './QualityView.vue';

/**
 * The quality page at province scale as it meets the API: the tiles from the per-year summary (3 000 agencies ×
 * 2 years), the matrix a page of agencies at a time, sorted and filtered by the server, both in one request. The fake server answers
 * the matrix in an order no client sort would give (so the test sees whether the page keeps the server's order),
 * and records the variables of every matrix request.
 */
const summaryOf = (year: number, counts: Record<string, number>) => ({
  year,
  agencies: 3000,
  onTime: 0,
  late: 0,
  missing: 0,
  notChecked: 0,
  dateUnknown: 0,
  notDue: 0,
  failing: 0,
  publishedNotImported: 0,
  ...counts,
});
const SUMMARY = [
  summaryOf(2023, { onTime: 2400, late: 350, missing: 200, notChecked: 50, failing: 12 }),
  summaryOf(2022, { onTime: 2500, late: 300, missing: 180, dateUnknown: 20, failing: 9 }),
];

const submission = (agencyId: string, name: string, year: number, status: string, daysLate: number | null = null) => ({
  agency: { id: agencyId, name },
  year,
  status,
  reportId: status === 'MISSING' ? null : `r${agencyId}-${year}`,
  publishedOn: null,
  deadline: `${year + 1}-01-31`,
  daysLate,
  failingChecks: 0,
  discovery: status === 'MISSING' ? 'NOT_FOUND' : 'IMPORTED',
  discoveredUrl: null,
  discoveryDetail: null,
  missingMark: null,
});
const row = (agencyId: string, name: string, s2023: string, s2022: string, problems: number) => ({
  agency: { id: agencyId, name },
  problems,
  submissions: [submission(agencyId, name, 2023, s2023, s2023 === 'LATE' ? 30 : null), submission(agencyId, name, 2022, s2022, s2022 === 'LATE' ? 3 : null)],
});

/** Page 1 of the matrix with `count` agencies (for a page as long as the server's). */
const longPage = (count: number) => Array.from({ length: count }, (_, i) => row(String(1000 + i), `第${i + 1}号机关`, 'ON_TIME', 'LATE', 1));

let matrixRequests: Record<string, unknown>[] = [];
/** Every query the page sent. */
let queries: string[] = [];

/** Answers held back until `release()`: what the page asks before any answer has come. */
let held: (() => void)[] = [];
let holding = false;
const release = () => {
  holding = false;
  for (const go of held.splice(0)) go();
};

function answer(pageLength = 3) {
  matrixRequests = [];
  held = [];
  queries = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      const { query, variables } = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
      queries.push(query);
      if (holding) await new Promise<void>((go) => held.push(go));
      if (query.includes('submissionMatrix(')) {
        matrixRequests.push(variables);
        // Page 1 of 2 from the start; page 2 after the cursor "c-100".
        const second = variables.after === 'c-100';
        const nodes = second
          ? [row('9', '丙县人民政府', 'ON_TIME', 'ON_TIME', 0)]
          : pageLength > 3
            ? longPage(pageLength)
            : [row('5', '阿市人民政府', 'ON_TIME', 'ON_TIME', 0), row('7', '乙县人民政府', 'MISSING', 'LATE', 2), row('3', '甲市教育局', 'LATE', 'ON_TIME', 1)];
        return new Response(
          JSON.stringify({
            data: {
              ...(query.includes('submissionSummary(') ? { submissionSummary: SUMMARY } : {}),
              submissionMatrix: {
                nodes,
                pageInfo: { hasNextPage: !second, hasPreviousPage: second, startCursor: second ? 'c-101' : 'c-1', endCursor: second ? 'c-101' : 'c-100' },
                totalCount: 101,
              },
            },
          }),
        );
      }
      if (query.includes('submissions(')) return new Response(JSON.stringify({ data: { submissions: [] } }));
      if (query.includes('dataQuality(')) return new Response(JSON.stringify({ data: { dataQuality: { byRule: [], byAgencyYear: [] } } }));
      if (query.includes('agencyMatchProposals(')) return new Response(JSON.stringify({ data: { agencyMatchProposals: [PROPOSAL] } }));
      return new Response(JSON.stringify({ data: {} }));
    }),
  );
}

/** A name an import did not know, waiting for an editor. */
const PROPOSAL = {
  id: '3',
  printedName: '鄂州市行政审枇局',
  reason: 'typo',
  reportId: '88',
  createdAt: '2026-03-02T08:30:00Z',
  agency: { id: '90', name: '鄂州市行政审枇局' },
  proposedAgency: { id: '7', name: '鄂州市行政审批局' },
};

afterEach(() => vi.unstubAllGlobals());
enableAutoUnmount(afterEach);

async function open(path = '/quality?years=2022,2023', { pageLength = 3, stubs = { ChartCard: true, FindingsPanel: true, AgencyMatchProposals: true } } = {}) {
  answer(pageLength);
  const { wrapper, router } = await mountInApp(QualityView, { global: { stubs } });
  await router.push(path);
  await flushPromises();
  return { wrapper, router };
}

const tile = (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], label: string) =>
  wrapper.findAll('.stat-row button').find((b) => b.find('.stat__label').text() === label)!;
const agencyColumn = (wrapper: Awaited<ReturnType<typeof open>>['wrapper']) => wrapper.findAll('tbody th[scope="row"]').map((th) => th.text());

describe('the quality page at province scale', () => {
  it('shows the summed counts on the tiles with thousands separators', async () => {
    const { wrapper } = await open();
    expect(tile(wrapper, '按时').find('.stat__value').text()).toBe('4,900');
    expect(tile(wrapper, '逾期').find('.stat__value').text()).toBe('650');
    expect(tile(wrapper, '检查未通过').find('.stat__value').text()).toBe('21');
  });

  it('asks for the tiles and the first page of the matrix in one request (one computation of the agency-years on the server)', async () => {
    await open();
    const asked = queries.filter((q) => q.includes('submissionSummary(') || q.includes('submissionMatrix('));
    expect(asked.length).toBeGreaterThan(0);
    // Every request for the tiles is also the request for the matrix, and the other way round.
    for (const q of asked) {
      expect(q).toContain('submissionSummary(');
      expect(q).toContain('submissionMatrix(');
    }
  });

  it("asks for the first page sorted by problems, and shows the agencies in the server's order", async () => {
    const { wrapper } = await open();
    expect(matrixRequests.at(-1)).toMatchObject({ years: [2022, 2023], filter: null, sortBy: 'PROBLEMS', sortYear: null, sortDirection: 'DESC', first: 100 });
    // Sorted in the browser by problems, 阿市 (0) would come last: the page keeps the server's order.
    expect(agencyColumn(wrapper)).toEqual(['阿市人民政府', '乙县人民政府', '甲市教育局']);
    expect(wrapper.text()).toContain('第 1–3 个机关，共 101 个');
  });

  it('a tile filters the matrix on the server, and a second click shows everyone again', async () => {
    const { wrapper, router } = await open();
    await tile(wrapper, '逾期').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.status).toBe('LATE');
    expect(matrixRequests.at(-1)).toMatchObject({ filter: 'LATE', first: 100, after: null });
    expect(tile(wrapper, '逾期').attributes('aria-pressed')).toBe('true');
    await tile(wrapper, '检查未通过').trigger('click');
    await flushPromises();
    expect(matrixRequests.at(-1)).toMatchObject({ filter: 'FAILING' });
    await tile(wrapper, '检查未通过').trigger('click');
    await flushPromises();
    expect(matrixRequests.at(-1)).toMatchObject({ filter: null });
  });

  it("sorting a year's column asks the server for that order, worst first", async () => {
    const { wrapper, router } = await open();
    const header = wrapper.findAll('thead th button').find((b) => b.text().startsWith('2023'))!;
    await header.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.sort).toBe('2023:desc');
    expect(matrixRequests.at(-1)).toMatchObject({ sortBy: 'YEAR', sortYear: 2023, sortDirection: 'DESC', after: null });
    const name = wrapper.findAll('thead th button').find((b) => b.text().startsWith('机关'))!;
    await name.trigger('click');
    await flushPromises();
    expect(matrixRequests.at(-1)).toMatchObject({ sortBy: 'AGENCY', sortDirection: 'ASC' });
  });

  it('pages forward by cursor and back, and a new sort starts again at the first page', async () => {
    const { wrapper } = await open();
    const button = (label: string) => wrapper.findAll('nav button').find((b) => b.text() === label)!;
    await button('下一页').trigger('click');
    await flushPromises();
    expect(matrixRequests.at(-1)).toMatchObject({ first: 100, after: 'c-100' });
    expect(agencyColumn(wrapper)).toEqual(['丙县人民政府']);
    expect(wrapper.text()).toContain('第 4–4 个机关，共 101 个');
    await button('上一页').trigger('click');
    await flushPromises();
    expect(matrixRequests.at(-1)).toMatchObject({ last: 100, before: 'c-101' });
    await button('下一页').trigger('click');
    await flushPromises();
    const header = wrapper.findAll('thead th button').find((b) => b.text().startsWith('问题数'))!;
    await header.trigger('click');
    await flushPromises();
    expect(matrixRequests.at(-1)).toMatchObject({ sortBy: 'PROBLEMS', sortDirection: 'ASC', first: 100, after: null });
  });

  it('asks for the names waiting for an editor itself, with its first requests, before the section showing them has loaded', async () => {
    holding = true;
    // The section is a stand-in here: only the page can have asked.
    await open();
    const operation = (q: string) => /query (\w+)/.exec(q)?.[1];
    // Nothing has been answered yet: every request the page needs has gone out already.
    expect(queries.map(operation)).toEqual(expect.arrayContaining(['DataQuality', 'AgencyMatchProposals', 'SubmissionMatrix']));
    release();
  });

  it('lists the names waiting for an editor, asked once', async () => {
    const { wrapper } = await open('/quality?years=2022,2023', { stubs: { ChartCard: true, FindingsPanel: true } as never });
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.text()).toContain('鄂州市行政审批局');
    }, 10_000);
    expect(queries.filter((q) => q.includes('agencyMatchProposals(')).length).toBe(1);
  });

  it('renders the rows of a long page in view, and the others as they scroll in', async () => {
    const { wrapper } = await open('/quality?years=2022,2023', { pageLength: 100 });
    expect(wrapper.get('table').attributes('aria-rowcount')).toBe('101');
    const rendered = () => wrapper.findAll('tbody th[scope="row"]').map((th) => th.text());
    expect(rendered().length).toBeLessThan(40);
    expect(rendered().slice(0, 2)).toEqual(['第1号机关', '第2号机关']);
    const scroller = wrapper.get('[role="region"]');
    (scroller.element as HTMLElement).scrollTop = 37 * 90;
    await scroller.trigger('scroll');
    expect(rendered()).toContain('第100号机关');
    // Every row keeps its status colours (2022 late, 2023 on time) and its count of problems.
    const last = wrapper.findAll('tbody tr').find((tr) => tr.find('th').exists() && tr.get('th').text() === '第100号机关')!;
    expect(last.findAll('td').map((td) => td.classes().find((c) => c.startsWith('tone--')))).toEqual(['tone--warning', 'tone--ok', 'tone--error']);
  });
});
