/**
 * Accounts over real HTTP: signing in (cookie attributes, one answer for unknown users and wrong passwords),
 * lockout after repeated failures and unlocking, signing out, CSRF, sessions ending when an
 * administrator changes the account, the last administrator, and a department user's view and imports limited to
 * its own agency.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SEED_REPORTS_DIR } from '@ogi/database';
import { SEED_REPORT, TEST_ADMIN, errorCodes, startTestApp, type ApiClient, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { csrfToken expiresAt user { username role } } }';
const reasons = (r: GraphqlResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.['reason']);

let t: TestApp;
let ezhou: number;
let other: { agencyId: number; reportId: number };

beforeAll(async () => {
  // Client addresses come from X-Forwarded-For (as behind a proxy), so each test signs in from its own address
  // and the sign-in rate limit (per address) never spills from one test into another.
  // The URL import test fetches from a local stand-in for an agency's site (127.0.0.1 only).
  t = await startTestApp({ TRUST_PROXY: 'loopback', COLLECT_ALLOW_PRIVATE_NETWORKS: 'true', COLLECT_HOST_INTERVAL_MS: '0' });
  const { results } = await t.ingest.ingestPaths([SEED_REPORT, join(SEED_REPORTS_DIR, '004_shuyang_xian_2025.txt')]);
  const [a, b] = results;
  if (a?.status !== 'stored' || b?.status !== 'stored') throw new Error('seed reports not stored');
  ezhou = a.agencyId;
  other = { agencyId: b.agencyId, reportId: b.reportId };
});

afterAll(async () => {
  await t?.close();
});

/** A sign-in attempt from a given client address; the raw response, so cookies and headers can be read. */
async function attempt(username: string, password: string, ip: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
  });
  return { res, body: (await res.json()) as GraphqlResponse<{ login: { csrfToken: string; expiresAt: string; user: { username: string; role: string } } }> };
}

async function makeUser(username: string, role = 'editor', agencyId: number | null = null): Promise<string> {
  const password = `${username}-secret-pw`;
  const res = await t.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: { username, displayName: `用户 ${username}`, role, password, agencyId: agencyId === null ? null : String(agencyId) },
  });
  expect(res.errors).toBeUndefined();
  return password;
}

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie (not Secure over plain HTTP) and answers the CSRF token', async () => {
    const { res, body } = await attempt(TEST_ADMIN.username.toUpperCase(), TEST_ADMIN.password, '198.51.100.1');
    expect(body.data?.login.user).toEqual({ username: TEST_ADMIN.username, role: 'admin' });
    expect(body.data?.login.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ogi_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    // Only a hash of the token is stored.
    const token = /ogi_session=([^;]+)/.exec(cookie)![1]!;
    const rows = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM user_session WHERE token_hash = $1', [token]);
    expect(rows[0]!.n).toBe(0);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await attempt('nobody.here', 'whatever-password', '198.51.100.2');
    const wrong = await attempt(TEST_ADMIN.username, 'wrong-password', '198.51.100.2');
    expect(reasons(unknown.body)).toEqual(['INVALID_CREDENTIALS']);
    expect(reasons(wrong.body)).toEqual(['INVALID_CREDENTIALS']);
    expect(unknown.body.errors![0]!.message).toBe(wrong.body.errors![0]!.message);
    expect(unknown.res.headers.get('set-cookie')).toBeNull();
  });
});

