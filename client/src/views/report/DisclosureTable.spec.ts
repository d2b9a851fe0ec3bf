import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { EZHOU_2020, KEWEI_2024 } from '../../../test/fixtures/reports';
import { mountInApp } from '../../../test/mount';
import { usePreferencesStore } from '../../stores/preferences';
import DisclosureTable from './DisclosureTable.vue';
import { findingsByCell } from '../../findings/report-findings';

const render = (report: typeof EZHOU_2020) =>
  mountInApp(DisclosureTable, { props: { template: report.template, rows: report.activeDisclosure, findings: findingsByCell([]) } });

describe('section 二 tables', () => {
  it('prints one table per 第二十条 item of the 2019 format, blank cells blank', async () => {
    const { wrapper } = await render(EZHOU_2020);
    expect(wrapper.findAll('caption').map((c) => c.text())).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ]);
    const regulations = wrapper.findAll('tbody tr').find((r) => r.get('th').text() === '规章')!;
    expect(regulations.findAll('td').map((c) => [c.text(), c.attributes('aria-label')])).toEqual([
      ['', '空白'],
      ['', '空白'],
      ['', '空白'],
    ]);
    const procurement = wrapper.findAll('tbody tr').find((r) => r.get('th').text() === '政府集中采购')!;
    expect(procurement.findAll('td').map((c) => c.text())).toEqual(['11', '278.334']);
  });

  it('uses the 2021 columns for a 2021 report, and English labels in English', async () => {
    const { wrapper } = await render(KEWEI_2024);
    expect(
      wrapper
        .findAll('thead')[0]!
        .findAll('th')
        .map((c) => c.text()),
    ).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    usePreferencesStore().setLocale('en');
    await flushPromises();
    expect(wrapper.findAll('caption')[3]!.text()).toBe('Article 20, item (8)');
    expect(
      wrapper
        .findAll('thead')[0]!
        .findAll('th')
        .map((c) => c.text()),
    ).toEqual(['Information', 'issued this year', 'repealed this year', 'in force']);
  });
});
