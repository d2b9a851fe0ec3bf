import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router';
import { sessionHooks } from '../graphql/client';
import { useSessionStore } from '../stores/session';

/** Where to go after signing in: only a path of this site (never `//other.host` or `https://…`). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export function loginRoute(redirect: string): RouteLocationRaw {
  return { name: 'login', query: redirect && redirect !== '/' ? { redirect } : {} };
}

/**
 * Every page but the sign-in page needs a session: the first navigation asks the server, and a signed-out user
 * goes to the sign-in page, coming back to where they were going afterwards. When the server ends the session
 * later (any request answered NOT_SIGNED_IN / SESSION_EXPIRED), the app goes to the sign-in page the same way.
 */
export function installSessionGuard(router: Router, session = useSessionStore()): void {
  sessionHooks.csrfToken = () => session.csrfToken;
  sessionHooks.onSessionEnded = () => {
    if (session.status !== 'signedIn') return;
    session.clear(true);
    const current = router.currentRoute.value;
    if (!current.meta['public']) void router.push(loginRoute(current.fullPath));
  };

  router.beforeEach(async (to) => {
    if (to.meta['public']) return true;
    if (session.status === 'unknown') {
      // The page's own code downloads while the server is asked, not after (the router would load it next).
      preloadPageCode(to);
      try {
        await session.load();
      } catch {
        // The server cannot be reached: the page shows its own error and a retry.
        return true;
      }
    }
    return session.status === 'signedIn' ? true : loginRoute(to.fullPath);
  });
}

/**
 * Starts the lazily loaded components of a route (the router calls the same loaders, and the module cache answers
 * it). A loader is a function that is not itself a component (the router's own test: no displayName, props or
 * compiled options); a failure is left for the router to meet and report.
 */
function preloadPageCode(to: RouteLocationNormalized): void {
  for (const record of to.matched) {
    for (const component of Object.values(record.components ?? {})) {
      if (typeof component !== 'function' || 'displayName' in component || 'props' in component || '__vccOpts' in component) continue;
      void (component as () => Promise<unknown>)().catch(() => {});
    }
  }
}
