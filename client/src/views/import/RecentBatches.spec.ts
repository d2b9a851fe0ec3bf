import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import { type IngestBatchDetail, type IngestBatchSummary } from '../../graphql/api';
import { BATCH_POLL_MS } from './ingest-batch.model';
import RecentBatches from './RecentBatches.vue';

type Body = { query: string; variables: Record<string, unknown> };

const summary = (over: Partial<IngestBatchSummary>): IngestBatchSummary => ({
  id: '1',
  origin: 'upload',
  status: 'done',
  createdAt: '2026-03-02T08:30:00Z',
  createdBy: 'zhang.editor',
  finishedAt: '2026-03-02T08:31:00Z',
  fileCount: 2,
  stored: 1,
  duplicate: 0,
  failed: 1,
  pending: 0,
  ...over,
});

/** A server whose batch 12 was interrupted with one of three files done; resuming finishes it after one poll. */
function fakeServer() {
  const sent: Body[] = [];
  let resumed = false;
  let polls = 0;
  const batch12 = (): IngestBatchDetail => {
    const finished = resumed && polls > 1;
    return {
      ...summary({
        id: '12',
        status: !resumed ? 'interrupted' : finished ? 'done' : 'running',
        fileCount: 3,
        stored: finished ? 2 : 1,
        failed: finished ? 1 : 0,
        pending: finished ? 0 : 2,
      }),
      items: [
        { position: 0, fileName: '2023年报.pdf', path: null, status: 'stored', reportId: '40', errorCode: null, errorMessage: null },
        {
          position: 1,
          fileName: '2024年报.html',
          path: null,
          status: finished ? 'stored' : 'pending',
          reportId: finished ? '41' : null,
          errorCode: null,
          errorMessage: null,
        },
        {
          position: 2,
          fileName: '会议纪要.txt',
          path: null,
          status: finished ? 'failed' : 'pending',
          reportId: null,
          errorCode: finished ? 'NOT_AN_ANNUAL_REPORT' : null,
          errorMessage: finished ? '该文件不是政府信息公开工作年度报告' : null,
        },
      ],
    };
  };
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Body;
    sent.push(body);
    let data: unknown;
    if (body.query.includes('mutation ResumeIngestBatch')) {
      resumed = true;
      data = { resumeIngestBatch: { id: '12', status: 'running', pending: 2 } };
    } else if (body.query.includes('query IngestBatches')) {
      const { items, ...b12 } = batch12();
      void items;
      data = { ingestBatches: { total: 2, items: [b12, summary({ id: '11', origin: 'cli', status: 'interrupted', pending: 4, fileCount: 5 })] } };
    } else if (body.query.includes('query IngestBatch(')) {
      if (resumed) polls++;
      data = { ingestBatch: batch12() };
    } else throw new Error(`unexpected operation ${body.query}`);
    return new Response(JSON.stringify({ data }), { status: 200 });
  });
  return { sent, fetch };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('recent import batches', () => {
  it('lists the batches; an interrupted upload is resumed and followed until done, a command-line one says how to resume', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetch);
    const { wrapper } = await mountInApp(RecentBatches);
    await flushPromises();

    const rows = wrapper.findAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('批次 #12');
    expect(rows[0]!.text()).toContain('zhang.editor');
    expect(rows[0]!.text()).toContain('网页上传');
    expect(rows[0]!.text()).toContain('3 个：入库 1 · 已存在 0 · 失败 0 · 待处理 2');
    expect(rows[0]!.text()).toContain('已中断');
    expect(rows[1]!.text()).toContain('请在命令行运行 pnpm ingest --resume 11');
    expect(rows[1]!.find('button[aria-label="继续导入批次 #11"]').exists()).toBe(false);

    await rows[0]!.get('button[aria-label="继续导入批次 #12"]').trigger('click');
    await flushPromises();
    expect(server.sent.find((b) => b.query.includes('mutation ResumeIngestBatch'))!.variables).toEqual({ id: '12' });
    expect(wrapper.get('[role="status"]').text()).toBe('批次 #12 已开始继续导入，完成前本页会自动刷新。');
    // The batch opens below the list, running, its unfinished files pending.
    const panel = () => wrapper.get('section[aria-labelledby="batch-12-heading"]');
    expect(panel().text()).toContain('进行中');
    expect(panel().findAll('tbody tr')[1]!.text()).toContain('待处理');

    // It is asked about again until it is done; then the list is refreshed too.
    await vi.advanceTimersByTimeAsync(BATCH_POLL_MS);
    await flushPromises();
    await vi.advanceTimersByTimeAsync(BATCH_POLL_MS);
    await flushPromises();
    const items = panel().findAll('tbody tr');
    expect(items[1]!.text()).toContain('已入库');
    expect(items[1]!.get('a').attributes('href')).toBe('/reports/41');
    expect(items[2]!.text()).toContain('该文件不是政府信息公开工作年度报告 (NOT_AN_ANNUAL_REPORT)');
    expect(panel().text()).toContain('已完成');
    expect(wrapper.findAll('tbody tr')[0]!.text()).toContain('已完成');
    expect(wrapper.find('button[aria-label="继续导入批次 #12"]').exists()).toBe(false);

    // Done: no more questions to the server.
    const asked = server.sent.length;
    await vi.advanceTimersByTimeAsync(BATCH_POLL_MS * 3);
    expect(server.sent.length).toBe(asked);
  });

  it('says why a resume failed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as Body;
        if (body.query.includes('mutation ResumeIngestBatch'))
          return new Response(JSON.stringify({ errors: [{ message: '导入批次 12 正在运行。', extensions: { code: 'BAD_USER_INPUT' } }] }), { status: 200 });
        return new Response(JSON.stringify({ data: { ingestBatches: { total: 1, items: [summary({ id: '12', status: 'interrupted', pending: 1 })] } } }), {
          status: 200,
        });
      }),
    );
    const { wrapper } = await mountInApp(RecentBatches);
    await flushPromises();
    await wrapper.get('button[aria-label="继续导入批次 #12"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('导入批次 12 正在运行。');
  });

  it('pages through older batches', async () => {
    const sent: Body[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as Body;
        sent.push(body);
        const skip = Number(body.variables.skip ?? 0);
        return new Response(JSON.stringify({ data: { ingestBatches: { total: 45, items: [summary({ id: String(45 - skip) })] } } }), { status: 200 });
      }),
    );
    const { wrapper } = await mountInApp(RecentBatches);
    await flushPromises();
    expect(sent[0]!.variables).toEqual({ skip: 0, take: 20 });
    expect(wrapper.get('nav').text()).toContain('第 1 页，共 3 页');
    await wrapper.get('nav').findAll('button')[1]!.trigger('click');
    await flushPromises();
    expect(sent.at(-1)!.variables).toEqual({ skip: 20, take: 20 });
    expect(wrapper.get('tbody tr').text()).toContain('批次 #25');
  });
});
