/**
 * The start-up warm-up (src/warm-up.ts) on the real server and PostgreSQL, with the hand-built city's reports: it
 * runs without a warning, writes nothing (no row, no session), opens every connection of the pool, and the pool keeps
 * them through a quiet spell longer than the driver's idle timeout (10 s), so the first request after it does not
 * open new PostgreSQL backends.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { SERVER_POOL_SIZE } from '../src/common/database/database.module.js';
import { warmUp } from '../src/warm-up.js';
import { loadFixture } from './helpers/analytics-fixture.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  await loadFixture(t.dataSource);
});

afterAll(async () => {
  await t?.close();
});

/** The server's own connections to PostgreSQL (its pool names itself ogi-observatory). */
async function serverBackends(): Promise<number> {
  const [row] = await t.dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ogi-observatory' AND datname = current_database()`,
  );
  return row!.n;
}

it('opens every pool connection, keeps them through a quiet spell, and writes nothing', async () => {
  const said: string[] = [];
  const logger = { log: (m: unknown) => void said.push(`log: ${String(m)}`), warn: (m: unknown) => void said.push(`warn: ${String(m)}`) };
  const before = await t.rowCounts();
  const sessions = async () => (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM user_session'))[0]!.n;
  const sessionsBefore = await sessions();

  await warmUp(t.app, SERVER_POOL_SIZE, logger);

  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(/^log: Warmed up in \d+ ms/);
  expect(await t.rowCounts()).toEqual(before);
  expect(await sessions()).toBe(sessionsBefore);
  expect(await serverBackends()).toBe(SERVER_POOL_SIZE);
  // pg's pool closes a connection idle for 10 s unless it is within the pool's minimum.
  await delay(11_000);
  expect(await serverBackends()).toBe(SERVER_POOL_SIZE);
}, 60_000);

it('asks PostgreSQL not to compile queries just in time on any of its connections (it costs more than it saves here)', async () => {
  await warmUp(t.app, SERVER_POOL_SIZE, { log: () => {}, warn: () => {} });
  // Every connection of the pool at once, so each answers for itself.
  const settings = await Promise.all(Array.from({ length: SERVER_POOL_SIZE }, () => t.dataSource.query<{ jit: string }[]>('SHOW jit')));
  expect(settings.map(([row]) => row!.jit)).toEqual(Array(SERVER_POOL_SIZE).fill('off'));
});
