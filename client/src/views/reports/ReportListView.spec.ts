import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_REPORTS, toListItem } from '../../../test/fixtures/reports';
import { mountInApp } from '../../../test/mount';
import ReportListView from './ReportListView.vue';

type Body = { query: string; variables: Record<string, unknown> };

/** A stand-in for the API: answers the Reports operation from the fixtures, recording what was asked. */
function stubApi(answer: (body: Body) => Response | Promise<Response>) {
  const calls: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      calls.push(body);
      return answer(body);
    }),
  );
  return calls;
}
const ok = (data: unknown) => new Response(JSON.stringify({ data }), { status: 200 });
const reportsPage = (items = ALL_REPORTS) => ok({ reports: { total: items.length, items: items.map(toListItem) } });

afterEach(() => vi.unstubAllGlobals());

describe('report list', () => {
  it('lists reports with agency, year, format, publication date, timeliness and findings by severity', async () => {
    stubApi(() => reportsPage());
    const { wrapper } = await mountInApp(ReportListView);
    await flushPromises();

    const rows = wrapper.findAll('tbody tr');
    expect(rows).toHaveLength(3);
    const ezhou = rows[0]!;
    expect(ezhou.get('a').text()).toBe('鄂州市行政审批局');
    expect(ezhou.get('a').attributes('href')).toBe('/reports/ezhou-2020');
    expect(ezhou.findAll('td').map((c) => c.text())).toEqual(['2020', '2019 版', '2021年1月24日', '按时', '错误 3']);
    expect(rows[1]!.findAll('td')[2]!.text()).toBe('未注明');
    expect(wrapper.text()).toContain('共 3 份报告');
  });

  it('shows a loading state until the first answer arrives', async () => {
    let release: (r: Response) => void = () => {};
    stubApi(() => new Promise<Response>((resolve) => (release = resolve)));
    const { wrapper } = await mountInApp(ReportListView);
    expect(wrapper.get('[role="status"]').text()).toContain('正在加载');
    release(reportsPage());
    await flushPromises();
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
    expect(wrapper.findAll('tbody tr')).toHaveLength(3);
  });

  it('says so when nothing has been collected, and when filters match nothing', async () => {
    stubApi(() => reportsPage([]));
    const { wrapper, router } = await mountInApp(ReportListView);
    await flushPromises();
    expect(wrapper.text()).toContain('尚未收录任何报告。');

    await router.push({ query: { year: '2020' } });
    await flushPromises();
    expect(wrapper.text()).toContain('没有符合筛选条件的报告。');
    expect(wrapper.findAll('button').some((b) => b.text() === '清除筛选')).toBe(true);
  });

  it('explains an error and retries on request', async () => {
    let fail = true;
    stubApi(() => (fail ? new Response('', { status: 503 }) : reportsPage()));
    const { wrapper } = await mountInApp(ReportListView);
    await flushPromises();
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('HTTP 503');

    fail = false;
    await alert.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.findAll('tbody tr')).toHaveLength(3);
  });

  it('filters by year through the URL, back at page 1', async () => {
    const calls = stubApi(() => reportsPage());
    const { wrapper, router } = await mountInApp(ReportListView);
    await router.push({ query: { page: '2' } });
    await flushPromises();

    await wrapper.get('select').setValue('2020');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ year: '2020' });
    expect(calls.at(-1)!.variables).toMatchObject({ year: 2020, agencyId: null, skip: 0 });
  });
});
