/**
 * Personal access tokens over real HTTP: a token is shown once and stored hashed; `Authorization: Bearer` reads
 * within its owner's rights and no further (every role, a department user only its agency); read-only tokens
 * cannot change anything, write tokens can without a CSRF token; revoked, expired and disabled owners' tokens are
 * refused; tokens cannot make tokens; creating and revoking are audited; each token has its own rate limit.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { SEED_REPORTS_DIR } from '@ogi/database';
import { ROLES, type Role } from '@ogi/domain';
import { SEED_REPORT, startTestApp, type ApiClient, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

const TOKEN_RATE_LIMIT = 30;
const reasons = (r: GraphqlResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.['reason']);
const CREATE =
  'mutation($i: CreateAccessTokenInput!) { createAccessToken(input: $i) { token accessToken { id name prefix scope owner expiresAt lastUsedAt active } } }';

interface Created {
  token: string;
  accessToken: { id: string; name: string; prefix: string; scope: string; owner: string; expiresAt: string; lastUsedAt: string | null; active: boolean };
}

let t: TestApp;
let ezhou: number;
let shuyang: number;

beforeAll(async () => {
  t = await startTestApp({ TOKEN_RATE_LIMIT: String(TOKEN_RATE_LIMIT) });
  const { results } = await t.ingest.ingestPaths([SEED_REPORT, join(SEED_REPORTS_DIR, '004_shuyang_xian_2025.txt')]);
  const [a, b] = results;
  if (a?.status !== 'stored' || b?.status !== 'stored') throw new Error('seed reports not stored');
  ezhou = a.agencyId;
  shuyang = b.agencyId;
});

afterAll(async () => {
  await t?.close();
});

async function createToken(client: ApiClient, input: Record<string, unknown>): Promise<Created> {
  const res = await client.gql<{ createAccessToken: Created }>(CREATE, { i: input });
  expect(res.errors).toBeUndefined();
  return res.data!.createAccessToken;
}

/** A GraphQL request with a bearer token and no cookie, no CSRF header. */
async function gqlWith<T = Record<string, unknown>>(
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: GraphqlResponse<T> }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphqlResponse<T> };
}

const getWith = (token: string, path: string) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const REPORT_AGENCIES = '{ reports(take: 100) { total items { agency { id } } } }';
const EXPORT = (agencyId: number) => `/api/exports/comparison.csv?agencyIds=${agencyId}&years=2020,2025&metrics=applications.new`;

