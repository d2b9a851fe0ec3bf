import { describe, expect, it } from 'vitest';
import { type UserResult } from '../../graphql/api';
import {
  clampPage,
  parseUsersQuery,
  roleAbilities,
  toUsersQuery,
  userChanges,
  userRows,
  usersPageVariables,
  userStatus,
  type UsersWording,
} from './users.model';

const NOW = Date.parse('2026-11-28T10:00:00Z');

const user = (over: Partial<UserResult>): UserResult => ({
  id: '1',
  username: 'someone',
  displayName: '某人',
  role: 'analyst',
  agency: null,
  disabled: false,
  lockedUntil: null,
  lastLoginAt: null,
  createdAt: '2026-11-01T00:00:00Z',
  ...over,
});

const WORDING: UsersWording = {
  role: (zh) => zh,
  status: (status, until) => (status === 'locked' ? `locked until ${until}` : status),
  date: (iso) => `on ${iso.slice(0, 10)}`,
  never: 'never',
};

describe('one page of the users list', () => {
  it('is read from the URL and written back without the defaults', () => {
    expect(parseUsersQuery({})).toEqual({ search: '', page: 1 });
    expect(parseUsersQuery({ search: ' li ', page: '3' })).toEqual({ search: 'li', page: 3 });
    expect(parseUsersQuery({ search: ['a', 'b'], page: ['0'] })).toEqual({ search: 'a', page: 1 });
    expect(parseUsersQuery({ page: '-2' }).page).toBe(1);
    expect(parseUsersQuery({ page: '2.5' }).page).toBe(1);
    expect(toUsersQuery({ search: '', page: 1 })).toEqual({});
    expect(toUsersQuery({ search: ' 教育 ', page: 2 })).toEqual({ search: '教育', page: '2' });
  });

  it('asks for the page’s slice, with the search trimmed and none when blank', () => {
    expect(usersPageVariables('', 1)).toEqual({ search: null, skip: 0, take: 20 });
    expect(usersPageVariables('  li ', 3)).toEqual({ search: 'li', skip: 40, take: 20 });
    expect(usersPageVariables('x', 0)).toEqual({ search: 'x', skip: 0, take: 20 });
    expect(usersPageVariables('x', 2, 50)).toEqual({ search: 'x', skip: 50, take: 50 });
  });

  it('moves back to the last page when the list shrank under it', () => {
    expect(clampPage(3, 41)).toBe(3);
    expect(clampPage(3, 40)).toBe(2);
    expect(clampPage(5, 0)).toBe(1);
  });
});

describe('an account’s state', () => {
  it('is disabled, locked while the lockout lasts, or enabled', () => {
    expect(userStatus({ disabled: false, lockedUntil: null }, NOW)).toBe('active');
    expect(userStatus({ disabled: false, lockedUntil: '2026-11-28T10:05:00Z' }, NOW)).toBe('locked');
    expect(userStatus({ disabled: false, lockedUntil: '2026-11-28T09:55:00Z' }, NOW)).toBe('active');
    expect(userStatus({ disabled: true, lockedUntil: '2026-11-28T10:05:00Z' }, NOW)).toBe('disabled');
  });
});

describe('the rows of the list', () => {
  it('say the role in words, the agency of department users only, the state, the last sign-in, and which is you', () => {
    const rows = userRows(
      [
        user({ id: '1', username: 'admin', role: 'admin', lastLoginAt: '2026-11-28T08:00:00Z' }),
        user({ id: '2', username: 'dept', role: 'department', agency: { id: '9', name: '市教育局' }, lockedUntil: '2026-11-28T10:10:00Z' }),
        user({ id: '3', username: 'gone', role: 'viewer', disabled: true }),
      ],
      '1',
      NOW,
      WORDING,
    );
    expect(rows.map((r) => [r.username, r.roleLabel, r.agency, r.statusLabel, r.lastSignIn, r.isSelf])).toEqual([
      ['admin', '管理员', '', 'active', 'on 2026-11-28', true],
      ['dept', '部门用户', '市教育局', 'locked until 2026-11-28T10:10:00Z', 'never', false],
      ['gone', '领导', '', 'disabled', 'never', false],
    ]);
    expect(rows[1]?.agencyId).toBe('9');
  });
});

describe('the changes an edit sends', () => {
  const before = { id: '5', displayName: '王五', role: 'analyst' as const, disabled: false, agencyId: null };

  it('are only what changed', () => {
    expect(userChanges(before, { displayName: '王五', role: 'analyst', agencyId: null, disabled: false })).toBeNull();
    expect(userChanges(before, { displayName: ' 王五 ', role: 'analyst', agencyId: null, disabled: true })).toEqual({ id: '5', disabled: true });
    expect(userChanges(before, { displayName: '王小五', role: 'editor', agencyId: null, disabled: false })).toEqual({
      id: '5',
      displayName: '王小五',
      role: 'editor',
    });
  });

  it('keep the name when the box is emptied (the server would keep it too)', () => {
    expect(userChanges(before, { displayName: '  ', role: 'analyst', agencyId: null, disabled: false })).toBeNull();
  });

  it('carry the agency when someone becomes or moves as a department user', () => {
    expect(userChanges(before, { displayName: '王五', role: 'department', agencyId: '7', disabled: false })).toEqual({
      id: '5',
      role: 'department',
      agencyId: '7',
    });
    const dept = { ...before, role: 'department' as const, agencyId: '7' };
    expect(userChanges(dept, { displayName: '王五', role: 'department', agencyId: '8', disabled: false })).toEqual({ id: '5', agencyId: '8' });
    expect(userChanges(dept, { displayName: '王五', role: 'viewer', agencyId: '7', disabled: false })).toEqual({ id: '5', role: 'viewer' });
  });
});

describe('what a role may do', () => {
  it('follows the access policy', () => {
    expect(roleAbilities('admin')).toEqual(['read', 'ingest', 'edit', 'analyse', 'admin']);
    expect(roleAbilities('editor')).toEqual(['read', 'ingest', 'edit', 'analyse']);
    expect(roleAbilities('analyst')).toEqual(['read', 'analyse']);
    expect(roleAbilities('viewer')).toEqual(['read']);
    expect(roleAbilities('department')).toEqual(['read', 'ingest']);
  });
});
