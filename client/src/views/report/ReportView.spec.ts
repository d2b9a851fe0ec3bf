import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EZHOU_2020 } from '../../../test/fixtures/reports';
import { mountInApp } from '../../../test/mount';
import { usePreferencesStore } from '../../stores/preferences';
import ReportView from './ReportView.vue';

function answer(body: unknown, status = 200) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

async function openReport(id: string) {
  // The chart needs a canvas, which jsdom lacks; its option is tested on its own.
  const { wrapper, router } = await mountInApp(ReportView, { global: { stubs: { OutcomesChart: true } } });
  await router.push(`/reports/${id}`);
  await flushPromises();
  return { wrapper, router };
}

afterEach(() => vi.unstubAllGlobals());

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
      来源文件: 'ezhou-2020.txt (text)',
    });
  });

  it('shows the three printed sections and the findings in the current language', async () => {
    answer({ data: { report: EZHOU_2020 } });
    const { wrapper } = await openReport('ezhou-2020');
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual([
      expect.stringMatching(/^检查发现\s*错误 3$/),
      '本年度办理结果',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '版本',
    ]);
    const findingRows = wrapper.findAll('.findings-table tbody tr');
    expect(findingRows).toHaveLength(3);
    expect(findingRows[0]!.text()).toContain('“自然人”列');
    expect(findingRows[0]!.text()).toContain('一、本年新收政府信息公开申请数量 · 自然人');

    // the language switch lives in the app header; this view follows the stored choice
    usePreferencesStore().setLocale('en');
    await flushPromises();
    expect(wrapper.findAll('h2')[3]!.text()).toBe('III. Disclosure applications received and handled');
    expect(findingRows[0]!.text()).toContain('column Natural persons');
    expect(findingRows[0]!.text()).toContain('New applications this year · Natural persons');
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
    expect(aside.get('pre').text().indexOf('19', cell.sourceStart! - 2)).toBe(cell.sourceStart);
    expect(total.attributes('aria-current')).toBe('true');

    await aside.findAll('button').find((b) => b.text() === '关闭')!.trigger('click');
    await flushPromises();
    expect(wrapper.find('aside').exists()).toBe(false);
  });

  it('picks a cell from the keyboard, and opens on the cell a link names', async () => {
    answer({ data: { report: EZHOU_2020 } });
    const { wrapper, router } = await openReport('ezhou-2020');
    const cell = wrapper.findAll('tr').find((r) => r.text().startsWith('一、本年新收'))!.findAll('td')[0]!;
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
});
