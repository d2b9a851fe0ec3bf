import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import { type AgencyProfile } from '../../graphql/api';
import AgencyEditForm from './AgencyEditForm.vue';

type Body = { query: string; variables: { input: Record<string, unknown> } };

const AGENCY: AgencyProfile = {
  id: '7',
  name: '鄂州市行政审批局',
  kind: 'department',
  level: 'city',
  aliases: ['鄂州市审批局'],
  listingUrl: null,
  reportUrls: [],
  parent: { id: '1', name: '鄂州市人民政府' },
  reports: [],
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function answering(respond: (body: Body) => unknown) {
  const sent: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      sent.push(body);
      return new Response(JSON.stringify(respond(body)), { status: 200 });
    }),
  );
  return sent;
}

describe('agency edit form', () => {
  it('sends only what changed and hands back the saved agency', async () => {
    const sent = answering((b) => ({
      data: { updateAgency: { ...AGENCY, listingUrl: b.variables.input.listingUrl, aliases: ['鄂州市审批局', '鄂州市行政审批服务局'], reports: undefined } },
    }));
    const { wrapper } = await mountInApp(AgencyEditForm, { props: { agency: AGENCY } });
    expect((wrapper.get('#agency-edit-name').element as HTMLInputElement).value).toBe('鄂州市行政审批局');
    expect(wrapper.text()).toContain('鄂州市人民政府');

    await wrapper.get('#agency-edit-listing').setValue('https://www.ezhou.gov.cn/zfxxgk/ndbg/');
    await wrapper.get('#agency-edit-aliases').setValue('鄂州市审批局\n鄂州市行政审批服务局');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toContain('mutation UpdateAgency');
    expect(sent[0]!.variables.input).toEqual({ id: '7', listingUrl: 'https://www.ezhou.gov.cn/zfxxgk/ndbg/', addAliases: ['鄂州市行政审批服务局'] });
    const saved = wrapper.emitted('saved')![0]![0] as AgencyProfile;
    expect(saved.listingUrl).toBe('https://www.ezhou.gov.cn/zfxxgk/ndbg/');
  });

  it('names the clerk’s mistakes beside their fields and sends nothing', async () => {
    const sent = answering(() => ({ data: null }));
    const { wrapper } = await mountInApp(AgencyEditForm, { props: { agency: AGENCY } });
    await wrapper.get('#agency-edit-name').setValue('局');
    await wrapper.get('#agency-edit-listing').setValue('www.ezhou.gov.cn/ndbg');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(sent).toHaveLength(0);
    expect(wrapper.get('#agency-edit-name-problem').text()).toBe('名称须为 2–100 个字。');
    expect(wrapper.get('#agency-edit-name').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#agency-edit-listing').attributes('aria-describedby')).toContain('agency-edit-listingUrl-problem');
    expect(wrapper.get('#agency-edit-listingUrl-problem').text()).toContain('网址须以 http:// 或 https:// 开头');
  });

  it('says so when nothing was changed', async () => {
    const sent = answering(() => ({ data: null }));
    const { wrapper } = await mountInApp(AgencyEditForm, { props: { agency: AGENCY } });
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent).toHaveLength(0);
    expect(wrapper.get('[role="status"]').text()).toBe('没有修改任何内容。');
  });

  it('shows the server’s refusal as it words it, and keeps the form', async () => {
    answering(() => ({
      errors: [{ message: '名称“鄂州市人民政府”已被另一个机关使用（作为名称或别名）。', extensions: { code: 'BAD_USER_INPUT', reason: 'NAME_TAKEN' } }],
    }));
    const { wrapper } = await mountInApp(AgencyEditForm, { props: { agency: AGENCY } });
    await wrapper.get('#agency-edit-name').setValue('鄂州市人民政府');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('名称“鄂州市人民政府”已被另一个机关使用');
    expect(wrapper.emitted('saved')).toBeUndefined();
    expect((wrapper.get('#agency-edit-name').element as HTMLInputElement).value).toBe('鄂州市人民政府');
  });

  it('takes the agency out from under its parent', async () => {
    const sent = answering(() => ({ data: { updateAgency: { ...AGENCY, parent: null } } }));
    const { wrapper } = await mountInApp(AgencyEditForm, { props: { agency: AGENCY } });
    const none = wrapper.findAll('button').find((b) => b.text() === '无上级')!;
    await none.trigger('click');
    expect(wrapper.find('.parent-current').text()).toBe('无上级');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent[0]!.variables.input).toEqual({ id: '7', parentId: null });
  });

  it('moves the agency under a government found by name (never under itself)', async () => {
    vi.useFakeTimers();
    const sent = answering((b) =>
      b.query.includes('query Agencies(')
        ? {
            data: {
              agencies: {
                total: 2,
                items: [
                  { id: '7', name: '鄂州市行政审批局' },
                  { id: '2', name: '湖北省人民政府' },
                ],
              },
            },
          }
        : { data: { updateAgency: { ...AGENCY, parent: { id: '2', name: '湖北省人民政府' } } } },
    );
    const { wrapper } = await mountInApp(AgencyEditForm, { props: { agency: AGENCY } });
    await wrapper.get('input[type="search"]').setValue('人民政府');
    await vi.advanceTimersByTimeAsync(300);
    await flushPromises();
    const options = wrapper.findAll('ul[aria-label="上级政府"] button');
    expect(options.map((b) => b.text())).toEqual(['湖北省人民政府']);
    await options[0]!.trigger('click');
    expect(wrapper.find('.parent-current').text()).toContain('湖北省人民政府');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)!.variables.input).toEqual({ id: '7', parentId: '2' });
  });
});
