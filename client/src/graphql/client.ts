/**
 * A tiny typed GraphQL client: POST one operation to the API, get its `data` or an `ApiError`.
 * Each operation lives in its own `.graphql` file with its result type beside it (`*.query.ts`).
 */

/** An operation's text, tagged with its result and variables types (phantom fields, never set at run time). */
export interface TypedOperation<TResult, TVariables> {
  readonly document: string;
  readonly __result?: TResult;
  readonly __variables?: TVariables;
}

export function defineOperation<TResult, TVariables = Record<string, never>>(document: string): TypedOperation<TResult, TVariables> {
  return { document };
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
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

export const GRAPHQL_URL = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql';

export async function request<TResult, TVariables>(
  operation: TypedOperation<TResult, TVariables>,
  variables: TVariables,
  options: { signal?: AbortSignal; fetch?: typeof fetch; url?: string } = {},
): Promise<TResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(options.url ?? GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: operation.document, variables }),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('network', e instanceof Error ? e.message : String(e));
  }

  let body: GraphQLResponse<TResult> | null = null;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    body = null;
  }

  if (body?.errors?.length) {
    const codes = body.errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
    throw new ApiError('graphql', body.errors.map((e) => e.message).join('; '), response.status, codes);
  }
  if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, response.status);
  if (!body || body.data === undefined || body.data === null) throw new ApiError('badResponse', 'No data in the response', response.status);
  return body.data;
}
