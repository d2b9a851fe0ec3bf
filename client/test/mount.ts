import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../src/router';
import { useSessionStore } from '../src/stores/session';

/** The signed-in user components are mounted for: an administrator, who may use every page. */
export const TEST_SESSION = {
  csrfToken: 'test-csrf-token',
  expiresAt: '2099-01-01T00:00:00Z',
  user: { id: '1', username: 'test.admin', displayName: '测试管理员', role: 'admin' as const, agency: null },
};

/**
 * Mounts a component the way the app runs it: a fresh Pinia (locale zh-CN, an administrator signed in) and the
 * app's routes in memory.
 */
export async function mountInApp<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) {
  globalThis.localStorage?.clear();
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore(pinia).set(TEST_SESSION);
  const router = createAppRouter(createMemoryHistory());
  await router.push('/');
  await router.isReady();
  const wrapper = mount(component, { ...options, global: { plugins: [pinia, router], ...options.global } } as ComponentMountingOptions<C>);
  return { wrapper, router, pinia };
}
