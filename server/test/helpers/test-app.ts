/**
 * Boots the real server (GraphQL, uploads, ingest) on a throwaway embedded PostgreSQL and talks to it over HTTP.
 * One per test file: start in beforeAll, close in afterAll.
 *
 * Every operation needs a signed-in user: the app starts with a first administrator (from ADMIN_USERNAME /
 * ADMIN_PASSWORD, the path users run), and `t.gql` / `t.fetch` talk as that administrator (session cookie, and the
 * CSRF header on anything that changes state). `t.signInAs(role)` gives a client of any other role;
 * `t.anonymous` one with no session.
 */
import 'reflect-metadata';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SEED_REPORTS_DIR, startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import { ParserPool } from '@ogi/parser';
import { ReportIngestor } from '@ogi/write-model/ingest';
import { seedSampleReports } from '@ogi/write-model/seed';
import type { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import type { Role } from '@ogi/domain';
import { IngestService } from '../../src/modules/ingest/ingest.service.js';
import { UsersService } from '../../src/modules/accounts/users.service.js';
import { loadFixture } from './analytics-fixture.js';

export const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_REPORT = join(SEED_REPORTS_DIR, '000_ezhou_xzspj_2020.txt');
/** The seed report's expected parse, for tests of the store path that must not depend on the parser. */
export const SEED_EXPECTED = join(SEED_REPORTS_DIR, '..', 'expected', '000_ezhou_xzspj_2020.json');

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

/** Someone talking to the server over HTTP, with their cookie jar of one session cookie. */
export interface ApiClient {
  /** The signed-in user (null for the anonymous client). */
  user: { id: string; username: string; role: Role } | null;
  /** The session's CSRF token, sent as `x-csrf-token` on mutations and non-GET requests. */
  csrfToken: string | null;
  /** The Cookie header this client sends (empty when signed out). */
  cookie: string;
  /** A real GraphQL request over HTTP (POST, JSON). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** Any HTTP request to the server, with this client's cookie (and CSRF header unless `csrf: false`). */
  fetch(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
}

export const TEST_ADMIN = { username: 'test.admin', password: 'test-admin-password' };
export const TEST_PASSWORD = 'test-user-password';

export interface TestApp {
  url: string;
  databaseUrl: string;
  app: NestExpressApplication;
  dataSource: DataSource;
  ingest: IngestService;
  postgres: RunningPostgres;
  /** The first administrator, signed in. */
  admin: ApiClient;
  /** No session at all. */
  anonymous: ApiClient;
  /** A real GraphQL request over HTTP, as the administrator. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** Any HTTP request, as the administrator. */
  fetch(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
  /** Signs in over HTTP (the `login` mutation); throws when refused. */
  signIn(username: string, password: string): Promise<ApiClient>;
  /** Creates a user of that role (a department user needs its agency) and signs in as them. */
  signInAs(role: Role, options?: { agencyId?: number; username?: string }): Promise<ApiClient>;
  /** Row counts of every table a report writes to. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export const REPORT_TABLES = ['agency', 'agency_alias', 'source_file', 'report', 'report_cell', 'report_finding', 'narrative_fact', 'report_metric'];

export interface TestAppOptions {
  /**
   * Keep the cluster's files when PostgreSQL is stopped, so a test can start it again on the same data and port
   * (a database going away and coming back). Deleted on close all the same.
   */
  restartableDatabase?: boolean;
}

export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const clusterDir = options.restartableDatabase ? await mkdtemp(join(tmpdir(), 'ogi-pg-keep-')) : null;
  // PostgreSQL runs as the OS user `postgres`, which must be able to enter the folder (mkdtemp makes it 0700).
  if (clusterDir) await chmod(clusterDir, 0o755);
  const postgres = await startEmbeddedPostgres(clusterDir ? { persistent: true, dataDir: join(clusterDir, 'data') } : { persistent: false });
  const clientDist = await mkdtemp(join(tmpdir(), 'ogi-client-'));
  await writeFile(join(clientDist, 'index.html'), '<!doctype html><title>OGI dashboard</title><div id="app"></div>');
  try {
    const config = loadConfig({
      DATABASE_URL: postgres.url,
      LOG_LEVEL: 'error',
      PARSER_WORKERS: '2',
      CLIENT_DIST_DIR: clientDist,
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      // Tests write through SQL as well as through the API, and ask right after: the database's announcement of such
      // a write reaches the server a moment later, so answers are not kept here (result-cache.spec.ts turns it on).
      RESULT_CACHE_MB: '0',
      ...env,
    });
    const app = await createApp(config, postgres.url);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const dataSource = app.get(DataSource);
    const signIn = (username: string, password: string) => signInOver(url, username, password);
    const admin = await signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    let made = 0;
    const testApp: TestApp = {
      url,
      databaseUrl: postgres.url,
      app,
      dataSource,
      ingest: app.get(IngestService),
      postgres,
      admin,
      anonymous: clientOf(url, null, '', null),
      // Whoever `admin` is now (a test may sign the administrator in again).
      gql: (query, variables) => testApp.admin.gql(query, variables),
      fetch: (path, init) => testApp.admin.fetch(path, init),
      signIn,
      async signInAs(role, options = {}) {
        const username = options.username ?? `test.${role}.${++made}`;
        await app.get(UsersService).create({ username, displayName: `测试 ${role}`, role, agencyId: options.agencyId ?? null, password: TEST_PASSWORD });
        return signIn(username, TEST_PASSWORD);
      },
      async rowCounts() {
        const out: Record<string, number> = {};
        for (const t of REPORT_TABLES) {
          const [row] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${t}`);
          out[t] = row!.n;
        }
        return out;
      },
      async close() {
        await app.close();
        await postgres.stop();
        await rm(clientDist, { recursive: true, force: true });
        if (clusterDir) await rm(clusterDir, { recursive: true, force: true });
      },
    };
    return testApp;
  } catch (err) {
    await postgres.stop();
    await rm(clientDist, { recursive: true, force: true });
    if (clusterDir) await rm(clusterDir, { recursive: true, force: true });
    throw err;
  }
}

/** A test app holding the sample reports, with what the tests of their numbers ask of it. */
export interface SampleApp extends TestApp {
  /** Every agency's id by its name. */
  agencyIds: Record<string, string>;
  /** A GraphQL request as the administrator that must be answered without errors: its data. */
  data<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * The app on a throwaway PostgreSQL holding the sample reports (packages/corpus/reports), imported through the one
 * ingest path as a first start imports them; with `fixture`, the hand-built province of analytics-fixture.ts first.
 */
export async function startAppWithSamples(options: { fixture?: boolean; env?: Record<string, string> } = {}): Promise<SampleApp> {
  const t = await startTestApp({ SEED_WHEN_EMPTY: 'false', ...options.env });
  try {
    let stored: boolean;
    if (options.fixture) {
      await loadFixture(t.dataSource);
      // The database holds reports now, so the samples are imported as `pnpm db:reset` does, not by seedIfEmpty.
      const pool = new ParserPool({ size: 1 });
      try {
        stored = (await seedSampleReports(t.dataSource, new ReportIngestor(t.dataSource, pool))).some((r) => r.status === 'stored');
      } finally {
        await pool.close();
      }
    } else {
      stored = !!(await t.ingest.seedIfEmpty())?.results.some((r) => r.status === 'stored');
    }
    if (!stored) throw new Error('no sample report was stored');
    const rows = await t.dataSource.query<{ id: number; name: string }[]>('SELECT id, name FROM agency');
    return Object.assign(t, {
      agencyIds: Object.fromEntries(rows.map((a) => [a.name, String(a.id)])),
      async data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
        const res = await t.gql<T>(query, variables);
        if (res.errors || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
        return res.data;
      },
    });
  } catch (err) {
    await t.close();
    throw err;
  }
}

function clientOf(url: string, user: ApiClient['user'], cookie: string, csrfToken: string | null): ApiClient {
  const fetchAs = (path: string, init: RequestInit & { csrf?: boolean } = {}) => {
    const { csrf = true, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (cookie) headers.set('cookie', cookie);
    if (csrf && csrfToken) headers.set('x-csrf-token', csrfToken);
    return fetch(`${url}${path}`, { ...rest, headers });
  };
  return {
    user,
    cookie,
    csrfToken,
    fetch: fetchAs,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await fetchAs('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as GraphqlResponse<T>;
    },
  };
}

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { csrfToken user { id username role } } }';

/** Signs in over HTTP with the `login` mutation (also against a server in another process); throws when refused. */
export async function signInOver(url: string, username: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
  });
  const body = (await res.json()) as GraphqlResponse<{ login: { csrfToken: string; user: { id: string; username: string; role: Role } } }>;
  const setCookie = res.headers.get('set-cookie') ?? '';
  const session = /ogi_session=([^;]+)/.exec(setCookie)?.[1];
  if (!body.data?.login || !session) throw new Error(`sign-in as ${username} refused: ${JSON.stringify(body.errors)}`);
  return clientOf(url, body.data.login.user, `ogi_session=${session}`, body.data.login.csrfToken);
}

/** Codes of a GraphQL response's errors. */
export const errorCodes = (r: GraphqlResponse<unknown>): unknown[] => (r.errors ?? []).map((e) => e.extensions?.['code']);

/** Polls until `check` holds (at most two minutes): for work the server does in the background. */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (await check()) return;
    await delay(20);
  }
  throw new Error(`gave up waiting for ${what}`);
}
