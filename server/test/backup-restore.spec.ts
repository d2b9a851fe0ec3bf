/**
 * `pnpm db:backup` and `pnpm db:restore` (database/write-model/dist/cli.js) as an operator runs them, against an external
 * PostgreSQL (DATABASE_URL) and the embedded one: back up, change data, restore — every row of every table is back
 * exactly; a damaged backup is refused and changes nothing.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDataSource, startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import { correctCell } from '@ogi/write-model/corrections';
import type { DataSource } from 'typeorm';
import { SERVER_DIR } from './helpers/test-app.js';

const run = promisify(execFile);
const CLI = join(SERVER_DIR, '..', 'database', 'write-model', 'dist', 'cli.js');

let pg: RunningPostgres;
let ds: DataSource;
let work: string;

const cli = (args: string[], env: Record<string, string | undefined>) =>
  run(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: undefined, ...env } }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

/** Every row of every table as exact JSON text, sorted; the restore's own audit entries left out. */
async function snapshot(source: DataSource): Promise<Record<string, string[]>> {
  const tables = await source.query<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY tablename`,
  );
  const out: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const where = tablename === 'audit_log' ? ` WHERE action <> 'database.restored'` : '';
    const rows = await source.query<{ r: string }[]>(`SELECT row_to_json(t)::text AS r FROM "${tablename}" t${where}`);
    out[tablename] = rows.map((x) => x.r).sort();
  }
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ogi-backup-'));
  await chmod(work, 0o755);
  pg = await startEmbeddedPostgres({ persistent: false });
  expect((await cli(['reset'], { DATABASE_URL: pg.url })).code).toBe(0);
  ds = createDataSource(pg.url);
  await ds.initialize();
  // Rows in every kind of table: a correction with its audit entry, a parent with a larger id than its child.
  const [report] = await ds.query<{ id: number }[]>('SELECT id FROM report ORDER BY id LIMIT 1');
  await correctCell(ds, { reportId: report!.id, path: 'applications.granted[0]', value: 7, reason: '备份测试的更正', actor: { name: 'tester', userId: null } });
  await ds.query(`UPDATE agency SET parent_id = (SELECT max(id) FROM agency) WHERE id = (SELECT min(id) FROM agency)`);
});

afterAll(async () => {
  await ds?.destroy();
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('with an external PostgreSQL (DATABASE_URL)', () => {
  let original: Record<string, string[]>;
  const file = () => join(work, 'ogi.backup.gz');

  it('backs up, and after changes restores every row exactly', async () => {
    original = await snapshot(ds);
    expect(original['report']!.length).toBe(11);
    expect(original['cell_correction']!.length).toBe(1);
    const backup = await cli(['backup', file()], { DATABASE_URL: pg.url });
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.stderr).toContain(`Backup written: ${file()}`);
    // It holds password hashes: only its owner may read it.
    expect((await stat(file())).mode & 0o777).toBe(0o600);

    // Change things: a cell corrected, an agency renamed, one added, an alias removed.
    const [report] = await ds.query<{ id: number }[]>('SELECT id FROM report ORDER BY id DESC LIMIT 1');
    await correctCell(ds, {
      reportId: report!.id,
      path: 'applications.granted[0]',
      value: 1234,
      reason: '之后的更改',
      actor: { name: 'tester', userId: null },
    });
    await ds.query(`UPDATE agency SET name = name || '（改）' WHERE id = (SELECT min(id) FROM agency)`);
    await ds.query(`INSERT INTO agency (name, kind) VALUES ('新增的机关', 'department')`);
    await ds.query(`DELETE FROM agency_alias WHERE alias = (SELECT min(alias) FROM agency_alias)`);
    expect(await snapshot(ds)).not.toEqual(original);

    const restore = await cli(['restore', file()], { DATABASE_URL: pg.url });
    expect(restore).toMatchObject({ code: 0 });
    expect(await snapshot(ds)).toEqual(original);
    // The restore itself is audited, with the audit entries it removed (the correction made after the backup).
    expect(await ds.query(`SELECT actor, action FROM audit_log WHERE action = 'database.restored'`)).toEqual([
      { actor: expect.stringMatching(/^cli:/), action: 'database.restored' },
    ]);
    const [{ detail }] = (await ds.query(`SELECT detail FROM audit_log WHERE action = 'database.restored'`)) as [
      { detail: { auditEntriesRemoved: number; removedAuditEntries: { action: string; reason: string; after_value: unknown }[] } },
    ];
    expect(detail.auditEntriesRemoved).toBe(1);
    expect(detail.removedAuditEntries).toEqual([expect.objectContaining({ action: 'cell.corrected', reason: '之后的更改', after_value: 1234 })]);
  });

  it('refuses TRUNCATE of the audit log outside a restore', async () => {
    await expect(ds.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect((await ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n).toBeGreaterThan(0);
  });

  it('new rows continue after the restored ids', async () => {
    const { max } = (await ds.query<{ max: number }[]>('SELECT max(id) AS max FROM agency'))[0]!;
    const { id } = (await ds.query<{ id: number }[]>(`INSERT INTO agency (name, kind) VALUES ('恢复后新建', 'department') RETURNING id`))[0]!;
    expect(id).toBe(max + 1);
    await ds.query('DELETE FROM agency WHERE id = $1', [id]);
  });

  it('refuses a truncated backup and leaves the database as it was', async () => {
    const before = await snapshot(ds);
    const bytes = await readFile(file());
    const truncated = join(work, 'truncated.backup.gz');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const r = await cli(['restore', truncated], { DATABASE_URL: pg.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged|incomplete|损坏|不完整/);
    expect(await snapshot(ds)).toEqual(before);

    const notABackup = join(work, 'notes.txt');
    await writeFile(notABackup, '这不是备份');
    const r2 = await cli(['restore', notABackup], { DATABASE_URL: pg.url });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/not a readable backup file|not an OGI Observatory backup/);
    expect(await snapshot(ds)).toEqual(before);
  });

  it('restores into the embedded PostgreSQL (no DATABASE_URL) exactly as well', async () => {
    const dataDir = join(work, 'embedded');
    const r = await cli(['restore', file()], { DATA_DIR: dataDir });
    expect(r).toMatchObject({ code: 0 });
    const embedded = await startEmbeddedPostgres({ persistent: true, dataDir: join(dataDir, 'postgres') });
    const eds = createDataSource(embedded.url);
    await eds.initialize();
    try {
      expect(await snapshot(eds)).toEqual(original);
    } finally {
      await eds.destroy();
      await embedded.stop();
    }
  });
});
