/**
 * PostgreSQL going away under a running server: requests fail with a clear error, the server stays up.
 */
import { errorCodes, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  expect((await t.gql<{ agencies: { total: number } }>('{ agencies { total } }')).data?.agencies.total).toBe(0);
  await t.postgres.stop();
});

afterAll(async () => {
  await t?.close();
});

it('answers GraphQL with DATABASE_UNAVAILABLE and a message a clerk understands', async () => {
  const res = await t.gql('{ reports { total } }');
  expect(errorCodes(res)).toEqual(['DATABASE_UNAVAILABLE']);
  expect(res.errors?.[0]?.message).toContain('数据库暂时无法连接');
});

it('answers an upload with a per-file failure instead of crashing', async () => {
  const form = new FormData();
  form.append('files', new Blob(['任意内容']), 'x.txt');
  const res = await fetch(`${t.url}/api/uploads`, { method: 'POST', body: form });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual([{ fileName: 'x.txt', status: 'failed', error: { code: 'STORE_FAILED', message: expect.any(String) } }]);
});

it('keeps serving: the next request is answered too', async () => {
  expect(errorCodes(await t.gql('{ agencies { total } }'))).toEqual(['DATABASE_UNAVAILABLE']);
});
