/**
 * `pnpm user:create` and `pnpm user:password` (server/dist/cli/users.js) against the test server's database, the
 * way an operator makes the first administrator or gets back in. Needs `pnpm build` first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_DIR, startTestApp, type TestApp } from './helpers/test-app.js';

const CLI = join(SERVER_DIR, 'dist', 'cli', 'users.js');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
});
afterAll(async () => {
  await t?.close();
});

/** Runs the CLI with the password on standard input, as a script would. */
function cli(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

it('creates an administrator who can then sign in', async () => {
  expect(existsSync(CLI)).toBe(true); // built by `pnpm build`
  const made = await cli(
    ['create', '--role', 'admin', '--username', 'ops.admin', '--display-name', '运维管理员', '--password-stdin'],
    'an operator password\n',
  );
  expect(made).toMatchObject({ code: 0, stdout: expect.stringContaining('Created admin "ops.admin"') });
  const session = await t.signIn('ops.admin', 'an operator password');
  expect(session.user?.role).toBe('admin');
});

it('sets a new password that unlocks the account and ends its sessions', async () => {
  const before = await t.signIn('ops.admin', 'an operator password');
  await t.dataSource.query(`UPDATE app_user SET locked_until = now() + interval '1 hour' WHERE username = 'ops.admin'`);
  const reset = await cli(['password', '--username', 'ops.admin', '--password-stdin'], 'the next operator password\n');
  expect(reset.code).toBe(0);
  expect((await before.gql('{ reports { total } }')).errors?.[0]?.extensions?.['reason']).toBe('NOT_SIGNED_IN');
  expect((await t.signIn('ops.admin', 'the next operator password')).user?.username).toBe('ops.admin');
});

it('refuses clearly: a weak password, an unknown role, a department user without a known agency', async () => {
  const weak = await cli(['create', '--role', 'viewer', '--username', 'weak.user', '--password-stdin'], 'short\n');
  expect(weak.code).toBe(1);
  expect(weak.stderr).toContain('密码至少 10 个字符');
  const role = await cli(['create', '--role', 'root', '--username', 'x.user', '--password-stdin'], 'long enough password\n');
  expect(role).toMatchObject({ code: 1, stderr: expect.stringContaining('--role must be one of admin, editor, analyst, viewer, department') });
  const dept = await cli(['create', '--role', 'department', '--username', 'dept.user', '--agency', '不存在的局', '--password-stdin'], 'long enough password\n');
  expect(dept).toMatchObject({ code: 1, stderr: expect.stringContaining('no registered agency is named "不存在的局"') });
  const rows = await t.dataSource.query<{ username: string }[]>(`SELECT username FROM app_user WHERE username IN ('weak.user', 'x.user', 'dept.user')`);
  expect(rows).toEqual([]);
});
