/**
 * PostgreSQL going away under a running server: requests fail with a clear error, the server stays up, and once
 * PostgreSQL is back the same server process answers again — no restart.
 */
import { readFile } from 'node:fs/promises';
import { startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import { SEED_REPORT, errorCodes, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let revived: RunningPostgres | null = null;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' }, { restartableDatabase: true });
  expect((await t.gql<{ agencies: { total: number } }>('{ agencies { total } }')).data?.agencies.total).toBe(0);
  await t.postgres.stop();
});

afterAll(async () => {
  await t?.close();
  await revived?.stop();
});

const upload = async (name: string, bytes: Uint8Array) => {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)]), name);
  const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('while PostgreSQL is down', () => {
  it('answers GraphQL with DATABASE_UNAVAILABLE and a message a clerk understands', async () => {
    const res = await t.gql('{ reports { total } }');
    expect(errorCodes(res)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(res.errors?.[0]?.message).toContain('数据库暂时无法连接');
  });

  it('answers an upload with 503 DATABASE_UNAVAILABLE instead of crashing (not even the session can be checked)', async () => {
    const { status, body } = await upload('x.txt', Buffer.from('任意内容'));
    expect(status).toBe(503);
    expect(body).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('数据库暂时无法连接') } });
  });

  it('keeps serving: the next request is answered too', async () => {
    expect(errorCodes(await t.gql('{ agencies { total } }'))).toEqual(['DATABASE_UNAVAILABLE']);
  });
});

describe('when PostgreSQL is back', () => {
  beforeAll(async () => {
    // The same cluster on the same port, as after an operator restarts the database server.
    revived = await startEmbeddedPostgres({ persistent: true, dataDir: t.postgres.dataDir, port: t.postgres.port });
  });

  it('answers GraphQL again without a restart of the server', async () => {
    const res = await t.gql<{ agencies: { total: number } }>('{ agencies { total } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.agencies.total).toBe(0);
  });

  it('stores uploads again, recorded as an import batch', async () => {
    const { status, body } = await upload('000_ezhou_xzspj_2020.txt', await readFile(SEED_REPORT));
    expect(status).toBe(200);
    expect(body).toEqual([expect.objectContaining({ status: 'stored', agencyName: '鄂州市行政审批局', year: 2020, version: 1 })]);
    const [batch] = await t.dataSource.query<{ status: string; items: string[] }[]>(
      `SELECT b.status, array_agg(i.status) AS items FROM ingest_batch b JOIN ingest_item i ON i.batch_id = b.id GROUP BY b.id`,
    );
    expect(batch).toEqual({ status: 'done', items: ['stored'] });
  });
});
