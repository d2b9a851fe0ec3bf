import { DomainException, type ApiErrorCode } from '../../common/errors/domain.exception.js';

export enum VersionsErrorCode {
  REPORTS_NOT_COMPARABLE = 'REPORTS_NOT_COMPARABLE',
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
}

export class VersionsException extends DomainException<VersionsErrorCode> {
  protected readonly apiCodes: Record<VersionsErrorCode, ApiErrorCode> = {
    [VersionsErrorCode.REPORTS_NOT_COMPARABLE]: 'BAD_USER_INPUT',
    [VersionsErrorCode.REPORT_NOT_FOUND]: 'NOT_FOUND',
  };
}
