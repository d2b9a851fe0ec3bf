import { passwordProblem } from '@ogi/domain';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../graphql/client';
import { accountErrorMessage, formMessageText, newUserProblems, passwordChangeProblems, temporaryPassword, type NewUserForm } from './account-forms';

const VALID: NewUserForm = {
  username: 'analyst.li',
  displayName: '李分析',
  role: 'analyst',
  agencyId: null,
  password: 'long enough pw',
  repeat: 'long enough pw',
};
const refused = (reason: string, details: Record<string, unknown> | null = null, code = 'BAD_USER_INPUT') =>
  new ApiError('graphql', '服务器原文。Server text.', 200, [code], [reason], details);

describe('a new account’s form', () => {
  it('may be sent when every rule holds', () => {
    expect(newUserProblems(VALID)).toEqual({});
  });

  it('refuses the usernames and passwords the server refuses, with the domain’s reason', () => {
    expect(newUserProblems({ ...VALID, username: 'li si' }).username).toEqual({ problem: 'USERNAME_FORMAT' });
    expect(newUserProblems({ ...VALID, username: 'x' }).username).toEqual({ problem: 'USERNAME_FORMAT' });
    expect(newUserProblems({ ...VALID, password: 'short', repeat: 'short' }).password).toEqual({ problem: 'PASSWORD_TOO_SHORT' });
    expect(newUserProblems({ ...VALID, username: 'analyst.li.x', password: 'ANALYST.LI.X', repeat: 'ANALYST.LI.X' }).password).toEqual({
      problem: 'PASSWORD_IS_USERNAME',
    });
  });

  it('needs a role, an agency for a department user, and the password twice the same', () => {
    expect(newUserProblems({ ...VALID, role: '' }).role).toEqual({ key: 'users.form.roleNeeded' });
    expect(newUserProblems({ ...VALID, role: 'department' }).agency).toEqual({ key: 'users.form.agencyNeeded' });
    expect(newUserProblems({ ...VALID, role: 'department', agencyId: '12' })).toEqual({});
    expect(newUserProblems({ ...VALID, repeat: 'long enough pW' }).repeat).toEqual({ key: 'account.repeatMismatch' });
  });
});

describe('changing one’s own password', () => {
  const form = { currentPassword: 'the old password', newPassword: 'the new password', repeat: 'the new password' };

  it('may be sent when the new password follows the rules and is typed twice', () => {
    expect(passwordChangeProblems(form, 'wang')).toEqual({});
  });

  it('explains each problem', () => {
    expect(passwordChangeProblems({ ...form, currentPassword: '' }, 'wang').currentPassword).toEqual({ key: 'account.currentNeeded' });
    expect(passwordChangeProblems({ ...form, newPassword: '123456789', repeat: '123456789' }, 'wang').newPassword).toEqual({ problem: 'PASSWORD_TOO_SHORT' });
    expect(passwordChangeProblems({ ...form, newPassword: 'wang.wu.1234', repeat: 'wang.wu.1234' }, 'Wang.Wu.1234').newPassword).toEqual({
      problem: 'PASSWORD_IS_USERNAME',
    });
    expect(passwordChangeProblems({ ...form, newPassword: form.currentPassword, repeat: form.currentPassword }, 'wang').newPassword).toEqual({
      key: 'account.sameAsCurrent',
    });
    expect(passwordChangeProblems({ ...form, repeat: 'the new passwort' }, 'wang').repeat).toEqual({ key: 'account.repeatMismatch' });
  });

  it('counts a Chinese passphrase by characters, as the server does', () => {
    expect(passwordChangeProblems({ ...form, newPassword: '春眠不觉晓处处闻啼鸟', repeat: '春眠不觉晓处处闻啼鸟' }, 'wang')).toEqual({});
  });
});

