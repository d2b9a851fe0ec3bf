/**
 * Security headers on every response, API and dashboard alike. The Content-Security-Policy allows scripts,
 * styles and connections only from this server — no inline script, no eval, no other origin — so even text that
 * slipped into the page as markup could not run; nobody may frame anything (clickjacking): `frame-ancestors 'none'`.
 * The one exception is the GraphQL explorer page (a browser's GET /graphql), which the dashboard's own GraphQL
 * page embeds in a frame: it may be framed by this site only. The GraphQL API on the same path (POST, or GET with
 * a query) answers `'none'` like everything else.
 */
import type { NextFunction, Request, Response } from 'express';
import { wantsExplorer } from './graphiql.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const FRAMEABLE_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

export function securityHeaders(options: { https: boolean }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const framed = wantsExplorer({ method: req.method, path: req.path, query: req.query ?? {}, accepts: (types) => req.accepts(types) });
    res.setHeader('Content-Security-Policy', framed ? FRAMEABLE_POLICY : CONTENT_SECURITY_POLICY);
    res.setHeader('X-Frame-Options', framed ? 'SAMEORIGIN' : 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    // Only when served over HTTPS (behind a proxy): browsers then refuse plain HTTP to this host for a year.
    if (options.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}
