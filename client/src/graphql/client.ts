/**
 * A tiny typed GraphQL client: POST one operation to the API, get its `data` or an `ApiError`.
 * Each operation lives in its own `.graphql` file; GraphQL Code Generator turns it into a typed document node
 * (`generated/graphql.ts`, re-exported with named result parts by `api.ts`), so results are typed end to end.
 * Requests carry the session cookie and the session's CSRF token (`x-csrf-token`); when the server says the
 * session is over, the session store hears it and the app goes to the sign-in page.
 */

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

/** How the session store plugs into every request (see stores/session.ts; nothing is plugged in unit tests). */
export const sessionHooks: { csrfToken: () => string | null; onSessionEnded: () => void } = {
  csrfToken: () => null,
  onSessionEnded: () => {},
};

export const CSRF_HEADER = 'x-csrf-token';

/** The header every state-changing request needs — GraphQL mutations here, and uploads sent with `fetch`. */
export function csrfHeaders(): Record<string, string> {
  const token = sessionHooks.csrfToken();
  return token ? { [CSRF_HEADER]: token } : {};
}

/** The server's reasons for "nobody is signed in" (as opposed to a wrong password at sign-in). */
const SESSION_ENDED_REASONS = ['NOT_SIGNED_IN', 'SESSION_EXPIRED'];

/** Each document's text, printed once: the generated documents are parsed ASTs, the wire wants the text. */
const printed = new WeakMap<DocumentNode, string>();
function documentText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

export type ApiErrorKind = 'network' | 'http' | 'graphql' | 'badResponse';

/** Why a request failed, in a form the UI can explain without reading message text. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    /** `extensions.code` of each GraphQL error (e.g. BAD_USER_INPUT). */
    readonly codes: readonly string[] = [],
    /** `extensions.reason` of each GraphQL error (the domain's own code, e.g. ACCOUNT_LOCKED), '' when none. */
    readonly reasons: readonly string[] = [],
    /** `extensions.details` of the first error that has them (e.g. `lockedUntil`). */
    readonly details: Readonly<Record<string, unknown>> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown; reason?: unknown; details?: unknown } }[];
}

export const GRAPHQL_URL = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql';

export interface RequestOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
  url?: string;
}

/** Whether the document is a query (reads only), which may be shared by callers asking the same at once. */
const isQuery = (document: DocumentNode) => document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query');

/** A query on its way, with how many callers still wait for it. */
interface SharedRequest {
  result: Promise<unknown>;
  controller: AbortController;
  waiting: number;
}
const inFlight = new Map<string, SharedRequest>();

/**
 * Sends one generated operation; the result and variables types come with the document. Two parts of a page
 * asking the same query with the same variables at the same time (the scope's name and the agency picker) share
 * one request; it is aborted only when every caller has given up on it.
 */
export function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const text = documentText(document);
  if (!isQuery(document) || options.fetch || options.url) return requestText<TResult>(text, variables, options);
  const key = `${text}\n${JSON.stringify(variables)}`;
  let shared = inFlight.get(key);
  if (!shared) {
    const controller = new AbortController();
    const entry: SharedRequest = {
      result: requestText<TResult>(text, variables, { signal: controller.signal }).finally(() => {
        if (inFlight.get(key) === entry) inFlight.delete(key);
      }),
      controller,
      waiting: 0,
    };
    inFlight.set(key, (shared = entry));
  }
  return waitFor(shared, key, options.signal) as Promise<TResult>;
}

/** One caller's wait for a shared request: its own abort ends only its own wait (and the request, when it was the last). */
function waitFor(shared: SharedRequest, key: string, signal: AbortSignal | undefined): Promise<unknown> {
  if (signal?.aborted) return Promise.reject(signal.reason as unknown);
  shared.waiting++;
  if (!signal) return shared.result;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      shared.waiting--;
      if (shared.waiting === 0) {
        shared.controller.abort();
        if (inFlight.get(key) === shared) inFlight.delete(key);
      }
      reject(signal.reason as unknown);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.result.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Sends an operation given as text. Only for documents built at run time (the aliased agency-name lookup), which
 * codegen cannot see: the caller states the result type, and a test validates the text against the schema.
 */
export async function requestText<TResult>(query: string, variables: unknown, options: RequestOptions = {}): Promise<TResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(options.url ?? GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...csrfHeaders() },
      body: JSON.stringify({ query, variables }),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('network', e instanceof Error ? e.message : String(e));
  }

  let body: GraphQLResponse<TResult> | null;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    body = null;
  }

  if (body?.errors?.length) {
    const codes = body.errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
    const reasons = body.errors.map((e) => (typeof e.extensions?.reason === 'string' ? e.extensions.reason : ''));
    const details = body.errors.map((e) => e.extensions?.details).find((d): d is Record<string, unknown> => !!d && typeof d === 'object') ?? null;
    if (reasons.some((r) => SESSION_ENDED_REASONS.includes(r))) sessionHooks.onSessionEnded();
    throw new ApiError('graphql', body.errors.map((e) => e.message).join('; '), response.status, codes, reasons, details);
  }
  if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, response.status);
  if (!body || body.data === undefined || body.data === null) throw new ApiError('badResponse', 'No data in the response', response.status);
  return body.data;
}
