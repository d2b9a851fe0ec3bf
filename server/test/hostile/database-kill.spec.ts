/**
 * The embedded PostgreSQL killed under a running server (kill -9 of the postmaster): the supervisor starts it
 * again, /api/health says so meanwhile and after, and the same server answers again. And the superuser's password
 * is nobody's guess: random per cluster, kept 0600 beside a persistent one, and a cluster still on the old fixed
 * password gets a random one. Prints the time the server took to answer again.
 */
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createDataSource, parsePostmasterPid, startEmbeddedPostgres } from '@ogi/database';
import { TEST_ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { printFigure } from './figures.js';

/** Runs one statement as the given URL's user; rejects when the connection is refused. */
async function asUser<T>(url: string, sql: string): Promise<T> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    return (await ds.query(sql)) as T;
  } finally {
    await ds.destroy();
  }
}
const withOldPassword = (port: number) => `postgres://postgres:ogi-local@127.0.0.1:${port}/postgres`;

interface Health {
  status: string;
  database: string;
  embeddedPostgres?: { state: string; restarts: number; lastExitAt: string | null };
}

describe('PostgreSQL killed under the running server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is started again by the supervisor; health shows the restart; the same server answers again', async () => {
    const health = async () => {
      const res = await fetch(`${t.url}/api/health`);
      return { status: res.status, body: (await res.json()) as Health };
    };
    expect(await health()).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok', embeddedPostgres: { state: 'running', restarts: 0, lastExitAt: null } },
    });

    const { pid } = parsePostmasterPid(await readFile(join(t.postgres.dataDir, 'postmaster.pid'), 'utf8'))!;
    const killedAt = performance.now();
    process.kill(pid, 'SIGKILL');
    const seen: Health[] = [];
    for (let i = 0; i < 2000; i++) {
      const h = await health();
      seen.push(h.body);
      // (Right after the kill a connection already open may still answer: wait for the restart itself.)
      if (h.status === 200 && (h.body.embeddedPostgres?.restarts ?? 0) > 0) break;
      await delay(50);
    }
    printFigure('database kill: seconds until /api/health answered ok again', ((performance.now() - killedAt) / 1000).toFixed(1));
    // While it was down, health said the supervisor was restarting it.
    expect(seen.some((h) => h.status === 'unavailable' && h.database === 'restarting' && h.embeddedPostgres?.state === 'restarting')).toBe(true);
    expect(seen.at(-1)).toEqual({ status: 'ok', database: 'ok', embeddedPostgres: { state: 'running', restarts: 1, lastExitAt: expect.any(String) } });
    // A test cluster runs with synchronous_commit off, so the last commits before a kill -9 (the test's own
    // session) may be lost with it: sign in again, then the same server process answers.
    const again = await t.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    const res = await again.gql<{ agencies: { total: number } }>('{ agencies { total } }');
    expect(res.errors).toBeUndefined();
  });

  it('does not use the old fixed superuser password', async () => {
    expect(t.databaseUrl).not.toContain('ogi-local');
    await expect(asUser(withOldPassword(t.postgres.port), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
  });
});

describe("a persistent cluster's superuser password", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogi-pg-secret-'));
    await chmod(dir, 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is random, kept readable by its owner only, used again on the next start, and replaces the old fixed one', async () => {
    const dataDir = join(dir, 'postgres');
    const first = await startEmbeddedPostgres({ persistent: true, dataDir });
    const secretFile = `${dataDir}.password`;
    expect((await stat(secretFile)).mode & 0o777).toBe(0o600);
    const password = (await readFile(secretFile, 'utf8')).trim();
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(first.url).toContain(encodeURIComponent(password));
    // A cluster made while the password was fixed in the source: put the old password back, forget the file.
    await asUser(first.url, `ALTER ROLE postgres PASSWORD 'ogi-local'`);
    await first.stop();
    await rm(secretFile);

    const second = await startEmbeddedPostgres({ persistent: true, dataDir });
    try {
      const renewed = (await readFile(secretFile, 'utf8')).trim();
      expect(renewed).not.toBe('ogi-local');
      await expect(asUser(withOldPassword(second.port), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
      expect(await asUser(second.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await second.stop();
    }
  });
});
