import { mayAccess, type AccessSet } from '@ogi/domain';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { request } from '../graphql/client';
import { LoginDocument, LogoutDocument, SessionDocument, type SessionInfo, type SessionUser } from '../graphql/api';

/** The element of the served page that carries the session (server/src/common/http/dashboard.ts writes it). */
export const PAGE_SESSION_ELEMENT_ID = 'ogi-session';

/**
 * The session the server wrote into the page it served: what the `Session` query would have answered, without a
 * round trip before the first page can ask for its data. Read once and removed, so that every later load asks the
 * server; undefined when the page carries none (or it cannot be read), and the server is asked.
 */
function takePageSession(): SessionInfo | null | undefined {
  const element = typeof document === 'undefined' ? null : document.getElementById(PAGE_SESSION_ELEMENT_ID);
  if (!element) return undefined;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? '') as SessionInfo | null;
  } catch {
    return undefined;
  }
}

/** unknown: not asked yet; signedIn / signedOut: as the server said. */
export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut';

/**
 * Who is signed in and the CSRF token their mutations carry. The session itself is the server's httpOnly cookie,
 * which scripts cannot read; this store keeps only what the server told the page, in memory.
 */
export const useSessionStore = defineStore('session', () => {
  const user = shallowRef<SessionUser | null>(null);
  const csrfToken = ref<string | null>(null);
  const status = ref<SessionStatus>('unknown');
  /** True when the server ended the session (idle too long, signed out elsewhere): the sign-in page says so. */
  const ended = ref(false);
  let loading: Promise<void> | null = null;

  function set(session: SessionInfo | null) {
    user.value = session?.user ?? null;
    csrfToken.value = session?.csrfToken ?? null;
    status.value = session ? 'signedIn' : 'signedOut';
    if (session) ended.value = false;
  }

  /** Asks the server who is signed in (once at a time); the first time, the served page may already say. */
  function load(): Promise<void> {
    const fromPage = takePageSession();
    if (fromPage !== undefined) {
      set(fromPage);
      return Promise.resolve();
    }
    loading ??= request(SessionDocument, {})
      .then((r) => set(r.session))
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  async function signIn(username: string, password: string): Promise<void> {
    set((await request(LoginDocument, { username, password })).login);
  }

  async function signOut(): Promise<void> {
    try {
      await request(LogoutDocument, {});
    } finally {
      clear(false);
    }
  }

  /** Forgets the session; `byServer` when the server ended it. */
  function clear(byServer: boolean) {
    set(null);
    ended.value = byServer;
  }

  /** Whether the signed-in user's role is in one of the access policy's sets (the server decides; this only hides). */
  const can = (set: AccessSet) => mayAccess(user.value?.role, set);

  const signedIn = computed(() => status.value === 'signedIn');

  return { user, csrfToken, status, ended, signedIn, load, signIn, signOut, clear, set, can };
});
