/**
 * Domain errors are typed: each domain has an exception class and a code enum, and says which GraphQL
 * `extensions.code` each of its codes is reported as. The one exception filter reads that mapping; nothing ever
 * matches on message text.
 */
export type ApiErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED' | 'DATABASE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

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

export abstract class DomainException<C extends string = string> extends Error {
  /** How this domain's codes are reported to API clients. */
  protected abstract readonly apiCodes: Record<C, ApiErrorCode>;

  constructor(
    readonly code: C,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get apiCode(): ApiErrorCode {
    return this.apiCodes[this.code];
  }
}

export enum InputErrorCode {
  INVALID_ARGUMENTS = 'INVALID_ARGUMENTS',
  NO_FILES = 'NO_FILES',
  TOO_MANY_FILES = 'TOO_MANY_FILES',
}

/** Input that fails validation (arguments out of range, a malformed upload). */
export class InputException extends DomainException<InputErrorCode> {
  protected readonly apiCodes = {
    [InputErrorCode.INVALID_ARGUMENTS]: 'BAD_USER_INPUT',
    [InputErrorCode.NO_FILES]: 'BAD_USER_INPUT',
    [InputErrorCode.TOO_MANY_FILES]: 'BAD_USER_INPUT',
  } as const;
}
