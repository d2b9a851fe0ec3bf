/**
 * Logical backup and restore of the whole database, with nothing but a PostgreSQL connection — so they work the
 * same with the embedded server (whose npm package ships no pg_dump) and with an external one.
 *
 * The backup file is gzip'd JSON lines: a header (format, version, when, the migrations applied, every table with
 * its columns), then the rows of each table in chunks (`row_to_json`: exact text of every value — numerics,
 * floats, timestamps, bytea as hex, jsonb, arrays), then a trailer with the row count of each table. It is read
 * from one REPEATABLE READ snapshot, so it is consistent even while the server writes.
 *
 * Restore migrates the target to this code's schema, then in ONE transaction empties every table, loads every
 * row, checks the counts against the trailer, sets the id sequences past the restored ids and records the restore
 * in the audit log. A truncated or damaged file, a file from a newer version, a missing table or column: the
 * transaction rolls back and the database is left exactly as it was.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { DataSource, QueryRunner } from 'typeorm';
import { appendAudit, type Actor } from './audit/audit-log.js';
import { applyMigrations } from './data-source.js';

export const BACKUP_FORMAT = 'ogi-observatory-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** TypeORM's record of applied migrations: described in the header, not copied (restore migrates instead). */
const MIGRATIONS_TABLE = 'schema_migration';
/** Rows per fetch, and the most JSON text one chunk line holds before it is written. */
const FETCH_ROWS = 500;
const CHUNK_CHARS = 4 * 1024 * 1024;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; columns: string[] }[];
}

export class BackupError extends Error {
  override name = 'BackupError';
}

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Columns referencing the same table (a parent agency): loaded in a second pass. */
  selfReferences: string[];
  identity: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables in an order where every referenced table comes before the tables referencing it. */
async function describeTables(q: QueryRunner): Promise<TableInfo[]> {
  const columns: { table_name: string; column_name: string; is_identity: string }[] = await q.query(
    `SELECT table_name, column_name, is_identity FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'public')
      ORDER BY table_name, ordinal_position`,
  );
  const keys: { table_name: string; column_name: string }[] = await q.query(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
      WHERE i.indisprimary AND n.nspname = 'public'`,
  );
  const refs: { table_name: string; referenced: string; column_name: string }[] = await q.query(
    `SELECT c.relname AS table_name, r.relname AS referenced, a.attname AS column_name
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(k.conkey)
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    if (c.table_name === MIGRATIONS_TABLE) continue;
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [], selfReferences: [], identity: [] };
    t.columns.push(c.column_name);
    if (c.is_identity === 'YES') t.identity.push(c.column_name);
    tables.set(c.table_name, t);
  }
  for (const k of keys) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  const dependsOn = new Map<string, Set<string>>([...tables.keys()].map((t) => [t, new Set<string>()]));
  for (const r of refs) {
    if (!tables.has(r.table_name)) continue;
    if (r.referenced === r.table_name) tables.get(r.table_name)!.selfReferences.push(r.column_name);
    else dependsOn.get(r.table_name)!.add(r.referenced);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new BackupError(`foreign keys form a cycle through ${name}`);
    path.add(name);
    for (const d of [...(dependsOn.get(name) ?? [])].sort()) if (tables.has(d)) visit(d, path);
    path.delete(name);
    placed.add(name);
    ordered.push(tables.get(name)!);
  };
  for (const name of [...tables.keys()].sort()) visit(name, new Set());
  return ordered;
}

async function appliedMigrations(q: QueryRunner): Promise<string[]> {
  const rows: { name: string }[] = await q.query(`SELECT name FROM ${ident(MIGRATIONS_TABLE)} ORDER BY id`);
  return rows.map((r) => r.name);
}

