import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EZHOU_2020 } from '../../../test/fixtures/reports';
import { mountInApp } from '../../../test/mount';
import { type AuditEntryResult, type ReportDetail, type ReportDiffResult, type ReportMetricResult } from '../../graphql/api';
import { usePreferencesStore } from '../../stores/preferences';
import { useSessionStore } from '../../stores/session';
import ReportView from './ReportView.vue';

/** Answers held back until `release()`: what the page asks before any answer has come. */
const held: (() => void)[] = [];
let holding = false;
const release = () => {
  holding = false;
  for (const go of held.splice(0)) go();
};

/** What the API answers: the report query `body`; the audit log and version diff as given; every request recorded. */
function answer(body: unknown, status = 200, more: { audit?: AuditEntryResult[]; diff?: ReportDiffResult['reportDiff']; metrics?: ReportMetricResult[] } = {}) {
  const calls: { query: string; variables: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      const request = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
      calls.push(request);
      if (holding) await new Promise<void>((go) => held.push(go));
      if (request.query.includes('auditLog')) {
        const items = more.audit ?? [];
        return new Response(JSON.stringify({ data: { auditLog: { total: items.length, items } } }), { status: 200 });
      }
      if (request.query.includes('query ReportMetrics')) {
        return new Response(JSON.stringify({ data: { report: { id: '1', metrics: more.metrics ?? [] } } }), { status: 200 });
      }
      if (request.query.includes('reportDiff')) return new Response(JSON.stringify({ data: { reportDiff: more.diff } }), { status: 200 });
      return new Response(JSON.stringify(body), { status });
    }),
  );
  return calls;
}

/** The Ezhou report with its 一、本年新收 · 总计 (printed 29) corrected to 30 by an editor. */
function correctedReport(): ReportDetail {
  const report = structuredClone(EZHOU_2020);
  const cell = report.applications.find((r) => r.key === 'newReceived')!.cells[6]!;
  report.applications.find((r) => r.key === 'newReceived')!.values[6] = 30;
  Object.assign(cell, {
    value: 30,
    corrected: true,
    originalValue: 29,
    correction: { id: '5', value: 30, reason: '核对纸质原件为 30', by: 'editor.li', at: '2026-11-28T02:00:00.000Z' },
  });
  return report;
}

