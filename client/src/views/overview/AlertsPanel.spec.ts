import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { mountInApp } from '../../../test/mount';
import { EMPTY_SELECTION } from '../../filters/dashboard-filters';
import { type SubmissionResult } from '../../graphql/api';
import AlertsPanel from './AlertsPanel.vue';

/** Eight agencies of one city that have not reported for 2024 (due 31 January 2025). */
const missing: SubmissionResult[] = Array.from({ length: 8 }, (_, i): SubmissionResult => ({
  agency: { id: String(100 + i), name: `某市第${i + 1}局` },
  year: 2024,
  status: 'MISSING',
  reportId: null,
  publishedOn: null,
  deadline: '2025-01-31',
  daysLate: null,
  failingChecks: 0,
  discovery: 'NOT_FOUND',
  discoveredUrl: null,
  discoveryDetail: null,
  missingMark: null,
}));

describe('what needs chasing on the overview', () => {
  it('dates the deadline as the rest of the product does', async () => {
    const { wrapper } = await mountInApp(AlertsPanel, { props: { submissions: missing.slice(0, 1), year: 2024 } });
    expect(wrapper.get('li').text()).toContain('应于 2025年1月31日 前公布');
  });

  it('opens "see all" on the same city and everything under it, for the same year', async () => {
    const { wrapper } = await mountInApp(AlertsPanel, {
      props: { submissions: missing, year: 2024, selection: { ...EMPTY_SELECTION, parentId: '7', includeDescendants: true } },
    });
    await flushPromises();
    const more = wrapper.get('a.alerts__more');
    expect(more.text()).toBe('另有 2 个，查看全部');
    const url = new URL(more.attributes('href')!, 'http://x');
    expect(url.pathname).toBe('/quality');
    expect(Object.fromEntries(url.searchParams)).toEqual({ years: '2024', parent: '7', descendants: '1' });
  });

  it('makes the first six on screen and every one when the page is printed', async () => {
    const { wrapper } = await mountInApp(AlertsPanel, { props: { submissions: missing, year: 2024 } });
    const names = () => wrapper.findAll('li').map((li) => li.text().split(' · ')[0]);
    expect(names()).toEqual(missing.slice(0, 6).map((s) => s.agency.name));
    window.dispatchEvent(new Event('beforeprint'));
    await flushPromises();
    expect(names()).toEqual(missing.map((s) => s.agency.name));
    // Those beyond the first six are for paper only.
    expect(wrapper.findAll('li.print-only-item')).toHaveLength(2);
    window.dispatchEvent(new Event('afterprint'));
    await flushPromises();
    expect(names()).toHaveLength(6);
  });
});
