import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import { type AgencyMatchProposal } from '../../graphql/api';
import AgencyMatchProposals from './AgencyMatchProposals.vue';

type Body = { query: string; variables: Record<string, unknown> };

const TYPO: AgencyMatchProposal = {
  id: '3',
  printedName: '鄂州市行政审枇局',
  reason: 'typo',
  reportId: '88',
  createdAt: '2026-03-02T08:30:00Z',
  agency: { id: '90', name: '鄂州市行政审枇局' },
  proposedAgency: { id: '7', name: '鄂州市行政审批局' },
};
const UNKNOWN: AgencyMatchProposal = {
  id: '4',
  printedName: '鄂州市政务服务和大数据管理局',
  reason: null,
  reportId: '89',
  createdAt: '2026-03-02T08:31:00Z',
  agency: { id: '91', name: '鄂州市政务服务和大数据管理局' },
  proposedAgency: null,
};

/** A server holding two open proposals; confirming or rejecting one closes it. */
function fakeServer() {
  const sent: Body[] = [];
  let open = [TYPO, UNKNOWN];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Body;
    sent.push(body);
    let data: unknown;
    if (body.query.includes('mutation ConfirmAgencyMatch')) {
      open = open.filter((p) => p.id !== body.variables.proposalId);
      data = { confirmAgencyMatch: { id: '7', name: '鄂州市行政审批局' } };
    } else if (body.query.includes('mutation RejectAgencyMatch')) {
      open = open.filter((p) => p.id !== body.variables.proposalId);
      data = { rejectAgencyMatch: true };
    } else if (body.query.includes('query Agencies(')) {
      data = {
        agencies: {
          total: 2,
          items: [
            { id: '91', name: '鄂州市政务服务和大数据管理局' },
            { id: '12', name: '鄂州市政务服务和大数据管理局（市行政审批局）' },
          ],
        },
      };
    } else data = { agencyMatchProposals: open };
    return new Response(JSON.stringify({ data }), { status: 200 });
  });
  return { sent, fetch };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('new agency names to confirm', () => {
  it('asks about each name; "yes" merges into the proposed agency, "keep separate" keeps the new one', async () => {
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetch);
    const { wrapper } = await mountInApp(AgencyMatchProposals);
    await flushPromises();

    expect(wrapper.get('h2').text()).toBe('待确认的新机关名称（2）');
    const items = wrapper.findAll('li');
    expect(items[0]!.text()).toContain('导入新建了机关“鄂州市行政审枇局”——它是否就是已登记的“鄂州市行政审批局”？');
    expect(items[0]!.text()).toContain('名称相差一个字');
    expect(items[0]!.findAll('a').map((a) => a.attributes('href'))).toEqual(['/reports/88', '/agencies/90']);
    // No registered agency fits the second: it is kept, or merged into an agency the clerk finds.
    expect(items[1]!.text()).toContain('登记册中没有名称相近的机关');
    expect(items[1]!.findAll('button').map((b) => b.text())).toEqual(['保持独立', '是另一个已登记的机关…']);

    await items[0]!.get('button').trigger('click');
    await flushPromises();
    expect(server.sent.find((b) => b.query.includes('mutation ConfirmAgencyMatch'))!.variables).toEqual({ proposalId: '3', agencyId: null });
    expect(wrapper.get('[role="status"]').text()).toBe('“鄂州市行政审枇局”已并入 鄂州市行政审批局，并记为别名。');
    expect(wrapper.findAll('li')).toHaveLength(1);
    expect(wrapper.emitted('resolved')).toHaveLength(1);

    await wrapper.get('li button').trigger('click');
    await flushPromises();
    expect(server.sent.find((b) => b.query.includes('mutation RejectAgencyMatch'))!.variables).toEqual({ proposalId: '4' });
    expect(wrapper.get('[role="status"]').text()).toBe('“鄂州市政务服务和大数据管理局”已作为独立机关保留。');
    expect(wrapper.text()).toContain('没有待确认的机关名称。');
  });

  it('merges a name into another registered agency found by search', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetch);
    const { wrapper } = await mountInApp(AgencyMatchProposals);
    await flushPromises();
    const second = () => wrapper.findAll('li.proposal')[1]!;
    await second()
      .findAll('button')
      .find((b) => b.text() === '是另一个已登记的机关…')!
      .trigger('click');
    await second().get('input[type="search"]').setValue('政务服务');
    await vi.advanceTimersByTimeAsync(300);
    await flushPromises();
    // The new agency itself is not offered.
    const options = second().findAll('ul[aria-label^="查找"] button');
    expect(options.map((b) => b.text())).toEqual(['鄂州市政务服务和大数据管理局（市行政审批局）']);
    await options[0]!.trigger('click');
    await flushPromises();
    expect(server.sent.find((b) => b.query.includes('mutation ConfirmAgencyMatch'))!.variables).toEqual({ proposalId: '4', agencyId: '12' });
    expect(wrapper.findAll('li.proposal')).toHaveLength(1);
  });

  it('shows nothing while no name waits', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ data: { agencyMatchProposals: [] } }), { status: 200 })),
    );
    const { wrapper } = await mountInApp(AgencyMatchProposals);
    await flushPromises();
    expect(wrapper.find('section').exists()).toBe(false);
  });

  it('says why a proposal could not be confirmed, and lists what is still open', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as Body;
        if (body.query.includes('mutation'))
          return new Response(
            JSON.stringify({ errors: [{ message: '该匹配建议已处理（已确认）。', extensions: { code: 'BAD_USER_INPUT', reason: 'PROPOSAL_RESOLVED' } }] }),
            { status: 200 },
          );
        return new Response(JSON.stringify({ data: { agencyMatchProposals: [TYPO] } }), { status: 200 });
      }),
    );
    const { wrapper } = await mountInApp(AgencyMatchProposals);
    await flushPromises();
    await wrapper.get('li button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('该匹配建议已处理（已确认）。');
    expect(wrapper.findAll('li')).toHaveLength(1);
  });
});
