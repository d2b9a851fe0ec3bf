/**
 * The one error base of the product. A refusal a user can act on carries its own stable code (the API's
 * `extensions.reason`), the API code it is reported as (`extensions.code` and the HTTP status), a message Chinese
 * first, and optional details. The write model throws these and the server's modules do too; the server's one
 * exception filter reads them as they are, so no layer re-wraps another's errors. Nothing matches on message text.
 */
export const API_ERROR_CODES = [
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** HTTP status used when a domain error reaches a REST route. */
export const HTTP_STATUS_OF: Record<ApiErrorCode, number> = {
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly apiCode: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The class an error family declares: constructed from one of its codes, it knows that code's API code. */
export interface ErrorFamily<C extends string> {
  new (code: C, message: string, details?: Record<string, unknown>): DomainError<C>;
  /** Each code of the family and the API code it is reported as. */
  readonly apiCodes: Readonly<Record<C, ApiErrorCode>>;
}

/**
 * Declares an error family from its table of code → API code (the codes are the table's keys, or a code enum given
 * as the type argument); extend the result to add named constructors that write the messages:
 *
 *     export class ShelfError extends errorFamily({ SHELF_NOT_FOUND: 'NOT_FOUND' }) {
 *       static notFound(id: string) { return new ShelfError('SHELF_NOT_FOUND', `找不到书架 ${id}。No shelf ${id}.`, { id }); }
 *     }
 */
export function errorFamily<const C extends string>(apiCodes: Readonly<Record<C, ApiErrorCode>>): ErrorFamily<C> {
  return class extends DomainError<C> {
    static readonly apiCodes = apiCodes;
    constructor(code: C, message: string, details?: Record<string, unknown>) {
      super(code, apiCodes[code], message, details);
    }
  };
}
