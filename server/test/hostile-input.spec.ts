/**
 * Hostile input: uploads refused by type before anything is parsed or stored, file names cleaned of paths and
 * control characters, the per-user upload rate limit and the per-address sign-in rate limit.
 */
import { readFile } from 'node:fs/promises';
import { SEED_REPORT, TEST_ADMIN, startTestApp, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

const reasonsOf = (r: GraphqlResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.['reason']);

let t: TestApp;
beforeAll(async () => {
  // Client addresses come from X-Forwarded-For (as behind a proxy): the sign-in test uses addresses of its own.
  t = await startTestApp({
    SEED_WHEN_EMPTY: 'false',
    UPLOAD_MAX_MB: '1',
    UPLOAD_MAX_TOTAL_MB: '1',
    UPLOAD_RATE_LIMIT: '5',
    LOGIN_RATE_LIMIT: '3',
    TRUST_PROXY: 'loopback',
  });
});
afterAll(async () => {
  await t?.close();
});

interface Answer {
  fileName: string;
  status: string;
  error?: { code: string; message: string };
}

async function upload(files: { name: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
  return { res, body: (await res.json()) as Answer[] & { error?: { code: string } } };
}

it('refuses executables, archives and images by name, stores nothing of them, and cleans the names it keeps', async () => {
  const seed = await readFile(SEED_REPORT);
  const before = await t.rowCounts();
  const { res, body } = await upload([
    { name: 'setup.exe', bytes: Buffer.from('MZ\u0090\u0000 not a report') },
    { name: 'report.zip', bytes: seed },
    { name: '../../../etc/\u202Eevil.txt', bytes: seed },
  ]);
  expect(res.status).toBe(200);
  expect(body.map((a) => [a.fileName, a.status, a.error?.code ?? null])).toEqual([
    ['setup.exe', 'failed', 'UNSUPPORTED_FORMAT'],
    ['report.zip', 'failed', 'UNSUPPORTED_FORMAT'],
    ['evil.txt', 'stored', null],
  ]);
  expect(body[0]!.error!.message).toContain('可上传');
  const after = await t.rowCounts();
  expect(after['report']).toBe(before['report']! + 1);
  expect(await t.dataSource.query(`SELECT file_name FROM source_file`)).toEqual([{ file_name: 'evil.txt' }]);
  // The refused files' bytes were never kept for a later resume either.
  expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM ingest_item WHERE content IS NOT NULL`)).toEqual([{ n: 0 }]);
});

it("refuses the files past one request's total size on their own, keeping the ones before", async () => {
  const seed = await readFile(SEED_REPORT);
  const filler = Buffer.alloc(700 * 1024, 0x20);
  const { res, body } = await upload([
    { name: 'filler.txt', bytes: filler },
    { name: 'one-too-many.txt', bytes: filler },
    { name: 'seed-again.txt', bytes: seed },
  ]);
  expect(res.status).toBe(200);
  expect(body.map((a) => [a.fileName, a.error?.code ?? a.status])).toEqual([
    ['filler.txt', expect.stringMatching(/^(EMPTY_FILE|NOT_AN_ANNUAL_REPORT|UNSUPPORTED_FORMAT)$/)],
    ['one-too-many.txt', 'FILE_TOO_LARGE'],
    ['seed-again.txt', 'duplicate'],
  ]);
  expect(body[1]!.error!.message).toContain('本次上传的文件总量超过 1 MB');
});

it('limits uploads per user per minute with RATE_LIMITED (HTTP 429, Retry-After)', async () => {
  // Two requests above already counted: 3 more are allowed, the 6th in the minute is refused.
  for (let i = 0; i < 3; i++) expect((await upload([{ name: `x${i}.txt`, bytes: Buffer.from('不是年报') }])).res.status).toBe(200);
  const { res, body } = await upload([{ name: 'late.txt', bytes: Buffer.from('不是年报') }]);
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(body.error).toMatchObject({ code: 'RATE_LIMITED' });
  // Another user has their own allowance.
  const editor = await t.signInAs('editor');
  const form = new FormData();
  form.append('files', new Blob(['不是年报']), 'other.txt');
  expect((await editor.fetch('/api/uploads', { method: 'POST', body: form })).status).toBe(200);
});

it('limits sign-in attempts per client address with RATE_LIMITED, whatever the account, and not other addresses', async () => {
  const attempt = async (username: string, password: string, ip: string) => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { csrfToken } }',
        variables: { u: username, p: password },
      }),
    });
    return (await res.json()) as GraphqlResponse<{ login: { csrfToken: string } }>;
  };
  for (let i = 0; i < 3; i++) expect(reasonsOf(await attempt(`spray.${i}`, 'wrong-password', '203.0.113.9'))).toEqual(['INVALID_CREDENTIALS']);
  const fourth = await attempt(TEST_ADMIN.username, TEST_ADMIN.password, '203.0.113.9');
  expect(reasonsOf(fourth)).toEqual(['RATE_LIMITED']);
  expect(fourth.errors![0]!.message).toMatch(/登录失败过于频繁，请 \d+ 分钟后再试/);
  expect(fourth.errors![0]!.extensions?.['details']).toEqual({ retryAfterSeconds: expect.any(Number) });
  expect((await attempt(TEST_ADMIN.username, TEST_ADMIN.password, '203.0.113.10')).data?.login.csrfToken).toBeTruthy();
});
