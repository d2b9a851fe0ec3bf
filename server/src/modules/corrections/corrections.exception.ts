import type { CorrectionErrorCode } from '@ogi/write-model/corrections';
import { DomainException, type ApiErrorCode } from '../../common/errors/domain.exception.js';

/** Refused corrections, with @ogi/database's codes (`extensions.reason`). */
export class CorrectionsException extends DomainException<CorrectionErrorCode> {
  protected readonly apiCodes: Record<CorrectionErrorCode, ApiErrorCode> = {
    REPORT_NOT_FOUND: 'NOT_FOUND',
    CELL_NOT_FOUND: 'NOT_FOUND',
    INVALID_CELL_VALUE: 'BAD_USER_INPUT',
    INVALID_REASON: 'BAD_USER_INPUT',
    VALUE_UNCHANGED: 'BAD_USER_INPUT',
    NO_ACTIVE_CORRECTION: 'BAD_USER_INPUT',
  };
}