describe('creating a token', () => {
  it('shows the token once, stores only its hash, and lists it with its prefix, scope and expiry', async () => {
    const before = Date.now();
    const created = await createToken(t.admin, { name: '  nightly pandas job ', expiresInDays: 30 });
    expect(created.token).toMatch(/^ogi_pat_[\w-]{43}$/);
    expect(created.accessToken).toMatchObject({ name: 'nightly pandas job', scope: 'read', owner: 'test.admin', lastUsedAt: null, active: true });
    expect(created.token.startsWith(created.accessToken.prefix)).toBe(true);
    expect(created.accessToken.prefix.length).toBeLessThan(20);
    // 30 days from now, give or take the time the request took.
    const days = (Date.parse(created.accessToken.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);

    const stored = await t.dataSource.query<{ token_hash: string }[]>('SELECT token_hash FROM access_token WHERE id = $1', [created.accessToken.id]);
    expect(stored[0]!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const plain = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM access_token t WHERE t::text LIKE '%' || $1 || '%'`, [
      created.token,
    ]);
    expect(plain[0]!.n).toBe(0);

    const listed = await t.gql<{ myAccessTokens: Record<string, unknown>[] }>('{ myAccessTokens { id name prefix scope active } }');
    expect(listed.data!.myAccessTokens).toContainEqual({
      id: created.accessToken.id,
      name: 'nightly pandas job',
      prefix: created.accessToken.prefix,
      scope: 'read',
      active: true,
    });
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it('refuses a blank name, a lifetime over a year and an unknown scope, creating nothing', async () => {
    const count = async () => (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM access_token'))[0]!.n;
    const before = await count();
    for (const input of [{ name: '   ' }, { name: 'x', expiresInDays: 400 }, { name: 'x', expiresInDays: 0 }]) {
      const res = await t.gql(CREATE, { i: input });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
    const badScope = await t.gql(CREATE, { i: { name: 'x', scope: 'admin' } });
    expect(badScope.errors?.length).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });
});

describe('a token reads as its owner, and no further', () => {
  it('works on /graphql and on export routes for every role exactly as a session of that role does', async () => {
    for (const role of ROLES) {
      const client = role === 'admin' ? t.admin : await t.signInAs(role, role === 'department' ? { agencyId: ezhou } : {});
      const { token } = await createToken(client, { name: `${role} script` });
      const mayExport = (['admin', 'editor', 'analyst'] as Role[]).includes(role);

      const reports = await gqlWith<{ reports: { total: number } }>(token, REPORT_AGENCIES);
      expect({ role, errors: reports.body.errors }).toEqual({ role, errors: undefined });

      const users = await gqlWith(token, '{ users { total } }');
      expect({ role, reasons: reasons(users.body) }).toEqual({ role, reasons: role === 'admin' ? [] : ['ROLE_NOT_ALLOWED'] });

      const csv = await getWith(token, EXPORT(ezhou));
      expect({ role, status: csv.status }).toEqual({ role, status: mayExport ? 200 : 403 });
      if (mayExport) expect(await csv.text()).toContain('applications.new');
    }
  });

  it("gives a department user's token that agency's reports only", async () => {
    const clerk = await t.signInAs('department', { agencyId: shuyang });
    const { token } = await createToken(clerk, { name: 'department script' });
    const mine = await gqlWith<{ reports: { total: number; items: { agency: { id: string } }[] } }>(token, REPORT_AGENCIES);
    expect(mine.body.data!.reports.total).toBe(1);
    expect(mine.body.data!.reports.items.map((r) => r.agency.id)).toEqual([String(shuyang)]);
    const theirs = await gqlWith<{ reports: { total: number } }>(token, `{ reports(agencyId: "${ezhou}") { total } }`);
    expect(theirs.body.data!.reports.total).toBe(0);
    // The administrator sees both.
    const all = await t.gql<{ reports: { total: number } }>('{ reports { total } }');
    expect(all.data!.reports.total).toBe(2);
  });

  it('follows its owner: a demoted owner’s token loses what the old role allowed', async () => {
    const analyst = await t.signInAs('analyst', { username: 'demoted.analyst' });
    const { token } = await createToken(analyst, { name: 'before demotion' });
    expect((await getWith(token, EXPORT(ezhou))).status).toBe(200);
    const demoted = await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { role } }', { i: { id: analyst.user!.id, role: 'viewer' } });
    expect(demoted.errors).toBeUndefined();
    expect((await getWith(token, EXPORT(ezhou))).status).toBe(403);
  });

  it('records when it was last used', async () => {
    const { token, accessToken } = await createToken(t.admin, { name: 'last use' });
    await gqlWith(token, '{ reports { total } }');
    const listed = await t.gql<{ myAccessTokens: { id: string; lastUsedAt: string | null }[] }>('{ myAccessTokens { id lastUsedAt } }');
    const lastUsedAt = listed.data!.myAccessTokens.find((x) => x.id === accessToken.id)!.lastUsedAt;
    expect(lastUsedAt).not.toBeNull();
    expect(Math.abs(Date.parse(lastUsedAt!) - Date.now())).toBeLessThan(5 * 60_000);
  });

  it('lets a script read the schema (introspection), which strangers may not', async () => {
    const { token } = await createToken(t.admin, { name: 'codegen' });
    const own = await gqlWith<{ __schema: { queryType: { name: string } } }>(token, '{ __schema { queryType { name } } }');
    expect(own.body.data?.__schema.queryType.name).toBe('Query');
    const stranger = await gqlWith(token.slice(0, -4) + 'AAAA', '{ __schema { queryType { name } } }');
    expect(stranger.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('what a token may change', () => {
  const RENAME = 'mutation($i: UpdateAgencyInput!) { updateAgency(input: $i) { id name } }';
  const agencyName = async () => (await t.dataSource.query<{ name: string }[]>('SELECT name FROM agency WHERE id = $1', [ezhou]))[0]!.name;

  it('refuses mutations and uploads to a read-only token, changing nothing', async () => {
    const { token } = await createToken(t.admin, { name: 'read only' });
    const name = await agencyName();
    const res = await gqlWith(token, RENAME, { i: { id: String(ezhou), name: '被令牌改名的机关' } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOKEN_READ_ONLY' });
    expect(res.body.errors?.[0]?.message).toContain('只读');
    expect(await agencyName()).toBe(name);
    const upload = await fetch(`${t.url}/api/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new FormData() });
    expect(upload.status).toBe(403);
    expect(((await upload.json()) as { error: { code: string } }).error.code).toBe('TOKEN_READ_ONLY');
  });

  it("lets a write token call the owner's mutations without a CSRF token, and no others", async () => {
    const { token } = await createToken(t.admin, { name: 'writer', scope: 'write' });
    const name = await agencyName();
    const renamed = await gqlWith<{ updateAgency: { name: string } }>(token, RENAME, { i: { id: String(ezhou), name: `${name}（令牌）` } });
    expect(renamed.body.errors).toBeUndefined();
    expect(await agencyName()).toBe(`${name}（令牌）`);
    await gqlWith(token, RENAME, { i: { id: String(ezhou), name } });

    const clerk = await t.signInAs('department', { agencyId: ezhou });
    const clerkToken = (await createToken(clerk, { name: 'clerk writer', scope: 'write' })).token;
    const refused = await gqlWith(clerkToken, RENAME, { i: { id: String(ezhou), name: '部门改名' } });
    expect(reasons(refused.body)).toEqual(['ROLE_NOT_ALLOWED']);
    expect(await agencyName()).toBe(name);
  });

  it('never lets a token make tokens, change the password or sign out', async () => {
    const { token } = await createToken(t.admin, { name: 'all powerful?', scope: 'write' });
    const count = async () => (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM access_token'))[0]!.n;
    const before = await count();
    expect(reasons((await gqlWith(token, CREATE, { i: { name: 'minted by a token' } })).body)).toEqual(['SESSION_REQUIRED']);
    expect(
      reasons((await gqlWith(token, 'mutation { changePassword(currentPassword: "test-admin-password", newPassword: "another long password") }')).body),
    ).toEqual(['SESSION_REQUIRED']);
    expect(reasons((await gqlWith(token, 'mutation { logout }')).body)).toEqual(['SESSION_REQUIRED']);
    expect(await count()).toBe(before);
  });
});

describe('refused tokens', () => {
  it('refuses a revoked token at once, on GraphQL and on downloads', async () => {
    const { token, accessToken } = await createToken(t.admin, { name: 'to revoke' });
    expect((await gqlWith(token, '{ reports { total } }')).body.errors).toBeUndefined();
    const revoked = await t.gql<{ revokeAccessToken: { active: boolean; revokedAt: string | null } }>(
      'mutation($id: ID!) { revokeAccessToken(id: $id) { active revokedAt } }',
      {
        id: accessToken.id,
      },
    );
    expect(revoked.data!.revokeAccessToken.active).toBe(false);
    expect(revoked.data!.revokeAccessToken.revokedAt).not.toBeNull();
    const after = await gqlWith(token, '{ reports { total } }');
    expect(after.status).toBe(200);
    expect(after.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    expect(after.body.errors?.[0]?.message).toContain('令牌');
    const csv = await getWith(token, EXPORT(ezhou));
    expect(csv.status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const { token, accessToken } = await createToken(t.admin, { name: 'to expire', expiresInDays: 1 });
    await t.dataSource.query(`UPDATE access_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = $1`, [
      accessToken.id,
    ]);
    expect(reasons((await gqlWith(token, '{ reports { total } }')).body)).toEqual(['TOKEN_INVALID']);
  });

  it('refuses the tokens of a disabled account, and a malformed or unknown Authorization header', async () => {
    const viewer = await t.signInAs('viewer', { username: 'to.disable' });
    const { token } = await createToken(viewer, { name: 'soon disabled' });
    expect((await gqlWith(token, '{ reports { total } }')).body.errors).toBeUndefined();
    await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { disabled } }', { i: { id: viewer.user!.id, disabled: true } });
    expect(reasons((await gqlWith(token, '{ reports { total } }')).body)).toEqual(['TOKEN_INVALID']);

    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ogi_pat_unknownunknownunknownunknown']) {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ reports { total } }' }),
      });
      const body = (await res.json()) as GraphqlResponse<unknown>;
      expect({ authorization, reasons: reasons(body) }).toEqual({ authorization, reasons: ['TOKEN_INVALID'] });
    }
  });
});