describe('the temporary password of a reset', () => {
  it('is 16 unambiguous characters the server accepts', () => {
    const password = temporaryPassword();
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
    expect(passwordProblem(password, 'anyone')).toBeNull();
  });

  it('differs each time', () => {
    expect(new Set(Array.from({ length: 20 }, () => temporaryPassword())).size).toBe(20);
  });

  it('skips the random bytes that would favour some characters', () => {
    // 57 characters: bytes 228–255 are dropped, so a source of only such bytes yields nothing until a usable one.
    let call = 0;
    const source = (count: number) => new Uint8Array(count).fill(call++ === 0 ? 250 : 0);
    expect(temporaryPassword(source)).toBe('A'.repeat(16));
    expect(call).toBe(2);
  });
});

describe('why the server refused an account operation', () => {
  it('is told by the reason code, never by the server’s text', () => {
    expect(accountErrorMessage(refused('WRONG_CURRENT_PASSWORD'))).toEqual({ key: 'account.errors.wrongCurrent' });
    expect(accountErrorMessage(refused('USERNAME_TAKEN', { username: 'li' }))).toEqual({ key: 'account.errors.usernameTaken', params: { username: 'li' } });
    expect(accountErrorMessage(refused('USER_NOT_FOUND', null, 'NOT_FOUND'))).toEqual({ key: 'account.errors.userNotFound' });
    expect(accountErrorMessage(refused('AGENCY_INVALID'))).toEqual({ key: 'account.errors.agencyInvalid' });
    expect(accountErrorMessage(refused('LAST_ADMIN'))).toEqual({ key: 'account.errors.lastAdmin' });
    expect(accountErrorMessage(refused('OWN_ACCOUNT'))).toEqual({ key: 'account.errors.ownAccount' });
    expect(accountErrorMessage(refused('ROLE_NOT_ALLOWED', null, 'FORBIDDEN'))).toEqual({ key: 'account.errors.forbidden' });
    expect(accountErrorMessage(refused('CSRF_TOKEN_INVALID', null, 'FORBIDDEN'))).toEqual({ key: 'account.errors.csrf' });
    expect(accountErrorMessage(refused('SESSION_EXPIRED', null, 'UNAUTHENTICATED'))).toEqual({ key: 'account.errors.signedOut' });
  });

  it('names the broken password rule the server reports', () => {
    expect(accountErrorMessage(refused('WEAK_CREDENTIALS', { problem: 'PASSWORD_TOO_SHORT' }))).toEqual({ problem: 'PASSWORD_TOO_SHORT' });
    expect(accountErrorMessage(refused('WEAK_CREDENTIALS', { problem: 'SOMETHING_NEW' }))).toEqual({ key: 'account.errors.weak' });
  });

  it('explains trouble on the way and shows a refusal it does not know with the server’s words', () => {
    expect(accountErrorMessage(new ApiError('network', 'Failed to fetch'))).toEqual({ key: 'account.errors.network' });
    expect(accountErrorMessage(new ApiError('graphql', 'x', 200, ['DATABASE_UNAVAILABLE'], ['']))).toEqual({ key: 'account.errors.unavailable' });
    expect(accountErrorMessage(new ApiError('graphql', 'take must not be greater than 100', 200, ['BAD_USER_INPUT'], ['INVALID_ARGUMENTS']))).toEqual({
      key: 'account.errors.badInput',
      params: { message: 'take must not be greater than 100' },
    });
    expect(accountErrorMessage(new ApiError('graphql', '新问题。New trouble.', 200, ['INTERNAL_SERVER_ERROR'], ['']))).toEqual({
      key: 'errors.graphql',
      params: { message: '新问题。New trouble.' },
    });
    expect(accountErrorMessage(new Error('boom'))).toEqual({ key: 'account.errors.unknown' });
  });

  it('reads in the user’s language', () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key}${params ? JSON.stringify(params) : ''}`;
    expect(formMessageText({ problem: 'PASSWORD_TOO_SHORT' }, t, (zh) => zh)).toBe('密码至少 10 个字符。');
    expect(formMessageText({ problem: 'PASSWORD_TOO_SHORT' }, t, (_zh, en) => en)).toBe('A password has at least 10 characters.');
    expect(formMessageText({ key: 'account.errors.lastAdmin' }, t, (zh) => zh)).toBe('account.errors.lastAdmin');
  });
});
