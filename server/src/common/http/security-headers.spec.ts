import type { NextFunction, Request, Response } from 'express';
import { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.js';

/** The headers of a request; by default a browser opening a page (GET, preferring HTML). */
function headersFor(
  path: string,
  https = false,
  request: { method?: string; query?: Record<string, string>; accept?: 'html' | 'json' } = {},
): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value) } as unknown as Response;
  let called = false;
  const accept = request.accept ?? 'html';
  const req = {
    path,
    method: request.method ?? 'GET',
    query: request.query ?? {},
    accepts: (types: string[]) => (accept === 'html' ? 'text/html' : types.includes('application/json') ? 'application/json' : false),
  } as unknown as Request;
  securityHeaders({ https })(req, res, (() => (called = true)) as NextFunction);
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

  it("answer the GraphQL API itself with frame-ancestors 'none': only the explorer page the dashboard frames says 'self'", () => {
    for (const request of [
      { method: 'POST', accept: 'json' as const },
      { method: 'GET', accept: 'json' as const },
      { method: 'GET', query: { query: '{ __typename }' } },
    ]) {
      const headers = headersFor('/graphql', false, request);
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });

  it('say nosniff and no-referrer, and HSTS only when served over HTTPS', () => {
    expect(headersFor('/')).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    expect(headersFor('/')['strict-transport-security']).toBeUndefined();
    expect(headersFor('/', true)['strict-transport-security']).toBe('max-age=31536000');
  });
});
