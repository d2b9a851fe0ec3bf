/**
 * Signing in and out. A wrong password counts against the account: `loginMaxFailures` within `lockoutMinutes`
 * lock it for `lockoutMinutes` (counted in one UPDATE, so parallel guesses cannot slip past the limit). An
 * unknown username costs as long as a wrong password and gets the same answer.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { passwordProblem } from '@ogi/domain';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { clearSessionCookie, setSessionCookie } from '../../common/access/session-cookie.js';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AccountsException } from './accounts.exception.js';
import type { SessionModel } from './models/user.model.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { USER_COLUMNS, UsersService, toUserModel, type UserRow } from './users.service.js';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, req: Request, res: Response): Promise<SessionModel> {
    const { loginMaxFailures, lockoutMinutes } = this.config.security;
    const rows: (UserRow & { locked: boolean })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, COALESCE(locked_until > now(), false) AS locked FROM app_user WHERE lower(username) = lower($1)`,
      [username.trim()],
    );
    const user = rows[0];
    if (!user) {
      await verifyAgainstDecoy(password);
      this.logger.warn(`Sign-in refused: unknown user "${username.slice(0, 64)}" from ${req.ip}.`);
      throw AccountsException.invalidCredentials(loginMaxFailures, lockoutMinutes);
    }
    // A locked account is not even checked: guessing on cannot help.
    if (user.locked) throw AccountsException.locked(user.locked_until!);
    if (!(await verifyPassword(password, user.password_hash))) {
      const lockedUntil = await this.recordFailure(user.id);
      this.logger.warn(`Sign-in refused: wrong password for ${user.username} from ${req.ip}${lockedUntil ? '; account locked' : ''}.`);
      if (lockedUntil) throw AccountsException.locked(lockedUntil);
      throw AccountsException.invalidCredentials(loginMaxFailures, lockoutMinutes);
    }
    if (user.disabled) throw AccountsException.disabled();

    const [updated] = (await this.dataSource.query(
      `UPDATE app_user SET failed_attempts = 0, first_failed_at = NULL, locked_until = NULL, last_login_at = now()
        WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [user.id],
    )) as [[UserRow], number];
    const session = await this.sessions.open(user.id, req);
    setSessionCookie(res, session.token, this.sessions.maxAgeMs, this.config.security.cookieSecure);
    this.logger.log(`${user.username} signed in from ${req.ip}.`);
    return { user: toUserModel(updated[0]), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  async logout(sessionId: number, res: Response): Promise<void> {
    await this.sessions.end(sessionId);
    clearSessionCookie(res, this.config.security.cookieSecure);
  }

  /** The signed-in user's own password: needs the current one; every other session of theirs ends. */
  async changePassword(user: SignedInUser, sessionId: number, currentPassword: string, newPassword: string): Promise<void> {
    const [row] = (await this.dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [user.id])) as { password_hash: string }[];
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
      const lockedUntil = await this.recordFailure(user.id);
      if (lockedUntil) {
        await this.sessions.endAllOf(user.id);
        throw AccountsException.locked(lockedUntil);
      }
      throw AccountsException.wrongCurrentPassword();
    }
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw AccountsException.weak(problem);
    await this.users.setPassword(user.id, await hashPassword(newPassword));
    await this.sessions.endAllOf(user.id, sessionId);
  }

  /** Counts a wrong password in the current window; returns the lock's end when this one locked the account. */
  private async recordFailure(userId: number): Promise<Date | null> {
    const { loginMaxFailures, lockoutMinutes } = this.config.security;
    const [rows] = (await this.dataSource.query(
      `UPDATE app_user SET
              failed_attempts = CASE WHEN first_failed_at IS NULL OR first_failed_at < now() - make_interval(mins => $2) THEN 1 ELSE failed_attempts + 1 END,
              first_failed_at = CASE WHEN first_failed_at IS NULL OR first_failed_at < now() - make_interval(mins => $2) THEN now() ELSE first_failed_at END
        WHERE id = $1 RETURNING failed_attempts`,
      [userId, lockoutMinutes],
    )) as [{ failed_attempts: number }[], number];
    if ((rows[0]?.failed_attempts ?? 0) < loginMaxFailures) return null;
    const [locked] = (await this.dataSource.query(
      `UPDATE app_user SET locked_until = now() + make_interval(mins => $2), failed_attempts = 0, first_failed_at = NULL
        WHERE id = $1 RETURNING locked_until`,
      [userId, lockoutMinutes],
    )) as [{ locked_until: Date }[], number];
    return locked[0]?.locked_until ?? new Date(Date.now() + lockoutMinutes * 60_000);
  }
}
