import { describe, expect, it } from 'vitest';
import { mountInApp } from '../../test/mount';
import ReportCell from './ReportCell.vue';

describe('a number of a report’s table', () => {
  it('shows every decimal the report prints (fees in 万元)', async () => {
    const { wrapper } = await mountInApp(ReportCell, { props: { value: 0.00125 } });
    expect(wrapper.text()).toBe('0.00125');
  });

  it('groups thousands and shows a blank as blank, not 0', async () => {
    expect((await mountInApp(ReportCell, { props: { value: 14069 } })).wrapper.text()).toBe('14,069');
    expect((await mountInApp(ReportCell, { props: { value: null } })).wrapper.text()).not.toContain('0');
  });
});