describe('revoking and auditing', () => {
  it('lets the owner and administrators revoke a token, and nobody else see that it exists', async () => {
    const owner = await t.signInAs('analyst');
    const stranger = await t.signInAs('editor');
    const a = await createToken(owner, { name: 'owner revokes' });
    const b = await createToken(owner, { name: 'admin revokes' });
    const REVOKE = 'mutation($id: ID!) { revokeAccessToken(id: $id) { active } }';

    expect((await stranger.gql(REVOKE, { id: a.accessToken.id })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'TOKEN_NOT_FOUND' });
    expect((await gqlWith(a.token, '{ reports { total } }')).body.errors).toBeUndefined();
    expect(reasons(await stranger.gql(`{ accessTokens(id: "${owner.user!.id}") { id } }`))).toEqual(['ROLE_NOT_ALLOWED']);

    expect((await owner.gql(REVOKE, { id: a.accessToken.id })).errors).toBeUndefined();
    const listed = await t.gql<{ accessTokens: { id: string; active: boolean }[] }>(`{ accessTokens(id: "${owner.user!.id}") { id active } }`);
    expect(listed.data!.accessTokens).toEqual([
      { id: b.accessToken.id, active: true },
      { id: a.accessToken.id, active: false },
    ]);
    expect((await t.gql(REVOKE, { id: b.accessToken.id })).errors).toBeUndefined();
    expect(reasons((await gqlWith(b.token, '{ reports { total } }')).body)).toEqual(['TOKEN_INVALID']);

    const audit = await t.dataSource.query<{ actor: string; action: string; detail: { tokenId: number } }[]>(
      `SELECT actor, action, detail FROM audit_log WHERE action LIKE 'token.%' AND (detail->>'tokenId')::int = ANY($1) ORDER BY id`,
      [[Number(a.accessToken.id), Number(b.accessToken.id)]],
    );
    expect(audit.map((e) => [e.actor, e.action, e.detail.tokenId])).toEqual([
      [owner.user!.username, 'token.created', Number(a.accessToken.id)],
      [owner.user!.username, 'token.created', Number(b.accessToken.id)],
      [owner.user!.username, 'token.revoked', Number(a.accessToken.id)],
      ['test.admin', 'token.revoked', Number(b.accessToken.id)],
    ]);
  });
});

describe('rate limit', () => {
  it("limits each token on its own, and leaves the owner's browser session alone", async () => {
    const analyst = await t.signInAs('analyst');
    const busy = await createToken(analyst, { name: 'busy loop' });
    const calm = await createToken(analyst, { name: 'calm job' });
    for (let i = 0; i < TOKEN_RATE_LIMIT; i++) expect((await gqlWith(busy.token, '{ reports { total } }')).body.errors).toBeUndefined();
    const refused = await gqlWith(busy.token, '{ reports { total } }');
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.extensions?.['details']).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    const download = await getWith(busy.token, EXPORT(ezhou));
    expect(download.status).toBe(429);
    expect(Number(download.headers.get('retry-after'))).toBeGreaterThan(0);
    // A GraphQL operation with several fields counts once.
    expect((await gqlWith(calm.token, '{ reports { total } agencies { total } myAccessTokens { id } }')).body.errors).toBeUndefined();
    expect((await gqlWith(calm.token, '{ reports { total } }')).body.errors).toBeUndefined();
    expect((await analyst.gql('{ reports { total } }')).errors).toBeUndefined();
  });
});
