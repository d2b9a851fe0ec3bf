import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import CollectUrls from './CollectUrls.vue';

type Body = { query: string; variables: { urls: string[] } };

afterEach(() => vi.unstubAllGlobals());

describe('import from web addresses', () => {
  it('sends the http(s) lines once each, says which lines it leaves out, and shows each address’s result', async () => {
    const sent: Body[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as Body;
        sent.push(body);
        return new Response(
          JSON.stringify({
            data: {
              collectReports: [
                { url: body.variables.urls[0], status: 'stored', reportId: '42', fileName: '2024.html', error: null },
                { url: body.variables.urls[1], status: 'failed', reportId: null, fileName: null, error: { code: 'NOT_AN_ANNUAL_REPORT', message: '该文件不是政府信息公开工作年度报告' } },
              ],
            },
          }),
          { status: 200 },
        );
      }),
    );
    const { wrapper } = await mountInApp(CollectUrls);
    await wrapper.get('textarea').setValue('https://www.a.gov.cn/ndbg/2024.html\nftp://files.example/x.pdf\n\nhttps://www.b.gov.cn/notice.html\nhttps://www.a.gov.cn/ndbg/2024.html\n');
    expect(wrapper.text()).toContain('以下行不是 http(s) 网址，不会提交：ftp://files.example/x.pdf');
    const submit = wrapper.get('button[type="submit"]');
    expect(submit.text()).toBe('抓取 2 个网址');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(sent[0]!.variables.urls).toEqual(['https://www.a.gov.cn/ndbg/2024.html', 'https://www.b.gov.cn/notice.html']);
    const rows = wrapper.findAll('tbody tr');
    expect(rows[0]!.text()).toContain('已入库');
    expect(rows[0]!.get('a').attributes('href')).toBe('/reports/42');
    expect(rows[1]!.text()).toContain('失败');
    expect(rows[1]!.text()).toContain('该文件不是政府信息公开工作年度报告 (NOT_AN_ANNUAL_REPORT)');
  });

  it('explains a server that cannot fetch by address', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ errors: [{ message: 'Cannot query field "collectReports"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }), { status: 400 })),
    );
    const { wrapper } = await mountInApp(CollectUrls);
    await wrapper.get('textarea').setValue('https://www.a.gov.cn/ndbg/2024.html');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('服务器暂不支持从网址导入。');
  });
});
