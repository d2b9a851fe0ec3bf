import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp, TEST_SESSION } from '../../../test/mount';
import { useSessionStore } from '../../stores/session';
import OverviewView from './OverviewView.vue';

/**
 * The API as the overview meets it: the roll-up (headline figures and trend) fails on the server; the ranking
 * and the submissions answer. Two agencies ranked, one of them missing its 2024 report.
 */
/** The variables of every submissions request: the overview asks only for the rows it lists. */
let submissionsAsked: Record<string, unknown>[] = [];

function answerWithRollupFailing(rankedAgencies = 2) {
  submissionsAsked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      const { query, variables } = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
      if (query.includes('rollup(')) {
        return new Response(
          JSON.stringify({ data: null, errors: [{ message: '服务器内部错误。Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
          {
            status: 200,
          },
        );
      }
      if (query.includes('ranking(')) {
        const items = [
          {
            rank: 1,
            value: 120,
            numerator: null,
            denominator: null,
            sample: 1,
            reportId: 'r1',
            quality: 'CONTRADICTED',
            agency: { id: '11', name: '甲市人民政府' },
          },
          {
            rank: 2,
            value: 80,
            numerator: null,
            denominator: null,
            sample: 1,
            reportId: 'r2',
            quality: 'VERIFIED',
            agency: { id: '12', name: '乙县人民政府' },
          },
        ];
        return new Response(
          JSON.stringify({ data: { ranking: { total: rankedAgencies, excludedBelowMinSample: 0, scope: 'self', items: items.slice(0, rankedAgencies) } } }),
        );
      }
      if (query.includes('submissions(')) {
        submissionsAsked.push(variables);
        const missing = {
          agency: { id: '12', name: '乙县人民政府' },
          year: 2024,
          status: 'MISSING',
          reportId: null,
          publishedOn: null,
          deadline: '2025-01-31',
          daysLate: null,
          failingChecks: 0,
          discovery: null,
          discoveredUrl: null,
          discoveryDetail: null,
        };
        return new Response(JSON.stringify({ data: { submissions: [missing] } }));
      }
      return new Response(JSON.stringify({ data: {} }));
    }),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('the overview when one of its queries fails', () => {
  it('says so in the failed parts and still shows the ranking and what needs chasing', async () => {
    answerWithRollupFailing();
    // Charts need a canvas, which jsdom lacks: the cards are stubbed, their props read.
    const { wrapper, router } = await mountInApp(OverviewView, { global: { stubs: { ChartCard: true } } });
    await router.push('/?year=2024');
    await flushPromises();

    expect(wrapper.get('h1').text()).toBe('总览');
    // The headline figures say their query failed, with a retry.
    expect(wrapper.find('[role="alert"]').text()).toContain('加载失败');
    const cards = wrapper.findAllComponents({ name: 'ChartCard' });
    const trend = cards.find((c) => c.props('title') === '历年趋势')!;
    expect(trend.props('errorText')).toBeTruthy();
    const ranking = cards.find((c) => c.props('title') === '申请量最多的机关')!;
    expect(ranking.props('errorText')).toBeNull();
    expect(ranking.props('table').rows).toEqual([
      ['甲市人民政府', 120, 1, '本机关', '表内矛盾'],
      ['乙县人民政府', 80, 2, '本机关', '已核验'],
    ]);
    expect(wrapper.get('#alerts-heading').text()).toBe('2024 年度需要跟进');
    expect(wrapper.text()).toContain('乙县人民政府');
    // Not the year's every agency: only those missing, late or failing checks (a province has thousands).
    expect(submissionsAsked.at(-1)).toMatchObject({ years: [2024], only: ['MISSING', 'LATE', 'FAILING'] });
  });

  it('names a department user’s scope by its agency, and ranks nothing when only that agency is in it', async () => {
    answerWithRollupFailing(1);
    const { wrapper, router, pinia } = await mountInApp(OverviewView, { global: { stubs: { ChartCard: true } } });
    useSessionStore(pinia).set({ ...TEST_SESSION, user: { ...TEST_SESSION.user, role: 'department', agency: { id: '11', name: '甲市人民政府' } } });
    await router.push('/?year=2024');
    await flushPromises();
    const ranking = wrapper.findAllComponents({ name: 'ChartCard' }).find((c) => c.props('title') === '申请量最多的机关')!;
    expect(ranking.props('emptyText')).toBe('范围内只有一个机关，不作排名。');
    expect(ranking.props('context')).toMatch(/^甲市人民政府 · 2024 年/);
  });

  it('still draws a one-bar ranking for whoever sees every agency (one agency reported that year)', async () => {
    answerWithRollupFailing(1);
    const { wrapper, router } = await mountInApp(OverviewView, { global: { stubs: { ChartCard: true } } });
    await router.push('/?year=2024');
    await flushPromises();
    const ranking = wrapper.findAllComponents({ name: 'ChartCard' }).find((c) => c.props('title') === '申请量最多的机关')!;
    expect(ranking.props('emptyText')).toBeNull();
    expect(ranking.props('table').rows).toEqual([['甲市人民政府', 120, 1, '本机关', '表内矛盾']]);
  });
});