describe('lockout', () => {
  it('locks the account after 5 wrong passwords — even the right one is refused — until an administrator unlocks it', async () => {
    const password = await makeUser('lock.me');
    for (let i = 1; i <= 4; i++) expect(reasons((await attempt('lock.me', `wrong-${i}-password`, '198.51.100.3')).body)).toEqual(['INVALID_CREDENTIALS']);
    const fifth = await attempt('lock.me', 'wrong-5-password', '198.51.100.4');
    expect(reasons(fifth.body)).toEqual(['ACCOUNT_LOCKED']);
    expect(fifth.body.errors![0]!.message).toMatch(/账号已被暂时锁定，请 15 分钟后再试/);
    expect(reasons((await attempt('lock.me', password, '198.51.100.5')).body)).toEqual(['ACCOUNT_LOCKED']);

    const [user] = await t.dataSource.query<{ id: number; locked: boolean }[]>(
      `SELECT id, locked_until > now() AS locked FROM app_user WHERE username = 'lock.me'`,
    );
    expect(user!.locked).toBe(true);
    const listed = await t.gql<{ user: { lockedUntil: string | null } }>('query($id: ID!) { user(id: $id) { lockedUntil } }', { id: String(user!.id) });
    expect(listed.data?.user.lockedUntil).not.toBeNull();

    const unlocked = await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { lockedUntil } }', { i: { id: String(user!.id), unlock: true } });
    expect(unlocked.errors).toBeUndefined();
    expect((await attempt('lock.me', password, '198.51.100.5')).body.data?.login.user.username).toBe('lock.me');
  });

  it('starts counting afresh after a successful sign-in', async () => {
    const password = await makeUser('count.me');
    for (let i = 0; i < 4; i++) await attempt('count.me', 'wrong-password!', '198.51.100.6');
    expect((await attempt('count.me', password, '198.51.100.6')).body.errors).toBeUndefined();
    expect(reasons((await attempt('count.me', 'wrong-password!', '198.51.100.7')).body)).toEqual(['INVALID_CREDENTIALS']);
  });
});

