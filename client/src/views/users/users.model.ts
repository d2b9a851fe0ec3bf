/**
 * The users page's list as people read it: a page of accounts from the server, each with its role in words, the
 * agency of a department user, whether it can sign in (enabled, disabled, or locked after wrong passwords) and
 * its last sign-in. Pure: the page passes the wording of the current language and the time now.
 */
import { ACCESS, ROLE_LABELS, mayAccess, type AccessSet, type Role } from '@ogi/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { type UserResult, type UsersQueryVariables } from '../../graphql/api';

/** Accounts per page (the server allows 1–100). */
export const USERS_PAGE_SIZE = 20;

/** The list's search and page live in the URL (`/users?search=li&page=2`), so a view of the list can be shared. */
export interface UsersListState {
  search: string;
  page: number;
}

const firstValue = (v: LocationQuery[string] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

export function parseUsersQuery(query: LocationQuery): UsersListState {
  const page = firstValue(query['page']);
  return { search: (firstValue(query['search']) ?? '').trim().slice(0, 100), page: page && /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1 };
}

/** Back to query parameters, leaving the defaults out so links stay short. */
export function toUsersQuery(state: UsersListState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.search.trim()) query['search'] = state.search.trim();
  if (state.page > 1) query['page'] = String(state.page);
  return query;
}

/** The query of one page of the list: the search as typed (trimmed; none when blank), pages counted from 1. */
export function usersPageVariables(search: string, page: number, pageSize = USERS_PAGE_SIZE): Required<UsersQueryVariables> {
  const term = search.trim();
  const safePage = Number.isInteger(page) && page > 0 ? page : 1;
  return { search: term || null, skip: (safePage - 1) * pageSize, take: pageSize };
}

/** The page to show after the total changed (a search narrowed the list, the last user of a page was deleted). */
export function clampPage(page: number, total: number, pageSize = USERS_PAGE_SIZE): number {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return Math.min(Math.max(1, page), pages);
}

export type UserStatus = 'active' | 'disabled' | 'locked';

/** Disabled wins over locked: a disabled account cannot sign in whatever its lockout. */
export function userStatus(user: Pick<UserResult, 'disabled' | 'lockedUntil'>, now: number): UserStatus {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) return 'locked';
  return 'active';
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  /** A department user's agency name; '' for the other roles. */
  agency: string;
  agencyId: string | null;
  status: UserStatus;
  statusLabel: string;
  lockedUntil: string | null;
  /** When they last signed in, in words; the wording for "never" when they have not. */
  lastSignIn: string;
  /** The signed-in administrator's own row (the server refuses to disable, demote or delete it). */
  isSelf: boolean;
}

export interface UsersWording {
  role(zh: string, en: string): string;
  status(status: UserStatus, lockedUntil: string | null): string;
  date(iso: string): string;
  never: string;
}

export function userRows(users: readonly UserResult[], selfId: string | null, now: number, w: UsersWording): UserRow[] {
  return users.map((u) => {
    const status = userStatus(u, now);
    const label = ROLE_LABELS[u.role];
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      roleLabel: w.role(label.zh, label.en),
      agency: u.role === 'department' ? (u.agency?.name ?? '') : '',
      agencyId: u.agency?.id ?? null,
      status,
      statusLabel: w.status(status, u.lockedUntil),
      lockedUntil: u.lockedUntil,
      lastSignIn: u.lastLoginAt ? w.date(u.lastLoginAt) : w.never,
      isSelf: u.id === selfId,
    };
  });
}

export interface UserEdit {
  displayName: string;
  role: Role;
  agencyId: string | null;
  disabled: boolean;
}

/**
 * Only what changed, as UpdateUserInput wants it (null when nothing did). A department user's agency goes with
 * it; moving a department user to another role drops the agency on the server.
 */
export function userChanges(
  before: Pick<UserResult, 'id' | 'displayName' | 'role' | 'disabled'> & { agencyId: string | null },
  after: UserEdit,
): { id: string; displayName?: string; role?: Role; agencyId?: string; disabled?: boolean } | null {
  const change: { id: string; displayName?: string; role?: Role; agencyId?: string; disabled?: boolean } = { id: before.id };
  const name = after.displayName.trim();
  if (name && name !== before.displayName) change.displayName = name;
  if (after.role !== before.role) change.role = after.role;
  if (after.role === 'department' && after.agencyId && after.agencyId !== before.agencyId) change.agencyId = after.agencyId;
  if (after.disabled !== before.disabled) change.disabled = after.disabled;
  return Object.keys(change).length > 1 ? change : null;
}

/** What a role may do: the access policy's sets it belongs to, in the policy's order (shown beside the role). */
export function roleAbilities(role: Role): AccessSet[] {
  return (Object.keys(ACCESS) as AccessSet[]).filter((set) => mayAccess(role, set));
}
