import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FollowUpItemResult } from '../../graphql/api';
import { mountInApp } from '../../../test/mount';
import FollowUpsView from './FollowUpsView.vue';

type Body = { query: string; variables: Record<string, unknown> };

const item = (n: number): FollowUpItemResult => ({
  id: String(n),
  agency: { id: `a${n}`, name: `第${n}号机关` },
  year: 2024,
  reason: 'missing',
  detailZh: '截至期限未发现年度报告。',
  detailEn: 'No annual report found by the deadline.',
  status: 'pending',
  notes: '',
  answer: null,
  reportId: null,
  resolvedByReportId: null,
  updatedAt: '2025-02-01T00:00:00Z',
  contact: null,
});

/** A stand-in for the API holding `total` follow-up items: answers each page the view asks for, recording the asks. */
function stubFollowUps(total: number) {
  const asked: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { variables } = JSON.parse(String(init.body)) as Body;
      asked.push(variables);
      const skip = Number(variables.skip ?? 0);
      const take = Number(variables.take ?? 50);
      const items = Array.from({ length: Math.max(0, Math.min(take, total - skip)) }, (_, i) => item(skip + i + 1));
      return new Response(JSON.stringify({ data: { followUps: { total, items } } }), { status: 200 });
    }),
  );
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('follow-up list (督办)', () => {
  it('pages through a long list instead of cutting it off', async () => {
    const asked = stubFollowUps(120);
    const { wrapper } = await mountInApp(FollowUpsView);
    await flushPromises();

    expect(wrapper.text()).toContain('共 120 项');
    expect(wrapper.findAll('li.follow-up')).toHaveLength(50);
    expect(wrapper.get('nav.pager').text()).toContain('1');

    const next = wrapper.findAll('nav.pager button').find((b) => b.text() === '下一页')!;
    await next.trigger('click');
    await flushPromises();
    expect(asked.at(-1)).toMatchObject({ take: 50, skip: 50 });
    expect(wrapper.findAll('li.follow-up')[0]!.text()).toContain('第51号机关');

    await wrapper
      .findAll('nav.pager button')
      .find((b) => b.text() === '下一页')!
      .trigger('click');
    await flushPromises();
    expect(asked.at(-1)).toMatchObject({ skip: 100 });
    expect(wrapper.findAll('li.follow-up')).toHaveLength(20);
    expect(
      wrapper
        .findAll('nav.pager button')
        .find((b) => b.text() === '下一页')!
        .attributes('disabled'),
    ).toBeDefined();
  });

  it('goes back to the first page when the status filter changes', async () => {
    const asked = stubFollowUps(120);
    const { wrapper } = await mountInApp(FollowUpsView);
    await flushPromises();
    await wrapper
      .findAll('nav.pager button')
      .find((b) => b.text() === '下一页')!
      .trigger('click');
    await flushPromises();
    expect(asked.at(-1)).toMatchObject({ skip: 50 });

    const statusSelect = wrapper.findAll('select').find((s) => s.findAll('option').some((o) => o.attributes('value') === 'resolved'))!;
    await statusSelect.setValue('resolved');
    await flushPromises();
    expect(asked.at(-1)).toMatchObject({ statuses: ['resolved'], skip: 0 });
  });

  it('shows no pager when everything fits on one page', async () => {
    stubFollowUps(3);
    const { wrapper } = await mountInApp(FollowUpsView);
    await flushPromises();
    expect(wrapper.findAll('li.follow-up')).toHaveLength(3);
    expect(wrapper.find('nav.pager').exists()).toBe(false);
  });
});
