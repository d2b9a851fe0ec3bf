import { DOMWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, type PropType } from 'vue';
import { EZHOU_2020, HONGZE_2023, KEWEI_2024 } from '../../../test/fixtures/reports';
import { mountInApp } from '../../../test/mount';
import CellTooltip from '../../components/CellTooltip.vue';
import { provideCellTooltip } from '../../composables/use-cell-tooltip';
import { type ReportDetail } from '../../graphql/api';
import ApplicationsTable from './ApplicationsTable.vue';
import { findingsByCell } from '../../findings/report-findings';

/** The table as the report page shows it: with the page's tooltip. */
const Harness = defineComponent({
  props: { report: { type: Object as PropType<ReportDetail>, required: true } },
  setup(props) {
    const tooltip = provideCellTooltip();
    return () =>
      h('div', [
        h(ApplicationsTable, { rows: props.report.applications, findings: findingsByCell(props.report.findings), caption: '三' }),
        h(CellTooltip, { tooltip }),
      ]);
  },
});

async function render(report: ReportDetail) {
  const { wrapper } = await mountInApp(Harness, { props: { report }, attachTo: document.body });
  const headerCell = (text: string) => {
    const found = wrapper.findAll('th, td').find((c) => c.text() === text);
    if (!found) throw new Error(`no cell reads ${text}`);
    return found;
  };
  const bodyRow = (text: RegExp) => {
    const found = wrapper.findAll('tbody tr').find((r) => text.test(r.text()));
    if (!found) throw new Error(`no row matches ${text}`);
    return found;
  };
  const values = (row: DOMWrapper<Element>) => row.findAll('td').map((c) => c.text());
  return { wrapper, headerCell, bodyRow, values };
}

const span = (cell: DOMWrapper<Element>) => ({
  rowspan: Number(cell.attributes('rowspan') ?? 1),
  colspan: Number(cell.attributes('colspan') ?? 1),
});

describe('section 三 table, as printed', () => {
  it('prints the header block: the 勾稽 note, 申请人情况, 自然人 / 法人或其他组织 (5) / 总计', async () => {
    const { headerCell, wrapper } = await render(EZHOU_2020);
    const note = wrapper.find('thead td');
    expect(note.text()).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(span(note)).toEqual({ rowspan: 3, colspan: 3 });
    expect(span(headerCell('申请人情况'))).toEqual({ rowspan: 1, colspan: 7 });
    expect(span(headerCell('自然人'))).toEqual({ rowspan: 2, colspan: 1 });
    expect(span(headerCell('法人或其他组织'))).toEqual({ rowspan: 1, colspan: 5 });
    expect(span(headerCell('总计'))).toEqual({ rowspan: 2, colspan: 1 });
    expect(
      wrapper
        .findAll('thead tr')[2]!
        .findAll('th')
        .map((c) => c.text()),
    ).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('lays out a 2019-format report: 20 outcome rows, （六） as one row', async () => {
    const { headerCell, bodyRow, values, wrapper } = await render(EZHOU_2020);
    expect(wrapper.findAll('tbody tr')).toHaveLength(23);
    expect(span(headerCell('三、本年度办理结果'))).toEqual({ rowspan: 20, colspan: 1 });
    expect(span(headerCell('一、本年新收政府信息公开申请数量'))).toEqual({ rowspan: 1, colspan: 3 });
    expect(span(headerCell('（一）予以公开'))).toEqual({ rowspan: 1, colspan: 2 });
    expect(span(headerCell('（三）不予公开'))).toEqual({ rowspan: 8, colspan: 1 });
    expect(span(headerCell('（四）无法提供'))).toEqual({ rowspan: 3, colspan: 1 });
    expect(span(headerCell('（五）不予处理'))).toEqual({ rowspan: 5, colspan: 1 });
    expect(span(headerCell('（六）其他处理'))).toEqual({ rowspan: 1, colspan: 2 });
    expect(span(headerCell('（七）总计'))).toEqual({ rowspan: 1, colspan: 2 });
    expect(span(headerCell('四、结转下年度继续办理'))).toEqual({ rowspan: 1, colspan: 3 });

    expect(values(bodyRow(/本年新收/))).toEqual(['29', '0', '0', '0', '0', '0', '29']);
    expect(values(bodyRow(/予以公开/))[0]).toBe('19');
    expect(values(bodyRow(/（七）总计/))).toEqual(['23', '3', '0', '0', '0', '3', '29']);
    // every row has the seven value columns, whatever its label cells
    for (const row of wrapper.findAll('tbody tr')) expect(row.findAll('td')).toHaveLength(7);
  });

  it('lays out a 2021-format report: 22 outcome rows, （六） over three numbered rows', async () => {
    const { headerCell, bodyRow, wrapper } = await render(KEWEI_2024);
    expect(wrapper.findAll('tbody tr')).toHaveLength(25);
    expect(span(headerCell('三、本年度办理结果'))).toEqual({ rowspan: 22, colspan: 1 });
    expect(span(headerCell('（六）其他处理'))).toEqual({ rowspan: 3, colspan: 1 });
    expect(span(headerCell('3.其他'))).toEqual({ rowspan: 1, colspan: 1 });
    expect(
      bodyRow(/1\.申请人无正当理由逾期不补正/)
        .findAll('td')[0]!
        .text(),
    ).toBe('8');
  });

  it('lays out a 2021-format report that prints （六） as one row like 2019', async () => {
    const { headerCell } = await render(HONGZE_2023);
    expect(span(headerCell('三、本年度办理结果'))).toEqual({ rowspan: 20, colspan: 1 });
    expect(span(headerCell('（六）其他处理'))).toEqual({ rowspan: 1, colspan: 2 });
  });

  it('shows a blank cell as blank, not 0, and says so to assistive technology', async () => {
    const { bodyRow } = await render(KEWEI_2024);
    const cells = bodyRow(/结转下年度继续办理/).findAll('td');
    const total = cells[6]!;
    expect(total.text()).toBe('');
    expect(total.attributes('aria-label')).toBe('空白');
    expect(cells[5]!.text()).toBe('0');
    expect(cells[5]!.attributes('aria-label')).toBeUndefined();
  });

  it('marks a cell a finding names, and shows the finding on hover and focus', async () => {
    const { bodyRow, wrapper } = await render(EZHOU_2020);
    const tooltip = wrapper.get('[role="tooltip"]');
    const flagged = bodyRow(/本年新收/).findAll('td')[0]!;
    const clean = bodyRow(/本年新收/).findAll('td')[2]!;
    expect(flagged.attributes('tabindex')).toBe('0');
    expect(clean.attributes('tabindex')).toBeUndefined();

    expect(tooltip.isVisible()).toBe(false);
    await flagged.trigger('focus');
    expect(tooltip.isVisible()).toBe(true);
    expect(tooltip.text()).toContain('“自然人”列');
    expect(flagged.attributes('aria-describedby')).toBe(tooltip.attributes('id'));
    await flagged.trigger('blur');
    expect(tooltip.isVisible()).toBe(false);

    await flagged.trigger('mouseenter');
    expect(tooltip.isVisible()).toBe(true);
  });
});
