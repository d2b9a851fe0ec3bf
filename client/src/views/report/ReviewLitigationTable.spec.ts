import { describe, expect, it } from 'vitest';
import { KEWEI_2024 } from '../../../test/fixtures/reports';
import { mountInApp } from '../../../test/mount';
import ReviewLitigationTable from './ReviewLitigationTable.vue';
import { findingsByCell } from '../../findings/report-findings';

describe('section 四 table', () => {
  it('prints 行政复议 beside 行政诉讼 (direct / after review) over one row of 15 counts', async () => {
    const { wrapper } = await mountInApp(ReviewLitigationTable, {
      props: { rows: KEWEI_2024.reviewLitigation, findings: findingsByCell([]), caption: '四' },
    });
    const [top, middle, bottom] = wrapper.findAll('thead tr');
    expect(top!.findAll('th').map((c) => [c.text(), c.attributes('colspan')])).toEqual([
      ['行政复议', '5'],
      ['行政诉讼', '10'],
    ]);
    const middleCells = middle!.findAll('th');
    expect(middleCells.slice(0, 5).map((c) => [c.text(), c.attributes('rowspan')])).toEqual([
      ['结果维持', '2'],
      ['结果纠正', '2'],
      ['其他结果', '2'],
      ['尚未审结', '2'],
      ['总计', '2'],
    ]);
    expect(middleCells.slice(5).map((c) => [c.text(), c.attributes('colspan')])).toEqual([
      ['未经复议直接起诉', '5'],
      ['复议后起诉', '5'],
    ]);
    expect(bottom!.findAll('th')).toHaveLength(10);
    expect(wrapper.findAll('tbody td').map((c) => c.text())).toEqual(['1', '0', '0', '0', '1', ...Array(10).fill('0')]);
  });
});
