/**
 * Security headers on every response, API and dashboard alike. The Content-Security-Policy allows scripts,
 * styles and connections only from this server — no inline script, no eval, no other origin — so even text that
 * slipped into the page as markup could not run; nobody may frame the dashboard (clickjacking).
 */
import type { NextFunction, Request, Response } from 'express';

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

export function securityHeaders(options: { https: boolean }) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Frame-Options', 'DENY');
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
