import { CREDENTIAL_PROBLEM_MESSAGES, type CredentialProblem, errorFamily } from '@ogi/domain';

export enum AccountsErrorCode {
  /** Unknown username or wrong password (which one is not said). */
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  WEAK_CREDENTIALS = 'WEAK_CREDENTIALS',
  /** A department user needs an agency that exists; other roles have none. */
  AGENCY_INVALID = 'AGENCY_INVALID',
  /** The change would leave no enabled administrator, or an administrator would lock themself out. */
  LAST_ADMIN = 'LAST_ADMIN',
  OWN_ACCOUNT = 'OWN_ACCOUNT',
  /** Too many passwords are being checked at this moment (a sign-in flood): try again shortly. */
  SIGN_IN_BUSY = 'SIGN_IN_BUSY',
  /** No such access token, or one the asker may not see (another user's, asked by a non-administrator). */
  TOKEN_NOT_FOUND = 'TOKEN_NOT_FOUND',
}

export class AccountsException extends errorFamily<AccountsErrorCode>({
  [AccountsErrorCode.INVALID_CREDENTIALS]: 'UNAUTHENTICATED',
  [AccountsErrorCode.ACCOUNT_LOCKED]: 'UNAUTHENTICATED',
  [AccountsErrorCode.WRONG_CURRENT_PASSWORD]: 'BAD_USER_INPUT',
  [AccountsErrorCode.USER_NOT_FOUND]: 'NOT_FOUND',
  [AccountsErrorCode.USERNAME_TAKEN]: 'BAD_USER_INPUT',
  [AccountsErrorCode.WEAK_CREDENTIALS]: 'BAD_USER_INPUT',
  [AccountsErrorCode.AGENCY_INVALID]: 'BAD_USER_INPUT',
  [AccountsErrorCode.LAST_ADMIN]: 'BAD_USER_INPUT',
  [AccountsErrorCode.OWN_ACCOUNT]: 'BAD_USER_INPUT',
  [AccountsErrorCode.SIGN_IN_BUSY]: 'RATE_LIMITED',
  [AccountsErrorCode.TOKEN_NOT_FOUND]: 'NOT_FOUND',
}) {
  static invalidCredentials(maxFailures: number, lockoutMinutes: number): AccountsException {
    return new AccountsException(
      AccountsErrorCode.INVALID_CREDENTIALS,
      `用户名或密码不正确（已停用的账号也会如此提示）。连续 ${maxFailures} 次输错，账号将被锁定 ${lockoutMinutes} 分钟。` +
        `Wrong username or password (a disabled account is answered the same way). After ${maxFailures} wrong passwords in a row the account is locked for ${lockoutMinutes} minutes.`,
    );
  }

  static locked(until: Date): AccountsException {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    return new AccountsException(
      AccountsErrorCode.ACCOUNT_LOCKED,
      `密码连续输错次数过多，账号已被暂时锁定，请 ${minutes} 分钟后再试，或请管理员解锁。` +
        `Too many wrong passwords: the account is locked. Try again in ${minutes} minute(s), or ask an administrator to unlock it.`,
      { lockedUntil: until.toISOString() },
    );
  }

  static busy(): AccountsException {
    return new AccountsException(
      AccountsErrorCode.SIGN_IN_BUSY,
      '当前登录请求过多，请稍等几秒后再试。Too many sign-ins are being checked right now; try again in a few seconds.',
      { retryAfterSeconds: 5 },
    );
  }

  static wrongCurrentPassword(): AccountsException {
    return new AccountsException(AccountsErrorCode.WRONG_CURRENT_PASSWORD, '当前密码不正确。The current password is wrong.');
  }

  static notFound(id: string): AccountsException {
    return new AccountsException(AccountsErrorCode.USER_NOT_FOUND, `找不到该用户（id ${id}）。No user with id ${id}.`, { id });
  }

  static usernameTaken(username: string): AccountsException {
    return new AccountsException(AccountsErrorCode.USERNAME_TAKEN, `用户名「${username}」已被使用。The username "${username}" is taken.`, { username });
  }

  static weak(problem: CredentialProblem): AccountsException {
    const m = CREDENTIAL_PROBLEM_MESSAGES[problem];
    return new AccountsException(AccountsErrorCode.WEAK_CREDENTIALS, `${m.zh}${m.en}`, { problem });
  }

  static agencyInvalid(forDepartment: boolean): AccountsException {
    return new AccountsException(
      AccountsErrorCode.AGENCY_INVALID,
      forDepartment
        ? '部门用户必须选择一个已登记的机关。A department user needs an agency that exists.'
        : '只有部门用户隶属于某个机关。Only department users belong to an agency.',
    );
  }

  static lastAdmin(): AccountsException {
    return new AccountsException(
      AccountsErrorCode.LAST_ADMIN,
      '不能停用、删除或降级最后一个管理员。The last enabled administrator cannot be disabled, deleted or given another role.',
    );
  }

  static ownAccount(): AccountsException {
    return new AccountsException(
      AccountsErrorCode.OWN_ACCOUNT,
      '不能停用、删除或降级自己的账号，请由另一位管理员操作。You cannot disable, delete or demote your own account; ask another administrator.',
    );
  }

  static tokenNotFound(id: string): AccountsException {
    return new AccountsException(AccountsErrorCode.TOKEN_NOT_FOUND, `找不到该访问令牌（id ${id}）。No access token with id ${id}.`, { id });
  }
}
