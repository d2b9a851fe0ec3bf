/**
 * Personal access tokens: how scripts call the API without a password or a cookie. A token is random, shown to
 * its owner once and stored only as its sha256. It acts as its owner with the owner's role and agency as they are
 * at each request (a demoted or disabled owner's tokens shrink or stop with them), read-only unless created with
 * the `write` scope, until it expires or is revoked (by its owner or an administrator). Creating and revoking are
 * written to the audit log.
 */
import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { appendAudit } from '@ogi/database';
import { isRole } from '@ogi/domain';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { actorOf } from '../../common/access/actor.js';
import { bearerTokenOf } from '../../common/access/request-auth.js';
import { tokenHash } from '../../common/access/session-cookie.js';
import type { AccessTokenScope, SignedInUser } from '../../common/access/signed-in-user.js';
import { parseId, toId } from '../../common/graphql/ids.js';
import { AccountsException } from './accounts.exception.js';
import type { AccessTokenModel, CreatedAccessTokenModel } from './models/access-token.model.js';

/** Tokens start with this, so a leaked one is recognisable (and secret scanners can look for it). */
export const ACCESS_TOKEN_PREFIX = 'ogi_pat_';
/** How many characters of a token the list shows. */
const SHOWN_CHARACTERS = ACCESS_TOKEN_PREFIX.length + 6;
/** A token's last use is written at most this often, not on every request. */
const TOUCH_EVERY_SECONDS = 60;

/** Who a valid token acts as. */
export interface TokenPrincipal {
  tokenId: number;
  scope: AccessTokenScope;
  user: SignedInUser;
}

interface TokenRow {
  id: number;
  name: string;
  token_prefix: string;
  scope: AccessTokenScope;
  username: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  active: boolean;
}

const TOKEN_COLUMNS = `t.id, t.name, t.token_prefix, t.scope, u.username, t.created_at, t.expires_at, t.last_used_at, t.revoked_at,
  (t.revoked_at IS NULL AND t.expires_at > now()) AS active`;

function toModel(r: TokenRow): AccessTokenModel {
  return {
    id: toId(r.id),
    name: r.name,
    prefix: r.token_prefix,
    scope: r.scope,
    owner: r.username,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    active: r.active,
  };
}

const LOOKUP = Symbol('ogi.tokenLookup');
type RequestWithLookup = Request & { [LOOKUP]?: Promise<TokenPrincipal | null> };

@Injectable()
export class AccessTokensService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a token for `owner`; the plain token is returned this once. */
  async create(owner: SignedInUser, name: string, scope: AccessTokenScope, expiresInDays: number): Promise<CreatedAccessTokenModel> {
    const token = ACCESS_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (m) => {
      const [created] = (await m.query(
        `INSERT INTO access_token (user_id, name, token_hash, token_prefix, scope, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING id`,
        [owner.id, name.trim(), tokenHash(token), token.slice(0, SHOWN_CHARACTERS), scope, expiresInDays],
      )) as [{ id: number }];
      const [row] = (await m.query(`SELECT ${TOKEN_COLUMNS} FROM access_token t JOIN app_user u ON u.id = t.user_id WHERE t.id = $1`, [created.id])) as [
        TokenRow,
      ];
      await appendAudit(m, {
        actor: actorOf(owner),
        action: 'token.created',
        detail: { tokenId: row.id, name: row.name, scope, prefix: row.token_prefix, ownerUserId: owner.id, expiresAt: row.expires_at.toISOString() },
      });
      return { token, accessToken: toModel(row) };
    });
  }

  /** A user's tokens, newest first, revoked and expired ones included (they say so). */
  async listOf(userId: number): Promise<AccessTokenModel[]> {
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT ${TOKEN_COLUMNS} FROM access_token t JOIN app_user u ON u.id = t.user_id WHERE t.user_id = $1 ORDER BY t.id DESC`,
      [userId],
    );
    return rows.map(toModel);
  }

  /** Revokes a token of `actor`'s own, or any token when `actor` is an administrator. Revoking twice is harmless. */
  async revoke(id: string, actor: SignedInUser): Promise<AccessTokenModel> {
    const key = parseId(id);
    return this.dataSource.transaction(async (m) => {
      const found =
        key === null
          ? []
          : ((await m.query(`SELECT user_id, revoked_at FROM access_token WHERE id = $1 FOR UPDATE`, [key])) as { user_id: number; revoked_at: Date | null }[]);
      const token = found[0];
      // Another user's token is "not found" to a non-administrator: its existence is not theirs to learn.
      if (!token || (token.user_id !== actor.id && actor.role !== 'admin')) throw AccountsException.tokenNotFound(id);
      if (!token.revoked_at) {
        await m.query(`UPDATE access_token SET revoked_at = now(), revoked_by = $2 WHERE id = $1`, [key, actor.id]);
        await appendAudit(m, { actor: actorOf(actor), action: 'token.revoked', detail: { tokenId: key, ownerUserId: token.user_id } });
      }
      const [row] = (await m.query(`SELECT ${TOKEN_COLUMNS} FROM access_token t JOIN app_user u ON u.id = t.user_id WHERE t.id = $1`, [key])) as [TokenRow];
      return toModel(row);
    });
  }

  /** The principal of the request's bearer token, looked up once however many resolvers (and plugins) ask. */
  ofRequest(req: Request): Promise<TokenPrincipal | null> {
    const r = req as RequestWithLookup;
    r[LOOKUP] ??= (async () => {
      const token = bearerTokenOf(req);
      return token ? this.find(token, req.ip ?? null) : null;
    })();
    return r[LOOKUP];
  }

  /** Who a token acts as; null when it is unknown, expired, revoked, or its owner is disabled. */
  async find(token: string, ip: string | null): Promise<TokenPrincipal | null> {
    const rows: {
      id: number;
      scope: AccessTokenScope;
      touch: boolean;
      user_id: number;
      username: string;
      display_name: string;
      role: string;
      agency_id: number | null;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.scope, (t.last_used_at IS NULL OR t.last_used_at < now() - make_interval(secs => $2)) AS touch,
              u.id AS user_id, u.username, u.display_name, u.role, u.agency_id
         FROM access_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT u.disabled`,
      [tokenHash(token), TOUCH_EVERY_SECONDS],
    );
    const row = rows[0];
    if (!row || !isRole(row.role)) return null;
    if (row.touch) await this.dataSource.query('UPDATE access_token SET last_used_at = now(), last_used_ip = $2 WHERE id = $1', [row.id, ip]);
    return {
      tokenId: row.id,
      scope: row.scope,
      user: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role, agencyId: row.agency_id },
    };
  }
}