/** The next task, when the tables as printed are rendered (jsdom has no idle callbacks). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function openReport(id: string, { tables = true } = {}) {
  // The chart needs a canvas, which jsdom lacks; its option is tested on its own.
  const { wrapper, router, pinia } = await mountInApp(ReportView, { global: { stubs: { OutcomesChart: true } } });
  await router.push(`/reports/${id}`);
  await flushPromises();
  if (tables) {
    await nextTask();
    await flushPromises();
  }
  return { wrapper, router, pinia };
}

afterEach(() => {
  release();
  vi.unstubAllGlobals();
});

describe('report page', () => {
  it('heads the page with agency, year, format, dates, timeliness and source file', async () => {
    answer({ data: { report: EZHOU_2020 } });
    const { wrapper } = await openReport('ezhou-2020');
    expect(wrapper.get('h1').text()).toBe('鄂州市行政审批局 2020 年度报告');
    const meta = Object.fromEntries(wrapper.findAll('dl > div').map((d) => [d.get('dt').text(), d.get('dd').text()]));
    expect(meta).toMatchObject({
      数据年度: '2020 年',
      格式版本: '2019 版',
      公布日期: '2021年1月24日',
      法定公布期限: '2021年1月31日',
      时效: '按时',
      来源文件: 'ezhou-2020.txt (text)下载原件',
    });
    // The original file downloads from the server's file route, named for screen readers.
    const download = wrapper.get('a[download]');
    expect(download.attributes('href')).toBe(`/api/reports/${EZHOU_2020.id}/file`);
    expect(download.attributes('aria-label')).toBe('下载原始文件 ezhou-2020.txt');
  });

  it("sets 鄂州 2020's printed legal-person share beside the one from its parts, with the one in use and its state", async () => {
    // 本年新收 prints 0 of 29 from legal persons; 办理总计 gives 3 商业企业 + 3 其他 = 6 of 29.
    answer({ data: { report: EZHOU_2020 } }, 200, {
      metrics: [
        { code: 'applications.new', value: 29, quality: 'VERIFIED', printedValue: 29, partsValue: 29 },
        { code: 'applicants.legalPersonShare', value: 6 / 29, quality: 'CONTRADICTED', printedValue: 0, partsValue: 6 / 29 },
      ],
    });
    const { wrapper } = await openReport('ezhou-2020');
    const panel = wrapper.get('#metrics');
    const rows = panel.findAll('tbody tr');
    // Only the value needing attention, until all are asked for.
    expect(rows.map((r) => [r.get('th').text(), ...r.findAll('td').map((c) => c.text())])).toEqual([
      [
        '法人或其他组织申请占比',
        expect.stringMatching(/^20\.7\s?%/),
        '表内矛盾',
        expect.stringMatching(/^0(\.0)?\s?%$/),
        expect.stringMatching(/^20\.7\s?%$/),
        expect.stringMatching(/^按分项推算/),
      ],
    ]);
    await panel.get('button').trigger('click');
    expect(panel.findAll('tbody tr')).toHaveLength(2);
    expect(panel.findAll('tbody tr')[0]!.text()).toContain('原表印数与分项推算一致');
  });

  it('shows the three printed sections and the findings in the current language', async () => {
    answer({ data: { report: EZHOU_2020 } });
    const { wrapper } = await openReport('ezhou-2020');
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual([
      expect.stringMatching(/^检查发现\s*错误 3$/),
      '本年度办理结果',
      '指标与数据质量',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '版本',
      '修改记录',
    ]);
    const findingRows = wrapper.findAll('.findings-table tbody tr');
    expect(findingRows).toHaveLength(3);
    expect(findingRows[0]!.text()).toContain('“自然人”列');
    expect(findingRows[0]!.text()).toContain('一、本年新收政府信息公开申请数量 · 自然人');

    // the language switch lives in the app header; this view follows the stored choice
    usePreferencesStore().setLocale('en');
    await flushPromises();
    expect(wrapper.findAll('h2')[4]!.text()).toBe('III. Disclosure applications received and handled');
    expect(findingRows[0]!.text()).toContain('column Natural persons');
    expect(findingRows[0]!.text()).toContain('New applications this year · Natural persons');
  });

  it('asks for the metrics with the report, and shows the header, findings and chart before the tables as printed', async () => {
    const calls = answer({ data: { report: EZHOU_2020 } });
    holding = true;
    // The browser stays busy until the test says it is idle.
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (work: () => void) => idle.push(work));
    vi.stubGlobal('cancelIdleCallback', () => {});
    const { wrapper } = await openReport('ezhou-2020', { tables: false });
    // Both went out together, before either was answered.
    expect(calls.map((c) => /query (\w+)/.exec(c.query)?.[1])).toEqual(expect.arrayContaining(['Report', 'ReportMetrics']));
    release();
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('鄂州市行政审批局 2020 年度报告');
    expect(wrapper.find('outcomes-chart-stub').exists()).toBe(true);
    expect(wrapper.findAll('.findings-table tbody tr')).toHaveLength(3);
    expect(wrapper.find('#section-3').exists()).toBe(false);
    for (const work of idle.splice(0)) work();
    await flushPromises();
    expect(wrapper.get('#section-3 h2').text()).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('says the report does not exist when the API returns null', async () => {
    answer({ data: { report: null } });
    const { wrapper } = await openReport('404');
    expect(wrapper.text()).toContain('找不到这份报告');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('says the report does not exist when the API answers NOT_FOUND', async () => {
    answer({ data: { report: null }, errors: [{ message: 'No report with id 999.', extensions: { code: 'NOT_FOUND' } }] });
    const { wrapper } = await openReport('999');
    expect(wrapper.text()).toContain('找不到这份报告');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('shows other errors with a retry', async () => {
    answer({ errors: [{ message: 'database is down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, 500);
    const { wrapper } = await openReport('1');
    expect(wrapper.get('[role="alert"]').text()).toContain('database is down');
  });

  it('shows where a picked number was read: the source text opens beside the tables with the number highlighted', async () => {
    answer({ data: { report: EZHOU_2020 } });
    const { wrapper, router } = await openReport('ezhou-2020');
    expect(wrapper.find('aside').exists()).toBe(false);

    const row = wrapper.findAll('tr').find((r) => r.findAll('th').some((th) => th.text() === '（一）予以公开'))!;
    const total = row.findAll('td').at(-1)!;
    expect(total.text()).toBe('19');
    await total.trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query.cell).toBe('applications.granted[6]');
    const aside = wrapper.get('aside');
    expect(aside.get('h2').text()).toBe('原文');
    expect(aside.text()).toContain('（一）予以公开 · 总计');
    const mark = aside.get('mark');
    expect(mark.text()).toBe('19');
    // the highlight is exactly the cell's source range in the report text
    const cell = EZHOU_2020.applications.find((r) => r.key === 'granted')!.cells[6]!;
    expect(EZHOU_2020.text.slice(cell.sourceStart!, cell.sourceEnd!)).toBe('19');
    expect(
      aside
        .get('pre')
        .text()
        .indexOf('19', cell.sourceStart! - 2),
    ).toBe(cell.sourceStart);
    expect(total.attributes('aria-current')).toBe('true');

    await aside
      .findAll('button')
      .find((b) => b.text() === '关闭')!
      .trigger('click');
    await flushPromises();
    expect(wrapper.find('aside').exists()).toBe(false);
  });

  it('picks a cell from the keyboard, and opens on the cell a link names', async () => {
    answer({ data: { report: EZHOU_2020 } });
    const { wrapper, router } = await openReport('ezhou-2020');
    const cell = wrapper
      .get('#section-3')
      .findAll('tr')
      .find((r) => r.text().startsWith('一、本年新收'))!
      .findAll('td')[0]!;
    expect(cell.attributes('tabindex')).toBe('0');
    await cell.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(router.currentRoute.value.query.cell).toBe('applications.newReceived[0]');

    await router.push({ path: '/reports/ezhou-2020', query: { cell: 'applications.total[6]' } });
    await flushPromises();
    expect(wrapper.get('aside mark').text()).toBe('29');
  });

  it('lists the versions and marks the one shown', async () => {
    answer({ data: { report: EZHOU_2020 } });
    const { wrapper } = await openReport('ezhou-2020');
    const versions = wrapper.get('#versions');
    expect(versions.text()).toContain('第 1 版');
    expect(versions.text()).toContain('现行版本');
    expect(versions.text()).toContain('当前查看');
  });

  it('marks a corrected cell: the reader hears and sees what the parser read, the value now, why, who and when', async () => {
    answer({ data: { report: correctedReport() } });
    const { wrapper } = await openReport('ezhou-2020');
    const total = wrapper
      .get('#section-3')
      .findAll('tr')
      .find((r) => r.text().startsWith('一、本年新收'))!
      .findAll('td')
      .at(-1)!;
    expect(total.text()).toBe('30');
    expect(total.attributes('aria-label')).toBe('30（已人工更正，解析读作 29）');

    await total.trigger('focus');
    const tip = wrapper.get('[role="tooltip"]');
    expect(tip.text()).toContain('已人工更正：解析读作 29，现为 30');
    expect(tip.text()).toContain('理由：核对纸质原件为 30');
    expect(tip.text()).toContain('editor.li 于');
    expect(total.attributes('aria-describedby')).toBe(tip.attributes('id'));

    // and every reader finds the corrections listed, each leading to its cell
    const list = wrapper.get('#corrections');
    expect(list.get('h2').text()).toBe('人工更正（1）');
    const row = list.get('tbody tr');
    expect(row.findAll('th, td').map((c) => c.text())).toEqual([
      '一、本年新收政府信息公开申请数量 · 总计',
      '29',
      '30',
      '核对纸质原件为 30',
      expect.stringContaining('editor.li'),
    ]);
  });

  it('lists no corrections and marks nothing when no cell was corrected', async () => {
    answer({ data: { report: EZHOU_2020 } });
    const { wrapper } = await openReport('ezhou-2020');
    expect(wrapper.find('#corrections').exists()).toBe(false);
    expect(wrapper.findAll('td[aria-label*="人工更正"]')).toHaveLength(0);
  });

  it('compares two versions: changed properties and numbers by their printed labels, old → new', async () => {
    const report = structuredClone(EZHOU_2020);
    report.id = 'v2';
    report.version = 2;
    report.versions = [
      { id: 'v2', version: 2, isCurrent: true, ingestedAt: '2026-06-01T08:00:00.000Z', sourceFileName: 'ezhou-2020-revised.txt', format: 'text' },
      { id: 'v1', version: 1, isCurrent: false, ingestedAt: '2026-05-01T08:00:00.000Z', sourceFileName: 'ezhou-2020.txt', format: 'text' },
    ];
    const calls = answer({ data: { report } }, 200, {
      diff: {
        from: { id: 'v1', version: 1, ingestedAt: '2026-05-01T08:00:00.000Z', sourceFileName: 'ezhou-2020.txt' },
        to: { id: 'v2', version: 2, ingestedAt: '2026-06-01T08:00:00.000Z', sourceFileName: 'ezhou-2020-revised.txt' },
        fields: [{ field: 'publishedOn', from: '2021-02-10', to: '2021-01-24' }],
        cells: [
          {
            path: 'applications.newReceived[6]',
            label: '一、本年新收政府信息公开申请数量 · 总计',
            labelEn: 'New applications · Total',
            fromValue: 27,
            toValue: 29,
            fromRaw: '27',
            toRaw: '29',
          },
        ],
      },
    });
    const { wrapper, router } = await openReport('v2');
    await wrapper
      .get('#versions')
      .findAll('button')
      .find((b) => b.text() === '与此版本（第 1 版）比较')!
      .trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query).toMatchObject({ diffFrom: 'v1', diffTo: 'v2' });
    expect(calls.find((c) => c.query.includes('reportDiff'))!.variables).toEqual({ fromId: 'v1', toId: 'v2' });
    const diff = wrapper.get('.version-diff');
    expect(diff.text()).toContain('第 1 版 → 第 2 版：1 项报告信息、1 个数字有变化');
    const tables = diff.findAll('table');
    expect(
      tables[0]!
        .get('tbody tr')
        .findAll('th, td')
        .map((c) => c.text()),
    ).toEqual(['公布日期', '2021年2月10日', '2021年1月24日']);
    expect(
      tables[1]!
        .get('tbody tr')
        .findAll('th, td')
        .map((c) => c.text()),
    ).toEqual(['一、本年新收政府信息公开申请数量 · 总计', '27', '29', '+2']);

    await diff
      .findAll('button')
      .find((b) => b.text() === '关闭比较')!
      .trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.diffFrom).toBeUndefined();
    expect(wrapper.find('.version-diff').exists()).toBe(false);
  });

  it("shows an editor the report's change log, and hides it from a leader", async () => {
    answer({ data: { report: correctedReport() } }, 200, {
      audit: [
        {
          id: '9',
          action: 'cell.corrected',
          actor: 'editor.li',
          at: '2026-11-28T02:00:00.000Z',
          reportId: 'ezhou-2020',
          cellPath: 'applications.newReceived[6]',
          before: '29',
          after: '30',
          reason: '核对纸质原件为 30',
          detail: '{"correctionId":5,"supersedes":null}',
        },
      ],
    });
    const { wrapper, pinia } = await openReport('ezhou-2020');
    const audit = wrapper.get('#audit');
    expect(audit.text()).toContain('共 1 条记录');
    const cells = audit
      .get('tbody tr')
      .findAll('th, td')
      .map((c) => c.text());
    expect(cells.slice(1)).toEqual(['editor.li', '更正单元格', '一、本年新收政府信息公开申请数量 · 总计', '29', '30', '核对纸质原件为 30']);

    const session = useSessionStore(pinia);
    session.set({ csrfToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { ...session.user!, role: 'viewer' } });
    await flushPromises();
    expect(wrapper.find('#audit').exists()).toBe(false);
  });
});
