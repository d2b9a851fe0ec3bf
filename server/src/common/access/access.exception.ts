import { ROLE_LABELS, type Role, errorFamily } from '@ogi/domain';

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
  /** An `Authorization: Bearer` token that is malformed, unknown, expired or revoked, or whose owner is disabled. */
  TOKEN_INVALID = 'TOKEN_INVALID',
  /** A read-only access token used for a mutation or another state-changing request. */
  TOKEN_READ_ONLY = 'TOKEN_READ_ONLY',
  /** An operation only a signed-in browser may do (sign out, change the password, create tokens). */
  SESSION_REQUIRED = 'SESSION_REQUIRED',
}

export class AccessException extends errorFamily<AccessErrorCode>({
  [AccessErrorCode.NOT_SIGNED_IN]: 'UNAUTHENTICATED',
  [AccessErrorCode.SESSION_EXPIRED]: 'UNAUTHENTICATED',
  [AccessErrorCode.ROLE_NOT_ALLOWED]: 'FORBIDDEN',
  [AccessErrorCode.CSRF_TOKEN_INVALID]: 'FORBIDDEN',
  [AccessErrorCode.RATE_LIMITED]: 'RATE_LIMITED',
  [AccessErrorCode.TOKEN_INVALID]: 'UNAUTHENTICATED',
  [AccessErrorCode.TOKEN_READ_ONLY]: 'FORBIDDEN',
  [AccessErrorCode.SESSION_REQUIRED]: 'FORBIDDEN',
}) {
  static notSignedIn(): AccessException {
    return new AccessException(AccessErrorCode.NOT_SIGNED_IN, '请先登录。Please sign in.');
  }

  static sessionExpired(): AccessException {
    return new AccessException(AccessErrorCode.SESSION_EXPIRED, '登录已过期，请重新登录。Your session has ended; please sign in again.');
  }

  static roleNotAllowed(role: Role): AccessException {
    const label = ROLE_LABELS[role];
    return new AccessException(AccessErrorCode.ROLE_NOT_ALLOWED, `您的账号（${label.zh}）无权执行此操作。Your account (${label.en}) may not do this.`, {
      role,
    });
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

  static tokenInvalid(): AccessException {
    return new AccessException(
      AccessErrorCode.TOKEN_INVALID,
      '访问令牌无效、已过期或已撤销，请在“账号”页面重新生成。The access token is invalid, expired or revoked; create a new one on the account page.',
    );
  }

  static tokenReadOnly(): AccessException {
    return new AccessException(
      AccessErrorCode.TOKEN_READ_ONLY,
      '该访问令牌为只读，不能修改数据；需要修改时请创建“读写”令牌。This access token is read-only and cannot change anything; create a read-write token for that.',
    );
  }

  static sessionRequired(): AccessException {
    return new AccessException(
      AccessErrorCode.SESSION_REQUIRED,
      '此操作只能在登录后的浏览器中进行，不能使用访问令牌。This can only be done in a signed-in browser, not with an access token.',
    );
  }
}
