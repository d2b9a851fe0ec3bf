/**
 * Signing in and out. A wrong password counts against the account: `loginMaxFailures` within `lockoutMinutes`
 * lock it for `lockoutMinutes`. Each guess is counted before its password is checked, so parallel guesses cannot
 * slip past the limit; a right password does not count. An unknown username costs as long as a wrong password,
 * locks the same way and gets the same answers; so does a disabled account.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { passwordProblem } from '@ogi/domain';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessException } from '../../common/access/access.exception.js';
import { clearSessionCookie, setSessionCookie } from '../../common/access/session-cookie.js';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AccountsException } from './accounts.exception.js';
import type { SessionModel } from './models/user.model.js';
import { hashPassword, refusedWhenBusy, verifyAgainstDecoy, verifyPassword } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimits, type GuessTurn } from './sign-in-limits.js';
import { USER_COLUMNS, UsersService, toUserModel, type UserRow } from './users.service.js';

const SIGN_IN_ATTEMPTS = { zh: '登录失败', en: 'failed sign-ins' };

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly limits: SignInLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, req: Request, res: Response): Promise<SessionModel> {
    const { loginMaxFailures, lockoutMinutes } = this.config.security;
    const ip = req.ip ?? 'unknown';
    const addressTurn = this.limits.takeAddressTurn(ip);
    if (!addressTurn.allowed) throw AccessException.rateLimited(SIGN_IN_ATTEMPTS, addressTurn.retryAfterSeconds);

    const rows: UserRow[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE lower(username) = lower($1)`, [username.trim()]);
    const user = rows[0];
    // The guess is counted before the slow hash, so parallel guesses cannot all be checked before the lock.
    const turn = user ? await this.takeAccountTurn(user.id) : this.limits.takeUnknownNameTurn(username);
    if (!turn.allowed) throw AccountsException.locked(turn.lockedUntil);

    // A disabled account answers exactly like a wrong password, so it never confirms one.
    const accepted = user ? (await this.checkPassword(password, user.password_hash)) && !user.disabled : await this.checkAgainstDecoy(password);
    if (!user || !accepted) {
      this.logger.warn(
        `Sign-in refused: ${user ? `wrong password${user.disabled ? ' (account disabled)' : ''} for ${user.username}` : `unknown user "${username.slice(0, 64)}"`} ` +
          `from ${ip}${turn.locksAccount ? '; account locked' : ''}.`,
      );
      if (turn.locksAccount) throw AccountsException.locked(turn.locksAccount);
      throw AccountsException.invalidCredentials(loginMaxFailures, lockoutMinutes);
    }

    this.limits.giveBackAddressTurn(ip);
    // Counting starts afresh. A lock set meanwhile by other guesses stays, unless this attempt set it itself.
    const [updated] = (await this.dataSource.query(
      `UPDATE app_user SET failed_attempts = 0, first_failed_at = NULL, last_login_at = now(),
              locked_until = CASE WHEN $2 THEN NULL ELSE locked_until END
        WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [user.id, turn.locksAccount !== null],
    )) as [[UserRow], number];
    const session = await this.sessions.open(user.id, req);
    setSessionCookie(res, session.token, this.sessions.maxAgeMs, this.config.security.cookieSecure);
    this.logger.log(`${user.username} signed in from ${ip}.`);
    return { user: toUserModel(updated[0]), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  async logout(sessionId: number, res: Response): Promise<void> {
    await this.sessions.end(sessionId);
    clearSessionCookie(res, this.config.security.cookieSecure);
  }

  /** The signed-in user's own password: needs the current one; every other session of theirs ends. */
  async changePassword(user: SignedInUser, sessionId: number, currentPassword: string, newPassword: string): Promise<void> {
    const [row] = (await this.dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [user.id])) as { password_hash: string }[];
    const turn = await this.takeAccountTurn(user.id);
    if (!turn.allowed) {
      await this.sessions.endAllOf(user.id);
      throw AccountsException.locked(turn.lockedUntil);
    }
    if (!row || !(await this.checkPassword(currentPassword, row.password_hash))) {
      if (turn.locksAccount) {
        await this.sessions.endAllOf(user.id);
        throw AccountsException.locked(turn.locksAccount);
      }
      throw AccountsException.wrongCurrentPassword();
    }
    await this.dataSource.query(
      `UPDATE app_user SET failed_attempts = 0, first_failed_at = NULL, locked_until = CASE WHEN $2 THEN NULL ELSE locked_until END WHERE id = $1`,
      [user.id, turn.locksAccount !== null],
    );
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw AccountsException.weak(problem);
    await this.users.setPassword(user.id, await this.hash(newPassword));
    await this.sessions.endAllOf(user.id, sessionId);
  }

  /**
   * Counts one guess at the account's password, in one UPDATE (so parallel guesses each see the others), before
   * the password is checked: refused while the account is locked; the guess that reaches `loginMaxFailures`
   * locks it (and, if its password turns out right, the caller lifts that lock again).
   */
  private async takeAccountTurn(userId: number): Promise<GuessTurn> {
    const { loginMaxFailures, lockoutMinutes } = this.config.security;
    const fresh = 'first_failed_at IS NULL OR first_failed_at < now() - make_interval(mins => $2)';
    const count = `CASE WHEN ${fresh} THEN 1 ELSE failed_attempts + 1 END`;
    const [rows] = (await this.dataSource.query(
      `UPDATE app_user SET
              failed_attempts = CASE WHEN ${count} >= $3 THEN 0 ELSE ${count} END,
              first_failed_at = CASE WHEN ${count} >= $3 THEN NULL WHEN ${fresh} THEN now() ELSE first_failed_at END,
              locked_until = CASE WHEN ${count} >= $3 THEN now() + make_interval(mins => $2) ELSE locked_until END
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
        RETURNING CASE WHEN locked_until > now() THEN locked_until END AS locks`,
      [userId, lockoutMinutes, loginMaxFailures],
    )) as [{ locks: Date | null }[], number];
    if (rows[0]) return { allowed: true, locksAccount: rows[0].locks };
    const [lock] = (await this.dataSource.query('SELECT locked_until FROM app_user WHERE id = $1', [userId])) as { locked_until: Date | null }[];
    return { allowed: false, lockedUntil: lock?.locked_until ?? new Date(Date.now() + lockoutMinutes * 60_000) };
  }

  private checkPassword(password: string, stored: string): Promise<boolean> {
    return refusedWhenBusy(() => verifyPassword(password, stored));
  }

  private checkAgainstDecoy(password: string): Promise<boolean> {
    return refusedWhenBusy(() => verifyAgainstDecoy(password));
  }

  private hash(password: string): Promise<string> {
    return refusedWhenBusy(() => hashPassword(password));
  }
}
