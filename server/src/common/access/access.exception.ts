import { ROLE_LABELS, type Role } from '@ogi/domain';
import { DomainException, type ApiErrorCode } from '../errors/domain.exception.js';

export enum AccessErrorCode {
  /** No session cookie, or one that names no session. */
  NOT_SIGNED_IN = 'NOT_SIGNED_IN',
  /** The session ended (idle too long, too old, signed out elsewhere, password reset, account disabled). */
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  /** Signed in, but the role may not call this operation. */
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  /** A state-changing request without the session's CSRF token in `x-csrf-token`. */
  CSRF_TOKEN_INVALID = 'CSRF_TOKEN_INVALID',
  /** Too many requests of one kind from one client in a short time. */
  RATE_LIMITED = 'RATE_LIMITED',
}

export class AccessException extends DomainException<AccessErrorCode> {
  protected readonly apiCodes: Record<AccessErrorCode, ApiErrorCode> = {
    [AccessErrorCode.NOT_SIGNED_IN]: 'UNAUTHENTICATED',
    [AccessErrorCode.SESSION_EXPIRED]: 'UNAUTHENTICATED',
    [AccessErrorCode.ROLE_NOT_ALLOWED]: 'FORBIDDEN',
    [AccessErrorCode.CSRF_TOKEN_INVALID]: 'FORBIDDEN',
    [AccessErrorCode.RATE_LIMITED]: 'RATE_LIMITED',
  };

  static notSignedIn(): AccessException {
    return new AccessException(AccessErrorCode.NOT_SIGNED_IN, '请先登录。Please sign in.');
  }

  static sessionExpired(): AccessException {
    return new AccessException(AccessErrorCode.SESSION_EXPIRED, '登录已过期，请重新登录。Your session has ended; please sign in again.');
  }

  static roleNotAllowed(role: Role): AccessException {
    const label = ROLE_LABELS[role];
    return new AccessException(
      AccessErrorCode.ROLE_NOT_ALLOWED,
      `您的账号（${label.zh}）无权执行此操作。Your account (${label.en}) may not do this.`,
      { role },
    );
  }

  static csrfTokenInvalid(): AccessException {
    return new AccessException(
      AccessErrorCode.CSRF_TOKEN_INVALID,
      '请求缺少有效的安全令牌（CSRF），已拒绝。请刷新页面后重试。The request lacks a valid CSRF token and was refused; reload the page and try again.',
    );
  }

  static rateLimited(what: { zh: string; en: string }, retryAfterSeconds: number): AccessException {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AccessException(
      AccessErrorCode.RATE_LIMITED,
      `${what.zh}过于频繁，请 ${minutes} 分钟后再试。Too many ${what.en}; try again in ${minutes} minute(s).`,
      { retryAfterSeconds },
    );
  }
}
