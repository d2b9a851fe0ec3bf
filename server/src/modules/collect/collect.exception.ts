import { DomainException, type ApiErrorCode } from '../../common/errors/domain.exception.js';

export enum CollectErrorCode {
  INVALID_URL = 'INVALID_URL',
}

export class CollectException extends DomainException<CollectErrorCode> {
  protected readonly apiCodes: Record<CollectErrorCode, ApiErrorCode> = {
    [CollectErrorCode.INVALID_URL]: 'BAD_USER_INPUT',
  };

  static invalidUrl(message: string, url: string): CollectException {
    return new CollectException(CollectErrorCode.INVALID_URL, message, { url });
  }
}
