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

describe('the same query asked twice at once', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A server whose answers wait until `answer()`; every request's signal is kept. */
  function slowServer() {
    const signals: AbortSignal[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      signals.push(init.signal!);
      await gate;
      if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const { variables } = JSON.parse(String(init.body)) as { variables: { name: string } };
      return new Response(JSON.stringify({ data: { hello: `hi ${variables.name}` } }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetch);
    return { fetch, signals, answer: () => release() };
  }

  it('sends one request and gives both callers its answer', async () => {
    const server = slowServer();
    const a = request(Op, { name: 'x' }, { signal: new AbortController().signal });
    const b = request(Op, { name: 'x' });
    server.answer();
    await expect(Promise.all([a, b])).resolves.toEqual([{ hello: 'hi x' }, { hello: 'hi x' }]);
    expect(server.fetch).toHaveBeenCalledTimes(1);
  });

  it('sends each set of variables, and asks again once the answer has come', async () => {
    const server = slowServer();
    server.answer();
    await expect(Promise.all([request(Op, { name: 'x' }), request(Op, { name: 'y' })])).resolves.toEqual([{ hello: 'hi x' }, { hello: 'hi y' }]);
    await request(Op, { name: 'x' });
    expect(server.fetch).toHaveBeenCalledTimes(3);
  });

  it('ends only the wait of a caller who gives up, and the request when every caller has', async () => {
    const server = slowServer();
    const first = new AbortController();
    const second = new AbortController();
    const a = request(Op, { name: 'x' }, { signal: first.signal });
    const b = request(Op, { name: 'x' }, { signal: second.signal });
    first.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.signals[0]!.aborted).toBe(false);
    second.abort();
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.signals[0]!.aborted).toBe(true);
    // A caller after that starts afresh.
    const c = request(Op, { name: 'x' });
    server.answer();
    await expect(c).resolves.toEqual({ hello: 'hi x' });
    expect(server.fetch).toHaveBeenCalledTimes(2);
  });

  it('never shares a mutation', async () => {
    const Save = parse('mutation Save($name: String) { save(name: $name) }') as TypedDocumentNode<{ save: string }, { name: string }>;
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { save: 'ok' } }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await Promise.all([request(Save, { name: 'x' }), request(Save, { name: 'x' })]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
