import { errorFamily } from '@ogi/domain';

export enum CollectErrorCode {
  INVALID_URL = 'INVALID_URL',
}

export class CollectException extends errorFamily<CollectErrorCode>({
  [CollectErrorCode.INVALID_URL]: 'BAD_USER_INPUT',
}) {
  static invalidUrl(message: string, url: string): CollectException {
    return new CollectException(CollectErrorCode.INVALID_URL, message, { url });
  }
}
