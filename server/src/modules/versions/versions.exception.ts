import { errorFamily } from '@ogi/domain';

export enum VersionsErrorCode {
  REPORTS_NOT_COMPARABLE = 'REPORTS_NOT_COMPARABLE',
}

/** Refusals of the version comparison (a re-parse of a missing report is the write model's `ReparseError`). */
export class VersionsException extends errorFamily<VersionsErrorCode>({
  [VersionsErrorCode.REPORTS_NOT_COMPARABLE]: 'BAD_USER_INPUT',
}) {}
