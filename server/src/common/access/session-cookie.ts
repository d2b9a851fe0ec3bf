/**
 * The session cookie and the CSRF header. The cookie carries a random token (httpOnly, SameSite=Lax, Secure
 * behind HTTPS); the database keeps only its sha256. Every state-changing request of a signed-in user must also
 * send the session's CSRF token in `x-csrf-token`, which a page of another site can neither read nor set.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'ogi_session';
export const CSRF_HEADER = 'x-csrf-token';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** One cookie's value from the Cookie header (no cookie-parser needed for one cookie). */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    // Our tokens are base64url; anything else is not ours.
    return /^[\w-]{20,100}$/.test(value) ? value : null;
  }
  return null;
}

function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookie(res: Response, token: string, maxAgeMs: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(secure), maxAge: maxAgeMs });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(secure));
}

/** Whether the request carries the session's CSRF token (compared in constant time). */
export function hasCsrfToken(req: Request, expected: string): boolean {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
