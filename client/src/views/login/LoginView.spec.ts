import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import { useSessionStore } from '../../stores/session';
import LoginView from './LoginView.vue';

type Body = { query: string; variables: Record<string, unknown> };
afterEach(() => vi.unstubAllGlobals());

function stubApi(answer: (body: Body) => unknown) {
  const calls: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      calls.push(body);
      return new Response(JSON.stringify(answer(body)), { status: 200 });
    }),
  );
  return calls;
}

const SESSION = {
  csrfToken: 'csrf-1',
  expiresAt: '2030-01-01T00:00:00Z',
  user: { id: '3', username: 'dept.clerk', displayName: '李四', role: 'department', agency: { id: '9', name: '鄂州市行政审批局' } },
};

describe('the sign-in page', () => {
  it('signs in with what was typed and goes where the user was going', async () => {
    const calls = stubApi(() => ({ data: { login: SESSION } }));
    const { wrapper, router } = await mountInApp(LoginView);
    await router.push({ name: 'login', query: { redirect: '/reports/5' } });
    await wrapper.get('#login-username').setValue(' dept.clerk ');
    await wrapper.get('#login-password').setValue('a long password');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls[0]!.variables).toEqual({ username: 'dept.clerk', password: 'a long password' });
    // The report page loads on first visit: wait for the navigation, not a fixed time.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/reports/5'), { timeout: 10_000 });
    expect(useSessionStore().user?.agency?.name).toBe('鄂州市行政审批局');
  });

  it('shows why a sign-in was refused and clears the password', async () => {
    stubApi(() => ({ data: null, errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' } }] }));
    const { wrapper, router } = await mountInApp(LoginView);
    await router.push({ name: 'login' });
    await wrapper.get('#login-username').setValue('clerk');
    await wrapper.get('#login-password').setValue('wrong password');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('用户名或密码不正确。连续多次输错，账号将被暂时锁定。');
    expect((wrapper.get('#login-password').element as HTMLInputElement).value).toBe('');
    expect(router.currentRoute.value.name).toBe('login');
  });

  it('cannot be sent empty', async () => {
    const calls = stubApi(() => ({ data: { login: SESSION } }));
    const { wrapper } = await mountInApp(LoginView);
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined();
    await wrapper.get('form').trigger('submit');
    expect(calls).toHaveLength(0);
  });
});
