import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from './App.vue';
import { sessionHooks } from './graphql/client';
import { createAppRouter } from './router';
import { installSessionGuard } from './router/session-guard';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionHooks.csrfToken = () => null;
  sessionHooks.onSessionEnded = () => {};
});

describe('the first moments of a visit', () => {
  it('says it is loading while the session is checked, instead of an empty page', async () => {
    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    setActivePinia(createPinia());
    const router = createAppRouter(createMemoryHistory());
    installSessionGuard(router);
    void router.push('/');
    const wrapper = mount(App, { global: { plugins: [router] } });
    await flushPromises();
    expect(wrapper.get('main [role="status"]').text()).toBe('正在加载…');

    // Signed out: the sign-in page takes its place.
    answer(new Response(JSON.stringify({ data: { session: null } })));
    await flushPromises();
    await vi.dynamicImportSettled();
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('login');
    expect(wrapper.find('main [role="status"]').exists()).toBe(false);
  });
});
