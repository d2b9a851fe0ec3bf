/**
 * Accounts: create, list, change, reset, delete — and the first administrator. There is always at least one
 * enabled administrator: a change that would leave none is refused (checked under a lock, so two administrators
 * demoting each other at once cannot both succeed).
 */
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isRole, passwordProblem, usernameProblem, type Role } from '@ogi/domain';
import { SYSTEM_ACTOR, appendAudit, type Actor } from '@ogi/database';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf } from '../../common/access/actor.js';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import { parseId, toId } from '../../common/graphql/ids.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AccountsException } from './accounts.exception.js';
import type { UserModel } from './models/user.model.js';
import { hashPassword, refusedWhenBusy } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  agency_id: number | null;
  password_hash: string;
  disabled: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  password: string;
}

export interface UserChange {
  displayName?: string | null;
  role?: Role | null;
  agencyId?: number | null;
  disabled?: boolean | null;
  unlock?: boolean | null;
}

export const USER_COLUMNS = 'id, username, display_name, role, agency_id, password_hash, disabled, locked_until, last_login_at, created_at';

export function toUserModel(r: UserRow): UserModel {
  return {
    id: toId(r.id),
    username: r.username,
    displayName: r.display_name,
    role: isRole(r.role) ? r.role : 'viewer',
    agencyId: r.agency_id,
    disabled: r.disabled,
    lockedUntil: r.locked_until && r.locked_until.getTime() > Date.now() ? r.locked_until.toISOString() : null,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

export type InitialAdminPlan =
  { action: 'exists' | 'missing' } | { action: 'create' | 'generate'; admin: { username: string; displayName: string; password: string } };

/**
 * What to do on start about the first administrator. Nothing when one exists. ADMIN_USERNAME / ADMIN_PASSWORD
 * when set. Otherwise, on the embedded database only (a local `pnpm start`), an "admin" with a random password
 * printed once, so the two-command start can be signed in to; with an external database (a real deployment)
 * nothing is invented — the log says how to create one.
 */
export function initialAdminPlan(config: AppConfig, adminCount: number, randomPassword = () => randomBytes(15).toString('base64url')): InitialAdminPlan {
  if (adminCount > 0) return { action: 'exists' };
  const fromEnvironment = config.security.initialAdmin;
  if (fromEnvironment) return { action: 'create', admin: fromEnvironment };
  if (config.databaseUrl === null) return { action: 'generate', admin: { username: 'admin', displayName: '管理员', password: randomPassword() } };
  return { action: 'missing' };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async findPage(search: string | null | undefined, take: number, skip: number): Promise<{ items: UserModel[]; total: number }> {
    const term = search?.trim();
    const params: unknown[] = [];
    let where = 'TRUE';
    if (term) {
      params.push(`%${escapeLike(term)}%`);
      where = `(username ILIKE $1 OR display_name ILIKE $1)`;
    }
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<UserRow[]>(
        `SELECT ${USER_COLUMNS} FROM app_user WHERE ${where} ORDER BY lower(username) LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, take, skip],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM app_user WHERE ${where}`, params),
    ]);
    return { items: rows.map(toUserModel), total: count?.total ?? 0 };
  }

  async getById(id: string): Promise<UserModel> {
    return toUserModel(await this.rowOf(this.dataSource.manager, id));
  }

  /** Creates an account; `by` is the administrator (or, for the first administrator, the system). */
  async create(user: NewUser, by: SignedInUser | null = null): Promise<UserModel> {
    const username = user.username.trim();
    const displayName = user.displayName.trim() || username;
    const problem = usernameProblem(username) ?? passwordProblem(user.password, username);
    if (problem) throw AccountsException.weak(problem);
    await this.checkAgency(this.dataSource.manager, user.role, user.agencyId);
    const taken: unknown[] = await this.dataSource.query('SELECT 1 FROM app_user WHERE lower(username) = lower($1)', [username]);
    if (taken.length) throw AccountsException.usernameTaken(username);
    const hash = await refusedWhenBusy(() => hashPassword(user.password));
    try {
      const row = await this.dataSource.transaction(async (m) => {
        const [inserted] = (await m.query(
          `INSERT INTO app_user (username, display_name, role, agency_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
          [username, displayName, user.role, user.role === 'department' ? user.agencyId : null, hash],
        )) as [UserRow];
        await appendAudit(m, { actor: auditActor(by), action: 'user.created', after: accountFacts(inserted), detail: { userId: inserted.id } });
        return inserted;
      });
      this.logger.log(`User ${username} created (${user.role}).`);
      return toUserModel(row);
    } catch (err) {
      // Taken between the check and the insert by a concurrent request.
      if ((err as { code?: string }).code === '23505') throw AccountsException.usernameTaken(username);
      if ((err as { code?: string }).code === '23503') throw AccountsException.agencyInvalid(true);
      throw err;
    }
  }

  async update(id: string, change: UserChange, actor: SignedInUser): Promise<UserModel> {
    const { row, endSessions } = await this.dataSource.transaction(async (m) => {
      const before = await this.rowOf(m, id, true);
      const role = change.role ?? (before.role as Role);
      if (change.agencyId && role !== 'department') throw AccountsException.agencyInvalid(false);
      const agencyId = role === 'department' ? (change.agencyId ?? before.agency_id) : null;
      const disabled = change.disabled ?? before.disabled;
      const losesAdmin = before.role === 'admin' && !before.disabled && (role !== 'admin' || disabled);
      if (losesAdmin && before.id === actor.id) throw AccountsException.ownAccount();
      if (losesAdmin) await this.keepAnAdmin(m, before.id);
      if (change.role || change.agencyId) await this.checkAgency(m, role, agencyId);
      const displayName = change.displayName?.trim() || before.display_name;
      const [row] = (await m.query(
        `UPDATE app_user
            SET display_name = $2, role = $3, agency_id = $4, disabled = $5, updated_at = now(),
                locked_until = CASE WHEN $6 THEN NULL ELSE locked_until END,
                failed_attempts = CASE WHEN $6 THEN 0 ELSE failed_attempts END
          WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [before.id, displayName, role, agencyId, disabled, change.unlock === true],
      )) as [[UserRow], number];
      const endSessions = role !== before.role || agencyId !== before.agency_id || (disabled && !before.disabled);
      await appendAudit(m, {
        actor: auditActor(actor),
        action: 'user.updated',
        before: accountFacts(before),
        after: accountFacts(row[0]),
        detail: { userId: before.id, ...(change.unlock ? { unlocked: true } : {}) },
      });
      return { row: row[0], endSessions };
    });
    if (endSessions) await this.sessions.endAllOf(row.id);
    this.logger.log(`User ${row.username} changed by ${actor.username}.`);
    return toUserModel(row);
  }

  /** A new password: unlocks the account and ends all its sessions. */
  async resetPassword(id: string, newPassword: string, actor: SignedInUser): Promise<void> {
    const row = await this.rowOf(this.dataSource.manager, id);
    const problem = passwordProblem(newPassword, row.username);
    if (problem) throw AccountsException.weak(problem);
    const hash = await refusedWhenBusy(() => hashPassword(newPassword));
    await this.dataSource.transaction(async (m) => {
      await this.setPassword(row.id, hash, m);
      await appendAudit(m, { actor: auditActor(actor), action: 'user.passwordReset', detail: { userId: row.id, username: row.username } });
    });
    await this.sessions.endAllOf(row.id, null);
    this.logger.log(`Password of ${row.username} reset by ${actor.username}.`);
  }

  async setPassword(userId: number, hash: string, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.query(
      `UPDATE app_user SET password_hash = $2, password_changed_at = now(), updated_at = now(),
              failed_attempts = 0, first_failed_at = NULL, locked_until = NULL
        WHERE id = $1`,
      [userId, hash],
    );
  }

  async delete(id: string, actor: SignedInUser): Promise<void> {
    const username = await this.dataSource.transaction(async (m) => {
      const row = await this.rowOf(m, id, true);
      if (row.id === actor.id) throw AccountsException.ownAccount();
      if (row.role === 'admin' && !row.disabled) await this.keepAnAdmin(m, row.id);
      await m.query('DELETE FROM app_user WHERE id = $1', [row.id]); // sessions go with it (ON DELETE CASCADE)
      await appendAudit(m, { actor: auditActor(actor), action: 'user.deleted', before: accountFacts(row), detail: { userId: row.id } });
      return row.username;
    });
    this.logger.log(`User ${username} deleted by ${actor.username}.`);
  }

  /** On start: makes sure someone can sign in (see initialAdminPlan). */
  async ensureInitialAdmin(): Promise<InitialAdminPlan['action']> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'admin'`)) as [{ n: number }];
    const plan = initialAdminPlan(this.config, n);
    if (plan.action === 'missing') {
      this.logger.warn(
        '尚无管理员账号。No administrator exists yet: set ADMIN_USERNAME and ADMIN_PASSWORD and restart, or run ' +
          '`pnpm user:create --role admin --username NAME` (it asks for the password).',
      );
    }
    if (plan.action !== 'create' && plan.action !== 'generate') return plan.action;
    try {
      await this.create({ ...plan.admin, role: 'admin', agencyId: null });
    } catch (err) {
      // Another process started at the same moment and created it first.
      if (err instanceof AccountsException && err.code === 'USERNAME_TAKEN') return 'exists';
      throw err;
    }
    if (plan.action === 'create') this.logger.log(`First administrator ${plan.admin.username} created from ADMIN_USERNAME / ADMIN_PASSWORD.`);
    else {
      this.logger.warn(
        `首次启动：已创建管理员 ${plan.admin.username}，初始密码 ${plan.admin.password} （只显示这一次，请登录后修改）。` +
          `First start: administrator "${plan.admin.username}" created with the password ${plan.admin.password} — shown only now; change it after signing in.`,
      );
    }
    return plan.action;
  }

  private async rowOf(m: EntityManager, id: string, forUpdate = false): Promise<UserRow> {
    const key = parseId(id);
    const rows: UserRow[] = key === null ? [] : await m.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [key]);
    if (!rows[0]) throw AccountsException.notFound(id);
    return rows[0];
  }

  /** Refuses when no other enabled administrator exists (locks them so the answer holds until commit). */
  private async keepAnAdmin(m: EntityManager, exceptId: number): Promise<void> {
    const others: unknown[] = await m.query(`SELECT id FROM app_user WHERE role = 'admin' AND NOT disabled AND id <> $1 FOR UPDATE`, [exceptId]);
    if (!others.length) throw AccountsException.lastAdmin();
  }

  private async checkAgency(m: EntityManager, role: Role, agencyId: number | null): Promise<void> {
    if (role !== 'department') {
      if (agencyId !== null) throw AccountsException.agencyInvalid(false);
      return;
    }
    const rows: unknown[] = agencyId === null ? [] : await m.query('SELECT id FROM agency WHERE id = $1', [agencyId]);
    if (!rows.length) throw AccountsException.agencyInvalid(true);
  }
}

/** The audit log's actor for an account change: the administrator, the command line, or the system. */
function auditActor(by: SignedInUser | null): Actor {
  if (!by) return SYSTEM_ACTOR;
  // The command line acts as a user of id 0, which no account has.
  return by.id > 0 ? actorOf(by) : { name: `cli:${by.username}`, userId: null };
}

/** What an account change records of the account (never its password hash). */
function accountFacts(row: UserRow): Record<string, unknown> {
  return { username: row.username, displayName: row.display_name, role: row.role, agencyId: row.agency_id, disabled: row.disabled };
}
