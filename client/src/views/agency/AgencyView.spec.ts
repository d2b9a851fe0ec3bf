import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import AgencyView from './AgencyView.vue';

/**
 * The agency profile as it meets the API: 甲市教育局 (id 5, a department under 甲市人民政府) and its peers, the
 * city's departments 5, 6 and 7, whose 2023 disclosure rates are 60 %, 80 % and 40 %: median 60 %, and 5 ranks
 * second of three (higher is better).
 */
const PROFILE = {
  agency: {
    id: '5',
    name: '甲市教育局',
    kind: 'department',
    level: 'city',
    aliases: [],
    listingUrl: null,
    reportUrls: [],
    parent: { id: '1', name: '甲市人民政府' },
    reports: [{ id: 'r5', year: 2023, template: '2021', publishedOn: '2024-01-20', deadline: '2024-01-31', daysLate: null, version: 1, findings: [] }],
  },
};
const rate = (agencyId: string, value: number) => ({
  agencyId,
  year: 2023,
  metric: 'outcomes.disclosureRate',
  value,
  numerator: value * 10,
  denominator: 10,
  reportId: `r${agencyId}`,
  quality: 'ok',
  scope: 'self',
  printedValue: null,
  partsValue: null,
  evidence: [],
});
const compareOf = (agencies: string[], values: ReturnType<typeof rate>[]) => ({
  compare: { agencies: agencies.map((id) => ({ id, name: `机关${id}` })), years: [2023], values },
});

type Sent = { query: string; variables: Record<string, unknown> };
let sent: Sent[] = [];
const held: { body: Sent; go: () => void }[] = [];
/** Answers the requests held so far (those `which` picks). */
const release = (which: (s: Sent) => boolean = () => true) => {
  for (const h of held.filter((x) => which(x.body))) {
    held.splice(held.indexOf(h), 1);
    h.go();
  }
};
const isPeers = (s: Sent) => !!(s.variables.selection as { peersOf?: string } | undefined)?.peersOf;

function answer() {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      const body = JSON.parse(init.body) as Sent;
      sent.push(body);
      await new Promise<void>((go) => held.push({ body, go }));
      let data: unknown = {};
      if (body.query.includes('query AgencyProfile')) data = PROFILE;
      else if (body.query.includes('query Compare')) {
        const selection = body.variables.selection as { agencyIds?: string[]; peersOf?: string };
        data = selection.peersOf ? compareOf(['5', '6', '7'], [rate('5', 0.6), rate('6', 0.8), rate('7', 0.4)]) : compareOf(['5'], [rate('5', 0.6)]);
      } else if (body.query.includes('query Findings')) data = { findings: { total: 0, items: [] } };
      return new Response(JSON.stringify({ data }));
    }),
  );
}

afterEach(() => {
  release();
  vi.unstubAllGlobals();
});
enableAutoUnmount(afterEach);

describe('the agency profile', () => {
  it('asks for the agency, its values and its peers at once, and ranks it among them', async () => {
    answer();
    const { wrapper, router } = await mountInApp(AgencyView, { global: { stubs: { ChartCard: true, FindingsPanel: true } } });
    await router.push('/agencies/5');
    await flushPromises();
    // Nothing answered yet: the peers are asked by the agency's id, beside the agency itself.
    const compares = sent.filter((s) => s.query.includes('query Compare')).map((s) => s.variables.selection);
    expect(sent.some((s) => s.query.includes('query AgencyProfile'))).toBe(true);
    expect(compares).toEqual(expect.arrayContaining([{ agencyIds: ['5'] }, { peersOf: '5' }]));

    release();
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('h1').exists()).toBe(true);
    });
    expect(wrapper.get('h1').text()).toBe('甲市教育局');
    const row = wrapper.findAll('tbody tr').find((tr) => tr.get('th').text().startsWith('公开率'))!;
    expect(row.findAll('td').map((td) => td.text())).toEqual(['60.0%', '60.0%', '2 / 3']);
    expect(wrapper.text()).toContain('同一上级下的同类机关（3 个）');
  });

  it('draws its chart once, with the peers’ median, when the peers have come', async () => {
    answer();
    const { wrapper, router } = await mountInApp(AgencyView, { global: { stubs: { ChartCard: true, FindingsPanel: true } } });
    await router.push('/agencies/5');
    await flushPromises();
    release((s) => !isPeers(s));
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('h1').exists()).toBe(true);
    });
    const chart = () => wrapper.findComponent({ name: 'ChartCard' });
    expect(chart().props('option')).toBeNull();
    release();
    await vi.waitFor(async () => {
      await flushPromises();
      expect(chart().props('option')).not.toBeNull();
    });
    const series = (chart().props('option') as { series: { name: string; data: unknown[] }[] }).series;
    expect(series.map((s) => s.name)).toEqual(['甲市教育局', '同类中位数']);
    // 2023 only: its own 60 % and the median of 60, 80 and 40 %.
    expect(series[1]!.data).toEqual([60]);
  });
});
