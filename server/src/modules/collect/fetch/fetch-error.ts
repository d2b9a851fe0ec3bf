import { FETCH_ERROR_MESSAGES, type FetchErrorCode } from '@ogi/domain';

/** Why one address could not be fetched: a stable code and a message a clerk understands. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message?: string,
  ) {
    super(message ?? FETCH_ERROR_MESSAGES[code].zh);
    this.name = 'FetchError';
  }
}
