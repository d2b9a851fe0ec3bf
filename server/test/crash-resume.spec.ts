/**
 * A batch import killed with SIGKILL half way — the `pnpm ingest` command, and the server in the middle of a
 * multi-file upload — then started again: the database is consistent (no report half stored: checked with queries),
 * the batch shows which files are done, and resuming completes it without duplicates.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import { IngestBatches, ProcessLease } from '@ogi/write-model/batches';
import { ReportIngestor } from '@ogi/write-model/ingest';
import { migrate } from '@ogi/write-model/upgrade';
import type { DataSource } from 'typeorm';
import { startWatched, type WatchedProcess } from './helpers/child-process.js';
import { distinctAgencyReports } from './helpers/report-files.js';
import { SERVER_DIR, TEST_ADMIN, signInOver, until } from './helpers/test-app.js';

const INGEST_CLI = join(SERVER_DIR, 'dist', 'cli', 'ingest.js');
const SERVER_MAIN = join(SERVER_DIR, 'dist', 'main.js');

let pg: RunningPostgres;
let ds: DataSource;
let work: string;
const running: WatchedProcess[] = [];

beforeAll(async () => {
  pg = await startEmbeddedPostgres({ persistent: false });
  ds = createDataSource(pg.url);
  await ds.initialize();
  await migrate(ds);
  work = await mkdtemp(join(tmpdir(), 'ogi-crash-'));
  await chmod(work, 0o755);
});

afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(running.map((p) => p.exited));
  await ds?.destroy();
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: pg.url,
  LOG_LEVEL: 'error',
  PARSER_WORKERS: '2',
  ...extra,
});

function start(command: string, args: string[], extraEnv: Record<string, string> = {}): WatchedProcess {
  const p = startWatched(process.execPath, [command, ...args], env(extraEnv));
  running.push(p);
  return p;
}

const query = <T>(sql: string, params: unknown[] = []) => ds.query<T[]>(sql, params);

/**
 * Nothing half stored: every report has its file, all its cells and its metrics; every file belongs to a report;
 * every finished item names a report that exists, every stored report was recorded by exactly one item.
 */
async function expectConsistent(cellsPerReport: number): Promise<void> {
  expect(await query(`SELECT r.id FROM report r WHERE (SELECT count(*) FROM report_cell c WHERE c.report_id = r.id) <> $1`, [cellsPerReport])).toEqual([]);
  expect(await query(`SELECT r.id FROM report r WHERE NOT EXISTS (SELECT 1 FROM report_metric m WHERE m.report_id = r.id)`)).toEqual([]);
  expect(await query(`SELECT r.id FROM report r WHERE NOT EXISTS (SELECT 1 FROM narrative_fact n WHERE n.report_id = r.id)`)).toEqual([]);
  expect(await query(`SELECT f.id FROM source_file f WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.source_file_id = f.id)`)).toEqual([]);
  expect(await query(`SELECT a.id FROM agency a WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.agency_id = a.id)`)).toEqual([]);
  expect(await query(`SELECT agency_id, year FROM report GROUP BY agency_id, year HAVING count(*) > 1`)).toEqual([]);
  expect(await query(`SELECT r.id FROM report r WHERE (SELECT count(*) FROM ingest_item i WHERE i.report_id = r.id AND i.status = 'stored') <> 1`)).toEqual([]);
  expect(await query(`SELECT batch_id, position FROM ingest_item WHERE status IN ('stored', 'duplicate') AND report_id IS NULL`)).toEqual([]);
}

