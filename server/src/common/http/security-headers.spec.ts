import type { NextFunction, Request, Response } from 'express';
import { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.js';

function headersFor(path: string, https = false): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value) } as unknown as Response;
  let called = false;
  securityHeaders({ https })({ path } as Request, res, (() => (called = true)) as NextFunction);
  expect(called).toBe(true);
  return headers;
}

describe('security headers', () => {
  it('allow scripts only from this server: no inline script, no eval, no other origin', () => {
    const csp = headersFor('/')['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
  });

  it('forbid framing the dashboard anywhere, and the GraphQL explorer anywhere but this site', () => {
    expect(headersFor('/reports/1')).toMatchObject({ 'x-frame-options': 'DENY' });
    expect(headersFor('/reports/1')['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headersFor('/graphql')).toMatchObject({ 'x-frame-options': 'SAMEORIGIN' });
    expect(headersFor('/graphql')['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headersFor('/graphql')['content-security-policy']).toBe(CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
  });

  it('say nosniff and no-referrer, and HSTS only when served over HTTPS', () => {
    expect(headersFor('/')).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    expect(headersFor('/')['strict-transport-security']).toBeUndefined();
    expect(headersFor('/', true)['strict-transport-security']).toBe('max-age=31536000');
  });
});
