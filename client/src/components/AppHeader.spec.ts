import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../test/mount';
import { useSessionStore } from '../stores/session';
import AppHeader from './AppHeader.vue';

afterEach(() => vi.unstubAllGlobals());

describe('the header', () => {
  it('shows who is signed in, their role and, for a department user, their agency', async () => {
    const { wrapper, pinia } = await mountInApp(AppHeader);
    useSessionStore(pinia).set({
      csrfToken: 't',
      expiresAt: '2099-01-01T00:00:00Z',
      user: { id: '7', username: 'dept', displayName: '李四', role: 'department', agency: { id: '3', name: '鄂州市行政审批局' } },
    });
    await flushPromises();
    expect(wrapper.get('[role="group"][aria-label="当前账号"]').text()).toContain('李四');
    expect(wrapper.get('[role="group"][aria-label="当前账号"]').text()).toContain('部门用户 · 鄂州市行政审批局');
  });

  it('offers only the pages the role can use', async () => {
    const { wrapper, pinia } = await mountInApp(AppHeader);
    const links = () =>
      wrapper
        .get('nav')
        .findAll('a')
        .map((a) => a.text());
    expect(links()).toEqual(expect.arrayContaining(['导入', 'GraphQL']));
    const session = useSessionStore(pinia);
    session.set({ csrfToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { ...session.user!, role: 'viewer' } });
    await flushPromises();
    expect(links()).not.toContain('导入');
    expect(links()).not.toContain('GraphQL');
    expect(links()).toContain('报告');
  });

  it('signs out and goes to the sign-in page', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { logout: true } }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router, pinia } = await mountInApp(AppHeader);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '退出登录')!
      .trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'), { timeout: 10_000 });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body)).query).toContain('logout');
    expect(useSessionStore(pinia).user).toBeNull();
  });
});
