import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import CollectUrls from './CollectUrls.vue';
import { BATCH_POLL_MS } from './ingest-batch.model';

type Body = { query: string; variables: { urls: string[] } };
const answer = (data: unknown) => new Response(JSON.stringify({ data }), { status: 200 });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('import from web addresses', () => {
  it('sends the http(s) lines once each, says which lines it leaves out, and follows the batch the server records', async () => {
    const sent: Body[] = [];
    let polls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as Body;
        sent.push(body);
        if (body.query.includes('startCollectReports')) return answer({ startCollectReports: { id: '7', status: 'running' } });
        // The batch as the server records it: one address answered at the first look, both at the second.
        const done = ++polls > 1;
        return answer({
          ingestBatch: {
            id: '7',
            origin: 'url',
            status: done ? 'done' : 'running',
            createdAt: '2026-11-29T01:00:00Z',
            createdBy: 'test.admin',
            finishedAt: done ? '2026-11-29T01:00:05Z' : null,
            fileCount: done ? 2 : 1,
            stored: 1,
            duplicate: 0,
            failed: done ? 1 : 0,
            pending: 0,
            items: [
              {
                position: 0,
                fileName: '2024.html',
                path: 'https://www.a.gov.cn/ndbg/2024.html',
                status: 'stored',
                reportId: '42',
                errorCode: null,
                errorMessage: null,
              },
              ...(done
                ? [
                    {
                      position: 1,
                      fileName: 'notice.html',
                      path: 'https://www.b.gov.cn/notice.html',
                      status: 'failed',
                      reportId: null,
                      errorCode: 'NOT_AN_ANNUAL_REPORT',
                      errorMessage: '该文件不是政府信息公开工作年度报告',
                    },
                  ]
                : []),
            ],
          },
        });
      }),
    );
    vi.useFakeTimers();
    const { wrapper } = await mountInApp(CollectUrls);
    await wrapper
      .get('textarea')
      .setValue('https://www.a.gov.cn/ndbg/2024.html\nftp://files.example/x.pdf\n\nhttps://www.b.gov.cn/notice.html\nhttps://www.a.gov.cn/ndbg/2024.html\n');
    expect(wrapper.text()).toContain('以下行不是 http(s) 网址，不会提交：ftp://files.example/x.pdf');
    const submit = wrapper.get('button[type="submit"]');
    expect(submit.text()).toBe('抓取 2 个网址');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(sent[0]!.variables.urls).toEqual(['https://www.a.gov.cn/ndbg/2024.html', 'https://www.b.gov.cn/notice.html']);
    expect(wrapper.text()).toContain('批次 #7');
    expect(wrapper.emitted('started')).toEqual([['7']]);
    expect(wrapper.findAll('tbody tr')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(BATCH_POLL_MS);
    await flushPromises();
    const rows = wrapper.findAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('https://www.a.gov.cn/ndbg/2024.html');
    expect(rows[0]!.get('a').attributes('href')).toBe('/reports/42');
    expect(rows[1]!.text()).toContain('该文件不是政府信息公开工作年度报告 (NOT_AN_ANNUAL_REPORT)');
    vi.useRealTimers();
  });

  it('explains a server that cannot fetch by address', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ errors: [{ message: 'Cannot query field "startCollectReports"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }),
            { status: 400 },
          ),
      ),
    );
    const { wrapper } = await mountInApp(CollectUrls);
    await wrapper.get('textarea').setValue('https://www.a.gov.cn/ndbg/2024.html');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('服务器暂不支持从网址导入。');
  });
});
