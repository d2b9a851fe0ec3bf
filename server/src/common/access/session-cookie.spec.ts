import type { Request, Response } from 'express';
import { SESSION_COOKIE, hasCsrfToken, newToken, readCookie, setSessionCookie, tokenHash } from './session-cookie.js';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as Request;

describe('the session cookie', () => {
  it('is httpOnly and SameSite=Lax always, and Secure when the site is served over HTTPS', () => {
    const calls: unknown[][] = [];
    const res = { cookie: (...args: unknown[]) => calls.push(args) } as unknown as Response;
    setSessionCookie(res, 'tok', 3_600_000, false);
    setSessionCookie(res, 'tok', 3_600_000, true);
    expect(calls[0]).toEqual([SESSION_COOKIE, 'tok', { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 3_600_000 }]);
    expect(calls[1]![2]).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true });
  });

  it('is read from the Cookie header among others, and only when it looks like one of our tokens', () => {
    const token = newToken();
    expect(readCookie(req({ cookie: `theme=dark; ${SESSION_COOKIE}=${token}; lang=zh` }), SESSION_COOKIE)).toBe(token);
    expect(readCookie(req({ cookie: `${SESSION_COOKIE}=<script>` }), SESSION_COOKIE)).toBeNull();
    expect(readCookie(req({}), SESSION_COOKIE)).toBeNull();
  });

  it('tokens are long and random, and stored only as their sha256', () => {
    const a = newToken();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(tokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(a)).not.toContain(a);
  });
});

describe('the CSRF header', () => {
  it('must equal the session token exactly', () => {
    expect(hasCsrfToken(req({ 'x-csrf-token': 'abc' }), 'abc')).toBe(true);
    expect(hasCsrfToken(req({ 'x-csrf-token': 'abd' }), 'abc')).toBe(false);
    expect(hasCsrfToken(req({ 'x-csrf-token': 'ab' }), 'abc')).toBe(false);
    expect(hasCsrfToken(req({}), 'abc')).toBe(false);
  });
});