async function itemCounts(batchId: number): Promise<Record<string, number>> {
  const rows = await query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM ingest_item WHERE batch_id = $1 GROUP BY status`, [batchId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Cells of one fully stored 鄂州-style report, from a reference import. */
let cellsPerReport = 0;

describe('pnpm ingest killed in the middle of a batch', () => {
  let folder: string;
  let batchId: number;

  beforeAll(async () => {
    folder = join(work, 'cli-batch');
    await mkdir(folder);
    for (const f of await distinctAgencyReports(40, '命令')) await writeFile(join(folder, f.name), f.bytes);
  });

  it('leaves a consistent database and a batch that shows which files are done', async () => {
    const cli = start(INGEST_CLI, [folder]);
    batchId = Number((await cli.waitForLine(/^Import batch (\d+)/))[1]);
    await cli.waitForLine(/^\[3\/40\] stored /);
    cli.child.kill('SIGKILL');
    expect((await cli.exited).signal).toBe('SIGKILL');

    const counts = await itemCounts(batchId);
    expect(counts['stored']).toBeGreaterThanOrEqual(3);
    expect(counts['pending']).toBeGreaterThan(0);
    expect((counts['stored'] ?? 0) + (counts['pending'] ?? 0)).toBe(40);
    cellsPerReport = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM report_cell GROUP BY report_id LIMIT 1`))[0]!.n;
    expect(cellsPerReport).toBeGreaterThan(50);
    await expectConsistent(cellsPerReport);
    expect(await query(`SELECT count(*)::int AS n FROM report`)).toEqual([{ n: counts['stored'] }]);

    // What the batch list shows: interrupted (its process is gone), with the counts of done and pending files.
    const lease = new ProcessLease(pg.url);
    try {
      const batches = new IngestBatches(ds, new ReportIngestor(ds, { parse: () => Promise.reject(new Error('not run here')) }), lease, 1);
      expect(await batches.summary(batchId)).toMatchObject({ status: 'interrupted', fileCount: 40, stored: counts['stored'], pending: counts['pending'] });
    } finally {
      await lease.close();
    }
  });

  it('pnpm ingest --resume completes it without duplicates', async () => {
    const cli = start(INGEST_CLI, ['--resume', String(batchId)]);
    const { code } = await cli.exited;
    expect(cli.lines).toContain(`Resuming interrupted import batch ${batchId} …`);
    expect(cli.lines).toContain(`Batch ${batchId}: 40 file(s): 40 stored, 0 already present, 0 failed.`);
    expect(code).toBe(0);
    expect(await itemCounts(batchId)).toEqual({ stored: 40 });
    expect(await query(`SELECT status FROM ingest_batch WHERE id = $1`, [batchId])).toEqual([{ status: 'done' }]);
    expect(await query(`SELECT count(*)::int AS n FROM report`)).toEqual([{ n: 40 }]);
    await expectConsistent(cellsPerReport);
  });

  it('running the same command again after a kill resumes the interrupted batch', async () => {
    const again = join(work, 'cli-again');
    await mkdir(again);
    for (const f of await distinctAgencyReports(20, '重跑')) await writeFile(join(again, f.name), f.bytes);
    const first = start(INGEST_CLI, [again]);
    const id = Number((await first.waitForLine(/^Import batch (\d+)/))[1]);
    await first.waitForLine(/^\[2\/20\] stored /);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = start(INGEST_CLI, [again]);
    expect((await second.exited).code).toBe(0);
    expect(second.lines).toContain(`Resuming interrupted import batch ${id} …`);
    expect(second.lines).toContain(`Batch ${id}: 20 file(s): 20 stored, 0 already present, 0 failed.`);
    expect(await query(`SELECT count(*)::int AS n FROM report`)).toEqual([{ n: 60 }]);
    await expectConsistent(cellsPerReport);
  });

  it('refuses to resume a batch a live process still owns, and takes it over once that process is gone', async () => {
    const folder3 = join(work, 'cli-live');
    await mkdir(folder3);
    const files = await distinctAgencyReports(5, '在跑');
    for (const f of files) await writeFile(join(folder3, f.name), f.bytes);
    // This test process records a batch and holds its lease, as a running `pnpm ingest` does.
    const lease = new ProcessLease(pg.url);
    const batches = new IngestBatches(ds, new ReportIngestor(ds, { parse: () => Promise.reject(new Error('not run here')) }), lease, 1);
    const id = await batches.create(
      'cli',
      files.map((f) => ({ fileName: f.name, path: join(folder3, f.name) })),
      { name: 'test', userId: null },
    );

    const intruder = start(INGEST_CLI, ['--resume', String(id)]);
    expect((await intruder.exited).code).toBe(1);
    expect(intruder.lines.join('\n')).toContain(`BATCH_IN_PROGRESS: 导入批次 ${id} 正由另一个进程处理中`);
    expect(await itemCounts(id)).toEqual({ pending: 5 });

    await lease.close(); // the owner goes away
    const heir = start(INGEST_CLI, ['--resume', String(id)]);
    expect((await heir.exited).code).toBe(0);
    expect(await itemCounts(id)).toEqual({ stored: 5 });
    await expectConsistent(cellsPerReport);
  });
});

