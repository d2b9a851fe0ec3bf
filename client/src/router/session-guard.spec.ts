import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { sessionHooks } from '../graphql/client';
import { PAGE_SESSION_ELEMENT_ID, useSessionStore } from '../stores/session';
import { createAppRouter } from './index';
import { installSessionGuard, safeRedirect } from './session-guard';

const SIGNED_IN = {
  csrfToken: 'csrf-1',
  expiresAt: '2030-01-01T00:00:00Z',
  user: { id: '1', username: 'clerk', displayName: '张三', role: 'editor', agency: null },
};

/** The API as far as the guard sees it: the Session query answers `session`. */
function stubSession(session: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { session } }), { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

let router: Router;
beforeEach(() => {
  setActivePinia(createPinia());
  router = createAppRouter(createMemoryHistory());
  installSessionGuard(router);
});
afterEach(() => {
  vi.unstubAllGlobals();
  sessionHooks.csrfToken = () => null;
  sessionHooks.onSessionEnded = () => {};
});

describe('the session guard', () => {
  it('sends a signed-out visitor to the sign-in page, remembering where they were going', async () => {
    stubSession(null);
    await router.push('/reports/7?year=2024');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query).toEqual({ redirect: '/reports/7?year=2024' });
  });

  it('lets a signed-in user through and asks the server only once', async () => {
    const fetch = stubSession(SIGNED_IN);
    await router.push('/reports/7');
    await router.push('/');
    expect(router.currentRoute.value.path).toBe('/');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(useSessionStore().user?.displayName).toBe('张三');
    expect(sessionHooks.csrfToken()).toBe('csrf-1');
  });

  describe('with the session the served page carries', () => {
    function servePageWith(session: unknown) {
      const element = document.createElement('script');
      element.id = PAGE_SESSION_ELEMENT_ID;
      element.type = 'application/json';
      element.textContent = JSON.stringify(session);
      document.head.append(element);
    }
    afterEach(() => document.getElementById(PAGE_SESSION_ELEMENT_ID)?.remove());

    it('lets the signed-in user through without asking the server, and asks it on a later load', async () => {
      servePageWith(SIGNED_IN);
      const fetch = stubSession(null);
      await router.push('/reports/7');
      expect(router.currentRoute.value.path).toBe('/reports/7');
      expect(fetch).not.toHaveBeenCalled();
      expect(useSessionStore().user?.displayName).toBe('张三');
      expect(sessionHooks.csrfToken()).toBe('csrf-1');
      // Read once: the next load (e.g. after one's own account changed) asks the server.
      await useSessionStore().load();
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(useSessionStore().status).toBe('signedOut');
    });

    it('sends the visitor the page says nobody is signed in as to the sign-in page, without asking', async () => {
      servePageWith(null);
      const fetch = stubSession(SIGNED_IN);
      await router.push('/reports/7');
      expect(router.currentRoute.value.name).toBe('login');
      expect(fetch).not.toHaveBeenCalled();
    });

    it('asks the server when the page carries something it cannot read', async () => {
      servePageWith(null);
      document.getElementById(PAGE_SESSION_ELEMENT_ID)!.textContent = '{not json';
      const fetch = stubSession(SIGNED_IN);
      await router.push('/reports/7');
      expect(router.currentRoute.value.path).toBe('/reports/7');
      expect(fetch).toHaveBeenCalledTimes(1);
    });
  });

  it('goes to the sign-in page when the server ends the session later', async () => {
    stubSession(SIGNED_IN);
    await router.push('/reports/7');
    sessionHooks.onSessionEnded();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(router.currentRoute.value.query).toEqual({ redirect: '/reports/7' });
    expect(useSessionStore().ended).toBe(true);
    expect(sessionHooks.csrfToken()).toBeNull();
  });

  it("loads the page's code while the server is asked who is signed in, not after", async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((r) => (answer = r));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        await answered;
        return new Response(JSON.stringify({ data: { session: SIGNED_IN } }), { status: 200 });
      }),
    );
    const loadPage = vi.fn(async () => ({ render: () => null }));
    const lazy = createRouter({ history: createMemoryHistory(), routes: [{ path: '/page', component: loadPage }] });
    installSessionGuard(lazy);
    const navigation = lazy.push('/page');
    await vi.waitFor(() => expect(loadPage).toHaveBeenCalled());
    expect(lazy.currentRoute.value.path).toBe('/');
    answer();
    await navigation;
    expect(lazy.currentRoute.value.path).toBe('/page');
  });

  it('opens the sign-in page without asking the server', async () => {
    const fetch = stubSession(null);
    await router.push('/login');
    expect(router.currentRoute.value.name).toBe('login');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('safeRedirect', () => {
  it('returns only paths of this site', () => {
    expect(safeRedirect('/reports/7?year=2024')).toBe('/reports/7?year=2024');
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', undefined, ['/a']]) {
      expect(safeRedirect(bad)).toBe('/');
    }
  });
});
