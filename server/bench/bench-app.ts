/**
 * The set-up every server benchmark shares: command-line options, output with the load average, a throwaway
 * embedded PostgreSQL stopped on Ctrl-C, the real server built by `pnpm build` (`dist/`, so Nest's decorator
 * metadata is the compiled one), migrated, listening on a free port, and signing in as the benchmark's own
 * administrator. Run with tsx (`pnpm bench:api`, `pnpm bench:briefing`); never part of the shipped server.
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { installSignalHandlers, onShutdown, startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import { migrate } from '@ogi/write-model/upgrade';
import { DataSource } from 'typeorm';
import { createApp } from '../dist/app.factory.js';
import { loadConfig } from '../dist/config/app-config.js';

const argv = process.argv.slice(2);

/** `--name N` on the command line, else the fallback. */
export const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
export const flag = (name: string): boolean => argv.includes(`--${name}`);
/** `--name a,b` on the command line, else null. */
export const listOption = (name: string): string[] | null => (argv.includes(`--${name}`) ? (argv[argv.indexOf(`--${name}`) + 1] ?? '').split(',') : null);

export const say = (line = ''): void => void process.stdout.write(`${line}\n`);
export const loadAverage = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** The benchmark's own administrator, created in its throwaway database. */
const BENCH_ADMIN = { username: 'bench.admin', password: 'bench-admin-password' };

export interface BenchApp {
  pg: RunningPostgres;
  app: INestApplication;
  dataSource: DataSource;
  /** Starts listening on a free local port; the base URL. */
  listen(): Promise<string>;
}

/**
 * Runs `body` against a migrated, empty server on a throwaway PostgreSQL; the application and the database are
 * stopped afterwards, whatever happens. `env` adds to or overrides the server's configuration.
 */
export async function withBenchApp(body: (bench: BenchApp) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
  installSignalHandlers();
  const pg = await startEmbeddedPostgres({ persistent: false });
  // Ctrl-C stops the throwaway PostgreSQL too.
  onShutdown('benchmark database', () => pg.stop());
  try {
    const config = loadConfig({
      DATABASE_URL: pg.url,
      LOG_LEVEL: 'error',
      SEED_WHEN_EMPTY: 'false',
      PARSER_WORKERS: '1',
      CLIENT_DIST_DIR: join(pg.dataDir, 'no-client'),
      // Every request is signed in, as analysts' are: the session check is part of what is measured.
      ADMIN_USERNAME: BENCH_ADMIN.username,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      ...env,
    });
    const app = await createApp(config, pg.url);
    const dataSource = app.get(DataSource);
    await migrate(dataSource);
    const listen = async () => {
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address();
      return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    };
    try {
      await body({ pg, app, dataSource, listen });
    } finally {
      await app.close();
    }
  } finally {
    await pg.stop();
  }
}

/** Signs in over HTTP as the benchmark's administrator: the session cookie and the CSRF token to send. */
export async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { csrfToken } }',
      variables: { u: BENCH_ADMIN.username, p: BENCH_ADMIN.password },
    }),
  });
  const session = /ogi_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`signing in to the benchmark server failed: ${await res.text()}`);
  const csrf = ((await res.json()) as { data: { login: { csrfToken: string } } }).data.login.csrfToken;
  return { cookie: `ogi_session=${session}`, csrf };
}
