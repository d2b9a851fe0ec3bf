import { describe, expect, it, vi } from 'vitest';
import { ApiError, defineOperation, request } from './client';

const Op = defineOperation<{ hello: string }, { name: string }>('query Hello($name: String) { hello(name: $name) }');
const json = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

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
    expect(JSON.parse(String(init.body))).toEqual({ query: Op.document, variables: { name: 'x' } });
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
