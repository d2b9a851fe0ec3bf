/**
 * The bulk path for generated data sets: stores a Dataset into an empty, migrated database in large set-based
 * statements. Not the ingest path (there is no file to parse), but every derived row comes from the same code:
 * cells from `cellRows`, findings from @ogi/domain's `checkReport` (as the parser runs it), `checkAcrossYears`
 * and `latePublication`, metrics from `metricRows` (deriveMetrics, with their quality), breakdown parts from `breakdownPartRows`, deadlines from `publicationDeadline`.
 */
import { cellStanding, checkAcrossYears, checkReport, daysLate, publicationDeadline, type AgencyKind, type Finding, type ParsedReport } from '@ogi/domain';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { breakdownPartRows } from '@ogi/database';
import { cellRows } from '../../src/ingest/cell-rows.js';
import { reportContentHash, sha256Hex } from '../../src/ingest/content-hash.js';
import { finiteOrNull, latePublication, metricRows } from '../../src/ingest/stored-report.js';
import type { Dataset } from './province-generator.js';

export interface LoadSummary {
  agencies: number;
  reports: number;
  cells: number;
  findings: number;
  metrics: number;
  milliseconds: number;
  /** Where the time went (ms): building rows here while the database wrote, waiting for it, the index and key rebuild, VACUUM ANALYZE. */
  phases: { build: number; waitForWrites: number; indexes: number; analyze: number };
}

/** Reports per batch: each batch's rows are built while the previous batch's are being written. */
const BATCH_REPORTS = 1500;

type Value = string | number | boolean | null | Buffer | readonly string[];

/** Text that needs no COPY escaping (the common case): skips the replace. */
const PLAIN = /^[^\\\t\n\r]*$/;

/** A value in PostgreSQL's COPY text format (NULL is \N; backslash, tab, newline and return escaped). */
function copyText(v: Value): string {
  if (typeof v === 'string' && PLAIN.test(v)) return v;
  if (v === null) return '\\N';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  const text = typeof v === 'string' ? v : `{${(v as readonly string[]).map((x) => `"${x.replace(/["\\]/g, (c: string) => `\\${c}`)}"`).join(',')}}`;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Rows for one table, written with COPY … FROM STDIN (the fastest way in). */
class TableWriter {
  private lines: string[] = [];
  rows = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  add(values: readonly Value[]): void {
    this.lines.push(`${values.map(copyText).join('\t')}\n`);
    this.rows++;
  }

