import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import AgencyReportUrls from './AgencyReportUrls.vue';

type Body = { query: string; variables: { input: { agencyId: string; year: number; url: string | null } } };

afterEach(() => vi.unstubAllGlobals());

const URL_2021 = 'https://www.ezhou.gov.cn/xzspj/ndbg/2021.html';

/** A server that keeps the addresses it is given. */
function fakeServer() {
  const sent: Body[] = [];
  let urls = [{ year: 2021, url: URL_2021 }];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      sent.push(body);
      const { year, url } = body.variables.input;
      urls = [...urls.filter((u) => u.year !== year), ...(url ? [{ year, url }] : [])].sort((a, b) => b.year - a.year);
      return new Response(JSON.stringify({ data: { setAgencyReportUrl: { id: '7', reportUrls: urls } } }), { status: 200 });
    }),
  );
  return sent;
}

describe('report addresses by year', () => {
  it('lists the years’ addresses; an editor sets one and removes another', async () => {
    const sent = fakeServer();
    const { wrapper } = await mountInApp(AgencyReportUrls, { props: { agencyId: '7', reportUrls: [{ year: 2021, url: URL_2021 }], editable: true } });
    expect(wrapper.get('tbody tr').text()).toContain(URL_2021);

    await wrapper.get('#report-url-year').setValue('2022');
    await wrapper.get('#report-url-url').setValue('https://www.ezhou.gov.cn/xzspj/ndbg/2022.html');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent[0]!.variables.input).toEqual({ agencyId: '7', year: 2022, url: 'https://www.ezhou.gov.cn/xzspj/ndbg/2022.html' });
    expect(wrapper.get('[role="status"]').text()).toBe('2022 年度的年报地址已保存。');
    expect(wrapper.findAll('tbody tr').map((r) => r.get('th').text())).toEqual(['2022 年', '2021 年']);

    await wrapper.get('button[aria-label="删除 2021 年度的年报地址"]').trigger('click');
    await flushPromises();
    expect(sent[1]!.variables.input).toEqual({ agencyId: '7', year: 2021, url: null });
    expect(wrapper.findAll('tbody tr').map((r) => r.get('th').text())).toEqual(['2022 年']);
  });

  it('refuses an address that is not http(s) without asking the server', async () => {
    const sent = fakeServer();
    const { wrapper } = await mountInApp(AgencyReportUrls, { props: { agencyId: '7', reportUrls: [], editable: true } });
    expect(wrapper.text()).toContain('还没有记录任何年度的年报地址。');
    await wrapper.get('#report-url-url').setValue('www.ezhou.gov.cn/2022.html');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent).toHaveLength(0);
    expect(wrapper.get('[role="alert"]').text()).toContain('网址须以 http:// 或 https:// 开头');
  });

  it('shows readers the addresses only, and nothing when there are none', async () => {
    const { wrapper } = await mountInApp(AgencyReportUrls, { props: { agencyId: '7', reportUrls: [{ year: 2021, url: URL_2021 }], editable: false } });
    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.find('button').exists()).toBe(false);
    expect(wrapper.get('a').attributes('href')).toBe(URL_2021);
    const empty = await mountInApp(AgencyReportUrls, { props: { agencyId: '7', reportUrls: [], editable: false } });
    expect(empty.wrapper.find('section').exists()).toBe(false);
  });
});