describe('the server killed in the middle of a multi-file upload', () => {
  const clientDist = () => join(work, 'client');
  const startServer = async () => {
    await mkdir(clientDist(), { recursive: true });
    await writeFile(join(clientDist(), 'index.html'), '<!doctype html><title>OGI</title>');
    const server = start(SERVER_MAIN, [], {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'log',
      SEED_WHEN_EMPTY: 'false',
      CLIENT_DIST_DIR: clientDist(),
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
    });
    const [, port] = await server.waitForLine(/OGI Observatory is running: http:\/\/localhost:(\d+)\//);
    return { server, url: `http://127.0.0.1:${port}` };
  };

  it('resumes the upload on its next start: every file stored once, nothing half stored in between', async () => {
    const before = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM report`))[0]!.n;
    const { server, url } = await startServer();
    const files = await distinctAgencyReports(30, '上传');
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
    const admin = await signInOver(url, TEST_ADMIN.username, TEST_ADMIN.password);
    const answer = admin.fetch('/api/uploads', { method: 'POST', body: form }).then(
      () => 'answered',
      () => 'cut off',
    );

    const batchOf = async () => (await query<{ id: number }>(`SELECT id FROM ingest_batch WHERE origin = 'upload' ORDER BY id DESC LIMIT 1`))[0]?.id;
    await until(async () => {
      const id = await batchOf();
      return id !== undefined && ((await itemCounts(id))['stored'] ?? 0) >= 2;
    }, 'two uploaded files stored');
    server.child.kill('SIGKILL');
    await server.exited;
    expect(await answer).toBe('cut off');

    const batchId = (await batchOf())!;
    const counts = await itemCounts(batchId);
    expect(counts['pending']).toBeGreaterThan(0);
    await expectConsistent(cellsPerReport);
    // The pending files' bytes wait in the database for the server to come back.
    expect(await query(`SELECT count(*)::int AS n FROM ingest_item WHERE batch_id = $1 AND status = 'pending' AND content IS NOT NULL`, [batchId])).toEqual([
      { n: counts['pending'] },
    ]);

    const restarted = await startServer();
    await restarted.server.waitForLine(new RegExp(`Resumed interrupted import batch ${batchId}: \\d+ stored, 0 already present, 0 failed\\.`));
    expect(await itemCounts(batchId)).toEqual({ stored: 30 });
    expect(await query(`SELECT status FROM ingest_batch WHERE id = $1`, [batchId])).toEqual([{ status: 'done' }]);
    expect(await query(`SELECT count(*)::int AS n FROM report`)).toEqual([{ n: before + 30 }]);
    expect(await query(`SELECT count(*)::int AS n FROM ingest_item WHERE content IS NOT NULL`)).toEqual([{ n: 0 }]);
    await expectConsistent(cellsPerReport);
    restarted.server.child.kill('SIGTERM');
    expect((await restarted.server.exited).code).toBe(0);
  });
});
