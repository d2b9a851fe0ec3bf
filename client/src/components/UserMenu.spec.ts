import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { mountInApp } from '../../test/mount';
import { useSessionStore } from '../stores/session';
import UserMenu from './UserMenu.vue';

describe('the user menu', () => {
  it('offers every signed-in user the change-password page', async () => {
    const { wrapper, pinia, router } = await mountInApp(UserMenu);
    const session = useSessionStore(pinia);
    session.set({ csrfToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { ...session.user!, role: 'viewer' } });
    await flushPromises();
    const link = wrapper.findAll('a').find((a) => a.text() === '修改密码');
    expect(link?.attributes('href')).toBe(router.resolve({ name: 'account' }).href);
    expect(router.resolve('/account').meta.access).toBeUndefined();
  });

  it('the users page is for administrators only', async () => {
    const { router } = await mountInApp(UserMenu);
    expect(router.resolve('/users').meta.access).toBe('admin');
  });
});
