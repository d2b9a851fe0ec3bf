import type { BatchErrorCode } from '@ogi/write-model/batches';
import { DomainException, type ApiErrorCode } from '../../common/errors/domain.exception.js';

/** Import-batch errors, with @ogi/database's codes. */
export class IngestException extends DomainException<BatchErrorCode> {
  protected readonly apiCodes: Record<BatchErrorCode, ApiErrorCode> = {
    BATCH_NOT_FOUND: 'NOT_FOUND',
    BATCH_IN_PROGRESS: 'BAD_USER_INPUT',
    BATCH_NOT_RESUMABLE: 'BAD_USER_INPUT',
  };
}
