/**
 * Sessions: one row per signed-in browser. A session ends after `sessionIdleMinutes` without a request, after
 * `sessionMaxHours` in any case, at logout, and for every browser of a user whose password is reset, whose role
 * changes, who is disabled or deleted.
 */
import { Inject, Injectable } from '@nestjs/common';
import { isRole } from '@ogi/domain';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import { SESSION_COOKIE, newToken, readCookie, tokenHash } from '../../common/access/session-cookie.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

export interface OpenSession {
  id: number;
  user: SignedInUser;
  csrfToken: string;
  expiresAt: Date;
}

interface SessionRow {
  id: number;
  csrf_token: string;
  expires_at: Date;
  valid: boolean;
  touch: boolean;
  user_id: number;
  username: string;
  display_name: string;
  role: string;
  agency_id: number | null;
}

const LOOKUP = Symbol('ogi.sessionLookup');
type RequestWithLookup = Request & { [LOOKUP]?: Promise<OpenSession | 'ended' | null> };

/** A session's last use is written at most this often, not on every request. */
const TOUCH_EVERY_SECONDS = 60;

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxAgeMs(): number {
    return this.config.security.sessionMaxHours * 3600_000;
  }

  /** Opens a session; returns the token for the cookie (never stored) and the CSRF token. */
  async open(userId: number, req: Request): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = newToken();
    const csrfToken = newToken();
    const [row] = (await this.dataSource.query(
      `INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6) RETURNING expires_at`,
      [tokenHash(token), userId, csrfToken, this.config.security.sessionMaxHours, req.ip ?? null, (req.headers['user-agent'] ?? '').slice(0, 300)],
    )) as [{ expires_at: Date }];
    // Sessions that ended long ago are of no use to anyone.
    await this.dataSource.query(`DELETE FROM user_session WHERE expires_at < now() - interval '1 day'`);
    return { token, csrfToken, expiresAt: row.expires_at };
  }

  /** The request's session from its cookie, looked up once however many resolvers (and plugins) ask. */
  ofRequest(req: Request): Promise<OpenSession | 'ended' | null> {
    const r = req as RequestWithLookup;
    r[LOOKUP] ??= (async () => {
      const token = readCookie(req, SESSION_COOKIE);
      return token ? this.find(token) : null;
    })();
    return r[LOOKUP];
  }

  /** The open session of a cookie token; 'ended' when it existed but is over (it is then removed). */
  async find(token: string): Promise<OpenSession | 'ended' | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.csrf_token, s.expires_at,
              (s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2) AND NOT u.disabled) AS valid,
              s.last_seen_at < now() - make_interval(secs => $3) AS touch,
              u.id AS user_id, u.username, u.display_name, u.role, u.agency_id
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [tokenHash(token), this.config.security.sessionIdleMinutes, TOUCH_EVERY_SECONDS],
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.valid || !isRole(row.role)) {
      await this.end(row.id);
      return 'ended';
    }
    if (row.touch) await this.dataSource.query('UPDATE user_session SET last_seen_at = now() WHERE id = $1', [row.id]);
    return {
      id: row.id,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      user: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role, agencyId: row.agency_id },
    };
  }

  async end(sessionId: number): Promise<void> {
    await this.dataSource.query('DELETE FROM user_session WHERE id = $1', [sessionId]);
  }

  /** Signs a user out everywhere, except (optionally) the session making the change. */
  async endAllOf(userId: number, exceptSessionId: number | null = null): Promise<void> {
    await this.dataSource.query('DELETE FROM user_session WHERE user_id = $1 AND id IS DISTINCT FROM $2', [userId, exceptSessionId]);
  }
}