  /** Takes the rows added since the last call, to be written by the returned function. */
  take(): () => Promise<void> {
    const lines = this.lines;
    this.lines = [];
    if (!lines.length) return () => Promise.resolve();
    return async () => {
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      const client = await pool.connect();
      try {
        const copy = client.query(copyFrom(`COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(chunks(lines)), copy);
      } finally {
        client.release();
      }
    };
  }
}

/**
 * Drops the primary keys, foreign keys and indexes of these tables, reading their definitions from the catalogue;
 * returns the function that re-creates them exactly as they were (the foreign keys last, each checked in one pass).
 * `keepPrimaryKeys`: tables whose primary key stays (other tables' foreign keys depend on it), though their other
 * indexes go.
 */
async function dropIndexes(dataSource: DataSource, tables: readonly string[], keepPrimaryKeys: readonly string[] = []): Promise<() => Promise<void>> {
  const constraints = await dataSource.query<{ table: string; name: string; type: 'p' | 'f'; definition: string }[]>(
    `SELECT t.relname AS table, c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype IN ('p', 'f') AND t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT (c.contype = 'p' AND t.relname = ANY($2))`,
    [tables, keepPrimaryKeys],
  );
  const keys = constraints.filter((c) => c.type === 'p');
  const foreignKeys = constraints.filter((c) => c.type === 'f');
  const indexes = await dataSource.query<{ table: string; name: string; definition: string }[]>(
    `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`,
    [tables],
  );
  for (const f of foreignKeys) await dataSource.query(`ALTER TABLE ${f.table} DROP CONSTRAINT ${f.name}`);
  for (const i of indexes) await dataSource.query(`DROP INDEX ${i.name}`);
  for (const k of keys) await dataSource.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`);
  return async () => {
    // Each table's key and indexes in a transaction of its own, the tables at once (the report table's bigram index
    // and the cells' key take the longest, one core each); then the foreign keys, one after another (those naming
    // the same parent table would wait for each other's lock anyway).
    await Promise.all(
      tables.map((table) =>
        dataSource.transaction(async (m) => {
          await m.query(`SET LOCAL maintenance_work_mem = '256MB'`);
          for (const k of keys.filter((x) => x.table === table)) await m.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.definition}`);
          for (const i of indexes.filter((x) => x.table === table)) await m.query(i.definition);
        }),
      ),
    );
    for (const f of foreignKeys) await dataSource.query(`ALTER TABLE ${f.table} ADD CONSTRAINT ${f.name} ${f.definition}`);
  };
}

/** Lines joined into chunks of about 1 MB (fewer, larger writes). */
function* chunks(lines: readonly string[]): Generator<string> {
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * Loads the data set. The database must be migrated and hold no agencies or reports (ids are assigned here).
 * Statements of one table run concurrently on the data source's pool; tables are written parents first.
 */
export async function loadDataset(dataSource: DataSource, dataset: Dataset): Promise<LoadSummary> {
  const started = Date.now();
  const [{ n }] = (await dataSource.query('SELECT (SELECT count(*) FROM agency) + (SELECT count(*) FROM report) AS n')) as [{ n: string }];
  if (Number(n) > 0) throw new Error('loadDataset needs an empty database (no agencies, no reports)');

  const agencies = new TableWriter(dataSource, 'agency', ['id', 'name', 'kind', 'level', 'parent_id']);
  for (const a of dataset.agencies) agencies.add([a.id, a.name, a.kind, a.level, a.parentId]);
  await agencies.take()();

  const kindOf = new Map(dataset.agencies.map((a) => [a.id, a.kind as AgencyKind]));
  const files = new TableWriter(dataSource, 'source_file', ['id', 'sha256', 'file_name', 'format', 'byte_size', 'content']);
  const reports = new TableWriter(dataSource, 'report', [
    'id',
    'agency_id',
    'year',
    'template',
    'scope',
    'printed_agency_name',
    'published_on',
    'deadline',
    'days_late',
    'source_file_id',
    'content_hash',
    'raw_text',
    'parser_version',
    'version',
    'is_current',
  ]);
  const cells = new TableWriter(dataSource, 'report_cell', ['report_id', 'section', 'row_key', 'column_key', 'value', 'state', 'raw', 'confidence']);
  const findings = new TableWriter(dataSource, 'report_finding', [
    'report_id',
    'rule',
    'severity',
    'status',
    'cells',
    'expected',
    'actual',
    'message_zh',
    'message_en',
  ]);
  const narrative = new TableWriter(dataSource, 'narrative_fact', ['report_id', 'kind', 'value', 'sentence', 'start_offset', 'end_offset']);
  const metrics = new TableWriter(dataSource, 'report_metric', [
    'report_id',
    'metric_code',
    'value',
    'numerator',
    'denominator',
    'quality',
    'printed_value',
    'parts_value',
  ]);
  const parts = new TableWriter(dataSource, 'report_breakdown_part', ['report_id', 'dimension', 'part_key', 'value', 'quality']);

  // The big tables' indexes are built once at the end (a sort) instead of row by row: several times cheaper. Their
  // foreign keys too, checked once at the end (a join) instead of by a trigger per row; and the reports' own
  // indexes, above all the bigram index of their text (each report adds a few thousand GIN entries).
  const rebuild = await dropIndexes(
    dataSource,
    ['report', 'report_cell', 'report_metric', 'report_finding', 'narrative_fact', 'report_breakdown_part'],
    ['report'],
  );
  const phases = { build: 0, waitForWrites: 0, indexes: 0, analyze: 0 };
  let buildStarted = Date.now();

  // Reports in year order, so that each one's previous year is known when its carry-over is checked.
  const sorted = [...dataset.reports].sort((a, b) => a.core.year! - b.core.year! || a.agencyId - b.agencyId);
  const previousOf = new Map<number, (typeof sorted)[number]>();
  // A batch's parents first (its files, then its reports), then the tables that refer to them at once, each on a
  // connection of its own, while the next batch's rows are being built: the database is the bottleneck, and one
  // COPY at a time kept only one of its cores busy (measured at 3 000 agencies on 2 cores: writing and waiting for
  // the writes 44.5 s → 33.8 s).
  let writing: Promise<unknown> = Promise.resolve();
  let failure: unknown = null;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    const id = i + 1;
    const { core } = r;
    const year = core.year!;
    const template = core.template!;
    const kind = kindOf.get(r.agencyId)!;
    const bytes = Buffer.from(r.text, 'utf8');
    const report: ParsedReport = {
      ...core,
      scope: r.scope,
      format: 'text',
      encoding: 'utf-8',
      text: r.text,
      cells: [],
      narrative: r.narrative,
      findings: [],
      notes: [],
      parserVersion: 'province-generator',
    };
    const deadline = publicationDeadline(year, kind);
    const late = core.publishedOn ? daysLate(core.publishedOn, deadline) : null;

    files.add([id, sha256Hex(bytes), `${core.agency}-${year}.txt`, 'text', bytes.byteLength, bytes]);
    reports.add([
      id,
      r.agencyId,
      year,
      template,
      r.scope,
      core.agency,
      core.publishedOn,
      deadline,
      late,
      id,
      reportContentHash(report),
      r.text,
      'province-generator',
      1,
      true,
    ]);
    const reportCells = cellRows(report, template);
    for (const c of reportCells) cells.add([id, c.section, c.rowKey, c.columnKey, c.value, c.state, c.raw, c.confidence]);

    const found: Finding[] = checkReport(core, r.narrative);
    if (late !== null && late > 0) found.push(latePublication(core.publishedOn!, deadline, late, kind));
    const previous = previousOf.get(r.agencyId);
    if (previous && previous.core.year === year - 1) found.push(...checkAcrossYears(core, previous.core));
    for (const p of breakdownPartRows(reportCells, cellStanding(found))) parts.add([id, p.dimension, p.partKey, p.value, p.quality]);
    for (const f of found) {
      findings.add([id, f.rule, f.severity, f.status, f.cells, finiteOrNull(f.expected), finiteOrNull(f.actual), f.message.zh, f.message.en]);
    }
    for (const n of r.narrative) narrative.add([id, n.kind, n.value, n.sentence, n.start, n.end]);
    for (const m of metricRows(core, r.narrative, found))
      metrics.add([id, m.metricCode, m.value, m.numerator, m.denominator, m.quality, m.printedValue, m.partsValue]);
    previousOf.set(r.agencyId, r);

    if (id % BATCH_REPORTS === 0 || id === sorted.length) {
      const parents = [files, reports].map((t) => t.take());
      const children = [cells, findings, narrative, metrics, parts].map((t) => t.take());
      phases.build += Date.now() - buildStarted;
      // At most one batch waiting behind the one being written: bounded memory.
      const waitStarted = Date.now();
      await writing;
      phases.waitForWrites += Date.now() - waitStarted;
      buildStarted = Date.now();
      if (failure) throw failure;
      writing = parents
        .reduce((chain, write) => chain.then(write), Promise.resolve() as Promise<unknown>)
        .then(() => Promise.all(children.map((write) => write())))
        .catch((err: unknown) => {
          failure = err;
        });
    }
  }
  let step = Date.now();
  await writing;
  if (failure) throw failure;
  phases.waitForWrites += Date.now() - step;
  step = Date.now();
  await rebuild();
  phases.indexes = Date.now() - step;
  step = Date.now();
  // Identity columns continue after the ids given here.
  for (const table of ['agency', 'source_file', 'report']) {
    await dataSource.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 1) FROM ${table}))`);
  }
  // Statistics for the planner; for the tables the analytics read through covering indexes, also the visibility map
  // that lets those indexes answer without visiting the table. Each table once, the tables at once: the report
  // table's statistics alone take most of it (the bigram index's expression is worked out on every sampled text).
  const vacuumed = ['report', 'report_metric', 'report_breakdown_part', 'agency'];
  const others = await dataSource.query<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY($1) ORDER BY 1`,
    [vacuumed],
  );
  await Promise.all([
    ...vacuumed.map((table) => dataSource.query(`VACUUM ANALYZE ${table}`)),
    dataSource.query(`ANALYZE ${others.map((t) => `"${t.name}"`).join(', ')}`),
  ]);
  phases.analyze = Date.now() - step;
  return {
    agencies: dataset.agencies.length,
    reports: sorted.length,
    cells: cells.rows,
    findings: findings.rows,
    metrics: metrics.rows,
    milliseconds: Date.now() - started,
    phases,
  };
}
