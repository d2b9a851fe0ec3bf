import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../src/router';

/** Mounts a component the way the app runs it: a fresh Pinia (locale zh-CN) and the app's routes in memory. */
export async function mountInApp<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) {
  globalThis.localStorage?.clear();
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push('/');
  await router.isReady();
  const wrapper = mount(component, { ...options, global: { plugins: [pinia, router], ...options.global } } as ComponentMountingOptions<C>);
  return { wrapper, router, pinia };
}