/** Writes a backup of the whole database to `file` (via a temporary file, renamed when complete). */
export async function backupDatabase(dataSource: DataSource, file: string): Promise<{ rows: Record<string, number> }> {
  const q = dataSource.createQueryRunner();
  const partial = `${file}.partial`;
  const counts: Record<string, number> = {};
  await mkdir(dirname(file), { recursive: true });
  try {
    await q.connect();
    await q.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await describeTables(q);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(q),
      tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
    };
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const t of tables) {
        counts[t.name] = 0;
        const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map(ident).join(', ')}` : '';
        await q.query(
          `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS row FROM (SELECT ${t.columns.map(ident).join(', ')} FROM ${ident(t.name)}${order}) x`,
        );
        let chunk: string[] = [];
        let size = 0;
        for (;;) {
          const rows: { row: string }[] = await q.query(`FETCH ${FETCH_ROWS} FROM backup_rows`);
          for (const r of rows) {
            chunk.push(r.row);
            size += r.row.length;
            counts[t.name] = (counts[t.name] ?? 0) + 1;
            if (size >= CHUNK_CHARS) {
              yield `{"table":${JSON.stringify(t.name)},"rows":[${chunk.join(',')}]}\n`;
              chunk = [];
              size = 0;
            }
          }
          if (rows.length < FETCH_ROWS) break;
        }
        if (chunk.length) yield `{"table":${JSON.stringify(t.name)},"rows":[${chunk.join(',')}]}\n`;
        await q.query('CLOSE backup_rows');
      }
      yield `${JSON.stringify({ end: true, rows: counts })}\n`;
    }
    // Only the owner may read it: it holds every account's password hash and session record.
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await chmod(partial, 0o600);
    await q.query('COMMIT');
    await rename(partial, file);
    return { rows: counts };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await q.release();
  }
}

/** Audit entries made after a backup that a restore keeps, in full, in its own entry (all are counted). */
const MAX_KEPT_AUDIT_ENTRIES = 10_000;

/**
 * Replaces every row of the database with the backup's, in one transaction. The audit entries made after the
 * backup, which the restore removes, are kept in the restore's own audit entry.
 */
export async function restoreDatabase(dataSource: DataSource, file: string, actor: Actor): Promise<{ rows: Record<string, number>; createdAt: string }> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next().catch((err: unknown) => {
    throw new BackupError(`不是可读的备份文件 / not a readable backup file: ${(err as Error).message}`);
  });
  let header: BackupHeader;
  try {
    header = JSON.parse(first.done ? '' : first.value) as BackupHeader;
  } catch {
    throw new BackupError('不是本系统的备份文件 / not an OGI Observatory backup file');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError('不是本系统的备份文件 / not an OGI Observatory backup file');
  if (header.version > BACKUP_FORMAT_VERSION)
    throw new BackupError(`备份格式 ${header.version} 比本程序新，请先升级 / backup format ${header.version} is newer than this program`);

  // The target gets this code's schema; a backup from a newer version (migrations this code lacks) is refused.
  await applyMigrations(dataSource);
  const q = dataSource.createQueryRunner();
  try {
    await q.connect();
    const known = new Set(await appliedMigrations(q));
    const unknown = header.migrations.filter((m) => !known.has(m));
    if (unknown.length)
      throw new BackupError(
        `备份来自更新的版本（迁移 ${unknown.join(', ')}），请先升级程序 / the backup comes from a newer version (migrations ${unknown.join(', ')})`,
      );

    await q.startTransaction();
    const tables = new Map((await describeTables(q)).map((t) => [t.name, t]));
    for (const t of header.tables) {
      const target = tables.get(t.name);
      if (!target) throw new BackupError(`表 ${t.name} 不存在 / table ${t.name} does not exist here`);
      const missing = t.columns.filter((c) => !target.columns.includes(c));
      if (missing.length) throw new BackupError(`表 ${t.name} 缺少列 ${missing.join(', ')} / table ${t.name} lacks columns ${missing.join(', ')}`);
    }
    // The audit log as it is now, to tell afterwards which entries the restore removes (those made after the
    // backup): they are kept in the restore's own entry, so the log says what was undone.
    await q.query(`CREATE TEMP TABLE audit_log_before_restore ON COMMIT DROP AS SELECT * FROM audit_log`);
    // The audit log refuses TRUNCATE except during a restore (see the migration AuditLogNoTruncate).
    await q.query(`SET LOCAL ogi.restoring = 'on'`);
    await q.query(`TRUNCATE ${[...tables.keys()].map(ident).join(', ')} RESTART IDENTITY CASCADE`);
    await q.query(`SET LOCAL ogi.restoring = 'off'`);

    const loaded: Record<string, number> = {};
    const secondPass: { table: string; rows: string }[] = [];
    const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]));
    let trailer: { end: true; rows: Record<string, number> } | null = null;
    for (;;) {
      const next = await iterator.next().catch((err: unknown) => {
        throw new BackupError(`备份文件已损坏 / the backup file is damaged: ${(err as Error).message}`);
      });
      if (next.done) break;
      if (!next.value.trim()) continue;
      const line = JSON.parse(next.value) as { table?: string; rows?: unknown[]; end?: true };
      if (line.end) {
        trailer = line as unknown as { end: true; rows: Record<string, number> };
        continue;
      }
      const info = tables.get(line.table ?? '');
      const columns = columnsOf.get(line.table ?? '');
      if (!info || !columns || !Array.isArray(line.rows)) throw new BackupError('备份文件已损坏 / the backup file is damaged');
      const rows = JSON.stringify(line.rows);
      const selected = columns.map((c) => (info.selfReferences.includes(c) ? `NULL AS ${ident(c)}` : `r.${ident(c)}`));
      await q.query(
        `INSERT INTO ${ident(info.name)} (${columns.map(ident).join(', ')}) OVERRIDING SYSTEM VALUE
         SELECT ${selected.join(', ')} FROM json_populate_recordset(NULL::${ident(info.name)}, $1::json) r`,
        [rows],
      );
      if (info.selfReferences.length) secondPass.push({ table: info.name, rows });
      loaded[info.name] = (loaded[info.name] ?? 0) + line.rows.length;
    }
    if (!trailer) throw new BackupError('备份文件不完整（被截断）/ the backup file is incomplete (truncated)');
    for (const [table, n] of Object.entries(trailer.rows)) {
      if ((loaded[table] ?? 0) !== n)
        throw new BackupError(`表 ${table} 应有 ${n} 行，读到 ${loaded[table] ?? 0} 行 / table ${table}: ${n} rows expected, ${loaded[table] ?? 0} read`);
    }
    // References within a table (a parent agency, a correction carried from another) once all its rows exist.
    for (const { table, rows } of secondPass) {
      const info = tables.get(table)!;
      const set = info.selfReferences.map((c) => `${ident(c)} = r.${ident(c)}`).join(', ');
      const match = info.primaryKey.map((c) => `t.${ident(c)} = r.${ident(c)}`).join(' AND ');
      await q.query(`UPDATE ${ident(table)} t SET ${set} FROM json_populate_recordset(NULL::${ident(table)}, $1::json) r WHERE ${match}`, [rows]);
    }
    // New rows continue after the restored ids.
    for (const info of tables.values()) {
      for (const c of info.identity) {
        await q.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${ident(c)}) FROM ${ident(info.name)}), 0) + 1, false)`, [
          info.name,
          c,
        ]);
      }
    }
    const removed = (await q.query(
      `SELECT row_to_json(b) AS entry FROM audit_log_before_restore b
        WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = b.id AND a.at = b.at AND a.action = b.action)
        ORDER BY b.id LIMIT ${MAX_KEPT_AUDIT_ENTRIES + 1}`,
    )) as { entry: Record<string, unknown> }[];
    const [{ n: removedCount }] = (await q.query(
      `SELECT count(*)::int AS n FROM audit_log_before_restore b
        WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = b.id AND a.at = b.at AND a.action = b.action)`,
    )) as [{ n: number }];
    await appendAudit(q.manager, {
      actor,
      action: 'database.restored',
      detail: {
        file,
        backupCreatedAt: header.createdAt,
        rows: trailer.rows,
        auditEntriesRemoved: removedCount,
        removedAuditEntries: removed.slice(0, MAX_KEPT_AUDIT_ENTRIES).map((r) => r.entry),
      },
    });
    await q.commitTransaction();
    return { rows: trailer.rows, createdAt: header.createdAt };
  } catch (err) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    throw err;
  } finally {
    input.close();
    await q.release();
  }
}
