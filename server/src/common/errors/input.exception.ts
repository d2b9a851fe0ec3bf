/**
 * Input the server refuses before any feature sees it (arguments out of range, a malformed upload). Like every
 * refusal it is a `DomainError` of @ogi/domain (the one error base, shared with the write model): a family declares
 * each code's API code, and the one exception filter reports code, reason and message from it.
 */
import { errorFamily } from '@ogi/domain';

export enum InputErrorCode {
  INVALID_ARGUMENTS = 'INVALID_ARGUMENTS',
  NO_FILES = 'NO_FILES',
  TOO_MANY_FILES = 'TOO_MANY_FILES',
}

export class InputException extends errorFamily<InputErrorCode>({
  [InputErrorCode.INVALID_ARGUMENTS]: 'BAD_USER_INPUT',
  [InputErrorCode.NO_FILES]: 'BAD_USER_INPUT',
  [InputErrorCode.TOO_MANY_FILES]: 'BAD_USER_INPUT',
}) {}
