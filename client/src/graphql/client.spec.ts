import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { ApiError, csrfHeaders, request, sessionHooks } from './client';

const HELLO = 'query Hello($name: String) {\n  hello(name: $name)\n}';
const Op = parse(HELLO) as TypedDocumentNode<{ hello: string }, { name: string }>;
const json = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('GraphQL request', () => {
  it('posts the document and variables and returns data', async () => {
    const fetch = json(200, { data: { hello: 'world' } });
    await expect(request(Op, { name: 'x' }, { fetch, url: '/graphql' })).resolves.toEqual({ hello: 'world' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ query: HELLO, variables: { name: 'x' } });
  });

  it('reports GraphQL errors with their codes', async () => {
    const fetch = json(200, { data: null, errors: [{ message: 'take must be ≤ 100', extensions: { code: 'BAD_USER_INPUT' } }] });
    const e = await failure(request(Op, { name: 'x' }, { fetch }));
    expect(e.kind).toBe('graphql');
    expect(e.codes).toEqual(['BAD_USER_INPUT']);
    expect(e.message).toBe('take must be ≤ 100');
  });

  it('reports an HTTP error without a GraphQL body', async () => {
    const fetch = vi.fn(async () => new Response('Bad gateway', { status: 502 }));
    const e = await failure(request(Op, { name: 'x' }, { fetch }));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(502);
  });

  it('reports an unreachable server as a network error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await failure(request(Op, { name: 'x' }, { fetch }))).kind).toBe('network');
  });

  it('passes an abort through untouched', async () => {
    const fetch = vi.fn(async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(request(Op, { name: 'x' }, { fetch })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('GraphQL request with a session', () => {
  afterEach(() => {
    sessionHooks.csrfToken = () => null;
    sessionHooks.onSessionEnded = () => {};
  });

  it('sends the session cookie and the CSRF token of the session', async () => {
    sessionHooks.csrfToken = () => 'token-from-session';
    const fetch = json(200, { data: { hello: 'world' } });
    await request(Op, { name: 'x' }, { fetch });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('x-csrf-token')).toBe('token-from-session');
    expect(csrfHeaders()).toEqual({ 'x-csrf-token': 'token-from-session' });
  });

  it('sends no CSRF header when nobody is signed in', async () => {
    const fetch = json(200, { data: { hello: 'world' } });
    await request(Op, { name: 'x' }, { fetch });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).has('x-csrf-token')).toBe(false);
    expect(csrfHeaders()).toEqual({});
  });

  it('keeps the reason and details of an error, and tells the session when the server ended it', async () => {
    const ended = vi.fn();
    sessionHooks.onSessionEnded = ended;
    const expired = json(200, { data: null, errors: [{ message: '登录已过期', extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' } }] });
    const e = await failure(request(Op, { name: 'x' }, { fetch: expired }));
    expect(e.reasons).toEqual(['SESSION_EXPIRED']);
    expect(ended).toHaveBeenCalledTimes(1);

    const locked = json(200, {
      data: null,
      errors: [{ message: '已锁定', extensions: { code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED', details: { lockedUntil: '2030-01-01T00:00:00Z' } } }],
    });
    const l = await failure(request(Op, { name: 'x' }, { fetch: locked }));
    expect(l.details).toEqual({ lockedUntil: '2030-01-01T00:00:00Z' });
    // A refused sign-in is not "the session ended".
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
