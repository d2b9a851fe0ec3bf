/**
 * Boots the real server (GraphQL, uploads, ingest) on a throwaway embedded PostgreSQL and talks to it over HTTP.
 * One per test file: start in beforeAll, close in afterAll.
 */
import 'reflect-metadata';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SEED_REPORTS_DIR, startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import type { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { IngestService } from '../../src/modules/ingest/ingest.service.js';

export const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_REPORT = join(SEED_REPORTS_DIR, '000_ezhou_xzspj_2020.txt');

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

export interface TestApp {
  url: string;
  databaseUrl: string;
  app: NestExpressApplication;
  dataSource: DataSource;
  ingest: IngestService;
  postgres: RunningPostgres;
  /** A real GraphQL request over HTTP. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
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
      ...env,
    });
    const app = await createApp(config, postgres.url);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const dataSource = app.get(DataSource);
    return {
      url,
      databaseUrl: postgres.url,
      app,
      dataSource,
      ingest: app.get(IngestService),
      postgres,
      async gql<T>(query: string, variables?: Record<string, unknown>) {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return (await res.json()) as GraphqlResponse<T>;
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
  } catch (err) {
    await postgres.stop();
    await rm(clientDist, { recursive: true, force: true });
    if (clusterDir) await rm(clusterDir, { recursive: true, force: true });
    throw err;
  }
}

/** Codes of a GraphQL response's errors. */
export const errorCodes = (r: GraphqlResponse<unknown>): unknown[] => (r.errors ?? []).map((e) => e.extensions?.['code']);