describe('signing out and CSRF', () => {
  let user: ApiClient;
  beforeAll(async () => {
    user = await t.signInAs('editor');
  });

  it('refuses a mutation with a wrong CSRF token, or with the token of another session', async () => {
    const other = await t.signInAs('editor');
    const query = JSON.stringify({ query: 'mutation { changePassword(currentPassword: "x", newPassword: "y") }' });
    for (const token of ['forged-token-forged-token-forged-token-xx', other.csrfToken!]) {
      const res = await user.fetch('/graphql', {
        method: 'POST',
        csrf: false,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: query,
      });
      expect(reasons((await res.json()) as GraphqlResponse<unknown>)).toEqual(['CSRF_TOKEN_INVALID']);
    }
  });

  it('ends the session: the cookie is cleared and the old token opens nothing any more', async () => {
    const res = await user.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(((await res.json()) as GraphqlResponse<{ logout: boolean }>).data?.logout).toBe(true);
    expect(res.headers.get('set-cookie')).toMatch(/ogi_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(reasons(await user.gql('{ reports { total } }'))).toEqual(['NOT_SIGNED_IN']);
    expect((await user.gql<{ session: unknown }>('{ session { csrfToken } }')).data?.session).toBeNull();
  });

  it('ends a session left idle for longer than SESSION_IDLE_MINUTES', async () => {
    const idle = await t.signInAs('viewer');
    await t.dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '3 hours' WHERE user_id = (SELECT id FROM app_user WHERE username = $1)`,
      [idle.user!.username],
    );
    expect(reasons(await idle.gql('{ reports { total } }'))).toEqual(['SESSION_EXPIRED']);
    // Ended for good: the row is gone, a second try says "not signed in".
    expect(reasons(await idle.gql('{ reports { total } }'))).toEqual(['NOT_SIGNED_IN']);
  });
});

describe('what administrators change', () => {
  it("ends the user's sessions when their role changes or they are disabled; a disabled user cannot sign in", async () => {
    const password = await makeUser('moved.clerk', 'viewer');
    const clerk = await t.signIn('moved.clerk', password);
    const { id } = (await clerk.gql<{ session: { user: { id: string } } }>('{ session { user { id } } }')).data!.session.user;
    await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { role } }', { i: { id, role: 'analyst' } });
    expect(reasons(await clerk.gql('{ reports { total } }'))).toEqual(['NOT_SIGNED_IN']);

    const again = await t.signIn('moved.clerk', password);
    expect(again.user?.role).toBe('analyst');
    await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { disabled } }', { i: { id, disabled: true } });
    expect(reasons(await again.gql('{ reports { total } }'))).toEqual(['NOT_SIGNED_IN']);
    expect(reasons((await attempt('moved.clerk', password, '198.51.100.20')).body)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('records every account change in the audit log: who, what, before and after — never a password', async () => {
    const created = await t.gql<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: 'audited.clerk', displayName: '审计对象', role: 'viewer', password: 'audited-secret-pw' },
    });
    const id = created.data!.createUser.id;
    await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { role } }', { i: { id, role: 'analyst', disabled: true } });
    await t.gql('mutation($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) }', { id, p: 'another-secret-pw' });
    await t.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id });
    const entries = await t.dataSource.query<
      { actor: string; action: string; before_value: Record<string, unknown> | null; after_value: Record<string, unknown> | null; text: string }[]
    >(`SELECT actor, action, before_value, after_value, row_to_json(audit_log)::text AS text FROM audit_log WHERE (detail->>'userId') = $1 ORDER BY id`, [id]);
    expect(entries.map((e) => [e.actor, e.action])).toEqual([
      [TEST_ADMIN.username, 'user.created'],
      [TEST_ADMIN.username, 'user.updated'],
      [TEST_ADMIN.username, 'user.passwordReset'],
      [TEST_ADMIN.username, 'user.deleted'],
    ]);
    expect(entries[1]!.before_value).toMatchObject({ role: 'viewer', disabled: false });
    expect(entries[1]!.after_value).toMatchObject({ role: 'analyst', disabled: true });
    for (const e of entries) expect(e.text).not.toMatch(/secret-pw|scrypt\$/);
  });

  it('resets a password: the old one stops working, every session of the user ends', async () => {
    const password = await makeUser('forgetful', 'analyst');
    const session = await t.signIn('forgetful', password);
    const [{ id }] = (await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'forgetful'`)) as [{ id: number }];
    const reset = await t.gql('mutation($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) }', { id: String(id), p: 'brand-new-password' });
    expect(reset.errors).toBeUndefined();
    expect(reasons(await session.gql('{ reports { total } }'))).toEqual(['NOT_SIGNED_IN']);
    expect(reasons((await attempt('forgetful', password, '198.51.100.21')).body)).toEqual(['INVALID_CREDENTIALS']);
    expect((await attempt('forgetful', 'brand-new-password', '198.51.100.21')).body.errors).toBeUndefined();
  });

  it('lets a user change their own password: other sessions end, this one stays', async () => {
    const password = await makeUser('changer', 'viewer');
    const here = await t.signIn('changer', password);
    const elsewhere = await t.signIn('changer', password);
    const weak = await here.gql('mutation { changePassword(currentPassword: "changer-secret-pw", newPassword: "short") }');
    expect(reasons(weak)).toEqual(['WEAK_CREDENTIALS']);
    const ok = await here.gql('mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a much longer password") }', { c: password });
    expect(ok.errors).toBeUndefined();
    expect((await here.gql<{ reports: { total: number } }>('{ reports { total } }')).errors).toBeUndefined();
    expect(reasons(await elsewhere.gql('{ reports { total } }'))).toEqual(['NOT_SIGNED_IN']);
  });

  it('refuses weak or duplicate accounts, and department users without an agency', async () => {
    const create = (i: Record<string, unknown>) => t.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i });
    expect(reasons(await create({ username: 'weak.one', displayName: 'x', role: 'viewer', password: 'short' }))).toEqual(['WEAK_CREDENTIALS']);
    expect(reasons(await create({ username: 'bad name', displayName: 'x', role: 'viewer', password: 'long enough password' }))).toEqual(['WEAK_CREDENTIALS']);
    expect(reasons(await create({ username: 'TEST.ADMIN', displayName: 'x', role: 'viewer', password: 'long enough password' }))).toEqual(['USERNAME_TAKEN']);
    expect(reasons(await create({ username: 'dept.none', displayName: 'x', role: 'department', password: 'long enough password' }))).toEqual([
      'AGENCY_INVALID',
    ]);
    expect(
      reasons(await create({ username: 'dept.ghost', displayName: 'x', role: 'department', agencyId: '999999', password: 'long enough password' })),
    ).toEqual(['AGENCY_INVALID']);
    expect(
      reasons(await create({ username: 'viewer.agency', displayName: 'x', role: 'viewer', agencyId: String(ezhou), password: 'long enough password' })),
    ).toEqual(['AGENCY_INVALID']);
  });

  it('never leaves the system without an enabled administrator, and an administrator cannot lock themself out', async () => {
    const [{ id: adminId }] = (await t.dataSource.query(`SELECT id FROM app_user WHERE username = $1`, [TEST_ADMIN.username])) as [{ id: number }];
    expect(reasons(await t.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: String(adminId) }))).toEqual(['OWN_ACCOUNT']);
    expect(reasons(await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { role } }', { i: { id: String(adminId), role: 'viewer' } }))).toEqual([
      'OWN_ACCOUNT',
    ]);
    // A second administrator may not remove the first while it is the only other one… but can once there are two.
    const password = await makeUser('second.admin', 'admin');
    const second = await t.signIn('second.admin', password);
    const [{ id: secondId }] = (await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'second.admin'`)) as [{ id: number }];
    expect(
      (await second.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { disabled } }', { i: { id: String(adminId), disabled: true } })).errors,
    ).toBeUndefined();
    expect(reasons(await t.gql('{ reports { total } }'))).toEqual(['NOT_SIGNED_IN']);
    expect(
      (await second.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { disabled } }', { i: { id: String(adminId), disabled: false } })).errors,
    ).toBeUndefined();
    t.admin = await t.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await t.admin.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: String(secondId) })).errors).toBeUndefined();
    expect(await t.dataSource.query(`SELECT username FROM app_user WHERE role = 'admin' AND NOT disabled`)).toEqual([{ username: TEST_ADMIN.username }]);
  });
});

describe('a department user', () => {
  let clerk: ApiClient;
  beforeAll(async () => {
    clerk = await t.signInAs('department', { agencyId: ezhou });
  });

  it('sees only its own agency and its reports; another agency does not exist for it', async () => {
    const page = await clerk.gql<{ reports: { total: number; items: { agency: { id: string } }[] }; agencies: { total: number } }>(
      '{ reports { total items { agency { id } } } agencies { total } }',
    );
    expect(page.data?.reports.total).toBe(1);
    expect(page.data?.reports.items.map((r) => r.agency.id)).toEqual([String(ezhou)]);
    expect(page.data?.agencies.total).toBe(1);
    expect(errorCodes(await clerk.gql('query($id: ID!) { report(id: $id) { year } }', { id: String(other.reportId) }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await clerk.gql('query($id: ID!) { agency(id: $id) { name } }', { id: String(other.agencyId) }))).toEqual(['NOT_FOUND']);
    // The administrator sees both.
    expect((await t.admin.gql<{ reports: { total: number } }>('{ reports { total } }')).data?.reports.total).toBe(2);
  });

  it("is not told the id of its agency's parent in the registry tree", async () => {
    const [{ id: parent }] = (await t.dataSource.query(`INSERT INTO agency (name, kind) VALUES ('鄂州市人民政府（测试上级）', 'government') RETURNING id`)) as [
      { id: number },
    ];
    await t.dataSource.query('UPDATE agency SET parent_id = $1 WHERE id = $2', [parent, ezhou]);
    try {
      const tree = await clerk.gql<{ agencyTree: { id: string; parentId: string | null }[] }>('{ agencyTree { id parentId } }');
      expect(tree.data?.agencyTree).toEqual([{ id: String(ezhou), parentId: null }]);
      // The administrator sees the parent.
      const adminView = await t.gql<{ agencyTree: { id: string; parentId: string | null }[] }>('query($p: ID) { agencyTree(parentId: $p) { id parentId } }', {
        p: String(parent),
      });
      expect(adminView.data?.agencyTree).toEqual([{ id: String(ezhou), parentId: String(parent) }]);
    } finally {
      await t.dataSource.query('UPDATE agency SET parent_id = NULL WHERE id = $1', [ezhou]);
      await t.dataSource.query('DELETE FROM agency WHERE id = $1', [parent]);
    }
  });

  it("may upload its own agency's report but not another agency's, which is refused and writes nothing", async () => {
    const before = await t.rowCounts();
    const form = new FormData();
    const foreign = await readFile(join(SEED_REPORTS_DIR, '005_shanghai_kewei_2024.md'));
    const own = Buffer.from((await readFile(SEED_REPORT, 'utf8')).replace('2021年01月24日', '2021年01月25日'), 'utf8');
    form.append('files', new Blob([new Uint8Array(foreign)]), '005_shanghai_kewei_2024.md');
    form.append('files', new Blob([new Uint8Array(own)]), 'ezhou-republished.txt');
    // Someone else's file already stored: not even its report id is told.
    form.append('files', new Blob([new Uint8Array(await readFile(join(SEED_REPORTS_DIR, '004_shuyang_xian_2025.txt')))]), 'shuyang.txt');
    const res = await clerk.fetch('/api/uploads', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const results = (await res.json()) as { fileName: string; status: string; error?: { code: string }; reportId?: string }[];
    expect(results.map((r) => [r.fileName, r.status, r.error?.code ?? null])).toEqual([
      ['005_shanghai_kewei_2024.md', 'failed', 'AGENCY_NOT_ALLOWED'],
      ['ezhou-republished.txt', 'stored', null],
      ['shuyang.txt', 'failed', 'AGENCY_NOT_ALLOWED'],
    ]);
    expect(results[2]!.reportId).toBeUndefined();
    const after = await t.rowCounts();
    expect(after['agency']).toBe(before['agency']);
    expect(after['report']).toBe(before['report']! + 1);
  });

  it("may not import another agency's report by its address either", async () => {
    const shanghai = await readFile(join(SEED_REPORTS_DIR, '005_shanghai_kewei_2024.md'));
    const site: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(shanghai));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/nb2024.md`;
      const before = await t.rowCounts();
      const res = await clerk.gql<{ collectReports: { status: string; error: { code: string } | null }[] }>(
        'mutation($u: [String!]!) { collectReports(urls: $u) { status error { code } } }',
        { u: [url] },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.collectReports).toEqual([{ status: 'failed', error: { code: 'AGENCY_NOT_ALLOWED' } }]);
      expect((await t.rowCounts())['report']).toBe(before['report']);
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });
});

describe('every response', () => {
  it('carries the security headers: CSP without inline scripts, no framing, no sniffing, no referrer', async () => {
    // The explorer page is for signed-in analysts, editors and administrators (anyone else is sent to sign in).
    const explorer = { method: 'GET', headers: { accept: 'text/html' }, redirect: 'manual' as const };
    const api = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ session { csrfToken } }"}' };
    for (const [path, init] of [
      ['/', {}],
      ['/reports/1', {}],
      ['/graphql', api],
      ['/graphql', explorer],
      ['/api/health', {}],
    ] as const) {
      const res = await (init === explorer ? t.admin : t.anonymous).fetch(path, init);
      if (init === explorer) expect(res.status).not.toBe(302);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      // Only the GraphQL explorer page, which the dashboard's own GraphQL page embeds, may be framed (by this site);
      // the GraphQL API on the same path may not.
      const framed = init === explorer;
      expect(csp).toContain(framed ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe(framed ? 'SAMEORIGIN' : 'DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});
