import { PASSWORD_MIN_LENGTH, passwordProblem, usernameProblem } from '../src/accounts.js';
import { ACCESS, ROLES, ROLE_LABELS, isRole, mayAccess } from '../src/roles.js';

describe('credential rules', () => {
  it('accepts ordinary usernames and refuses spaces, Chinese, markup and extremes', () => {
    for (const ok of ['admin', 'zhang.san', 'li_si-2', 'clerk@dsj']) expect(usernameProblem(ok)).toBeNull();
    for (const bad of ['', 'a', 'zhang san', '张三', '<script>', 'x'.repeat(65)]) expect(usernameProblem(bad)).toBe('USERNAME_FORMAT');
  });

  it('counts a password in characters, so a Chinese passphrase is not penalised or favoured by its bytes', () => {
    expect(passwordProblem('政府信息公开年报观测台')).toBeNull(); // 11 characters, 33 bytes
    expect(passwordProblem('政府信息公开年报观测')).toBeNull(); // 10
    expect(passwordProblem('政府信息公开年报观')).toBe('PASSWORD_TOO_SHORT'); // 9
    expect(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH - 1))).toBe('PASSWORD_TOO_SHORT');
    expect(passwordProblem('x'.repeat(201))).toBe('PASSWORD_TOO_LONG');
  });

  it('refuses the username as the password, whatever its case', () => {
    expect(passwordProblem('Zhang.San.Clerk', 'zhang.san.clerk')).toBe('PASSWORD_IS_USERNAME');
    expect(passwordProblem('another-long-secret', 'zhang.san.clerk')).toBeNull();
  });
});

describe('roles', () => {
  it('has a Chinese and English label for every role, and recognises only those', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role].zh && ROLE_LABELS[role].en).toBeTruthy();
    expect(isRole('editor')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('the access policy', () => {
  it('lets only administrators manage the system, and every role read', () => {
    expect(ACCESS.admin).toEqual(['admin']);
    for (const role of ROLES) expect(mayAccess(role, 'read')).toBe(true);
  });

  it('keeps leaders (viewers) and analysts from storing or correcting anything', () => {
    for (const set of ['ingest', 'edit', 'admin'] as const) {
      expect(mayAccess('viewer', set)).toBe(false);
      expect(mayAccess('analyst', set)).toBe(false);
    }
    expect(mayAccess('department', 'ingest')).toBe(true);
    expect(mayAccess('department', 'analyse')).toBe(false);
    expect(mayAccess(null, 'read')).toBe(false);
  });
});
