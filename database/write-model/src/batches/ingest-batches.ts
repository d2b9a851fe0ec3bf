/**
 * Batches of files imported together — a `pnpm ingest` run, a multi-file upload, the sample import — recorded as
 * `ingest_batch` + one `ingest_item` per file, so that a run killed half way (SIGKILL, power cut) leaves a record
 * of which files are done, and can be resumed.
 *
 * Crash safety comes from the database: an item becomes `stored` in the very transaction that stores its report
 * (a report is never stored without its item saying so, nor the other way round); duplicates and refusals write
 * no report data, so doing them again is harmless. A batch is live while the process running it holds its
 * advisory-lock lease (ProcessLease); a batch whose process is gone is `interrupted` and anyone may resume it.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { isDatabaseUnavailable, type Actor } from '@ogi/database';
import { INGEST_ERROR_MESSAGES, errorFamily } from '@ogi/domain';
import { LEASE_IS_LIVE_SQL, type ProcessLease } from './process-lease.js';
import type { IngestHooks, IngestResult, ReportIngestor } from '../ingest/report-ingestor.js';
import { withoutNul } from '../ingest/store-checks.js';

export type BatchOrigin = 'cli' | 'upload' | 'seed' | 'url';
export type BatchStatus = 'running' | 'interrupted' | 'done';

/** One file of a new batch: bytes in hand (an upload) or a path to read (the command line). */
export interface BatchFile {
  fileName: string;
  path?: string;
  bytes?: Uint8Array;
  /** Refused before it reached the ingest path (an oversized upload): recorded as failed with this error. */
  refused?: { code: string; message: string };
}

export type BatchItemResult = IngestResult & { position: number };

/** An item recorded already finished (see IngestBatches.addFinished): a web address and what came of it. */
export type FinishedItem = { fileName: string; path: string } & (
  { status: 'stored' | 'duplicate'; reportId: number } | { status: 'failed'; error: { code: string; message: string } }
);

export interface BatchSummary {
  id: number;
  origin: BatchOrigin;
  status: BatchStatus;
  fileCount: number;
  pending: number;
  stored: number;
  duplicate: number;
  failed: number;
  createdBy: string;
  createdByUserId: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface BatchItem {
  position: number;
  fileName: string;
  path: string | null;
  byteSize: number | null;
  status: 'pending' | 'stored' | 'duplicate' | 'failed';
  reportId: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: Date | null;
}

export type BatchErrorCode = 'BATCH_NOT_FOUND' | 'BATCH_IN_PROGRESS' | 'BATCH_NOT_RESUMABLE';

/** A batch that cannot be resumed as asked; nothing was changed. */
export class BatchError extends errorFamily<BatchErrorCode>({
  BATCH_NOT_FOUND: 'NOT_FOUND',
  BATCH_IN_PROGRESS: 'BAD_USER_INPUT',
  BATCH_NOT_RESUMABLE: 'BAD_USER_INPUT',
}) {}

interface ItemRow {
  position: number;
  file_name: string;
  path: string | null;
  status: BatchItem['status'];
  report_id: number | null;
  duplicate_of: 'sameFile' | 'sameContent' | null;
  error_code: string | null;
  error_message: string | null;
  agency_id: number | null;
  agency_name: string | null;
  year: number | null;
  version: number | null;
}

const SUMMARY_SELECT = `
  SELECT b.id, b.origin, b.status, b.file_count, b.created_by, b.created_by_user_id, b.created_at, b.finished_at,
         count(*) FILTER (WHERE i.status = 'pending')::int AS pending,
         count(*) FILTER (WHERE i.status = 'stored')::int AS stored,
         count(*) FILTER (WHERE i.status = 'duplicate')::int AS duplicate,
         count(*) FILTER (WHERE i.status = 'failed')::int AS failed
    FROM ingest_batch b LEFT JOIN ingest_item i ON i.batch_id = b.id`;

interface SummaryRow {
  id: number;
  origin: BatchOrigin;
  status: BatchStatus;
  file_count: number;
  created_by: string;
  created_by_user_id: number | null;
  created_at: Date;
  finished_at: Date | null;
  pending: number;
  stored: number;
  duplicate: number;
  failed: number;
}

const toSummary = (r: SummaryRow): BatchSummary => ({
  id: r.id,
  origin: r.origin,
  status: r.status,
  fileCount: r.file_count,
  pending: r.pending,
  stored: r.stored,
  duplicate: r.duplicate,
  failed: r.failed,
  createdBy: r.created_by,
  createdByUserId: r.created_by_user_id,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export class IngestBatches {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ingestor: ReportIngestor,
    private readonly lease: ProcessLease,
    private readonly concurrency: number,
  ) {}

  /** Records a new batch run by this process. Throws when the database cannot be reached (nothing is recorded). */
  async create(origin: BatchOrigin, files: readonly BatchFile[], actor: Actor): Promise<number> {
    await this.lease.ensure();
    return this.dataSource.transaction(async (m) => {
      const [batch] = (await m.query(
        `INSERT INTO ingest_batch (origin, status, owner_key, file_count, created_by, created_by_user_id, only_agency_id)
         VALUES ($1, 'running', $2, $3, $4, $5, $6) RETURNING id`,
        [origin, this.lease.key, files.length, actor.name, actor.userId, actor.onlyAgencyId ?? null],
      )) as { id: number }[];
      const batchId = batch!.id;
      for (const [position, f] of files.entries()) {
        const bytes = f.bytes && !f.refused ? Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) : null;
        await m.query(
          `INSERT INTO ingest_item (batch_id, position, file_name, path, byte_size, content, status, error_code, error_message, finished_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            batchId,
            position,
            withoutNul(f.fileName),
            f.path ?? null,
            f.bytes ? f.bytes.byteLength : null,
            bytes,
            f.refused ? 'failed' : 'pending',
            f.refused?.code ?? null,
            f.refused?.message ?? null,
            f.refused ? new Date() : null,
          ],
        );
      }
      return batchId;
    });
  }

  /**
   * Ingests every pending item of a batch this process owns, `concurrency` at a time; returns every item's result
   * in file order (items finished in an earlier run included). `bytes` are the files still in memory (uploads).
   */
  async run(
    batchId: number,
    options: { bytes?: ReadonlyMap<number, Uint8Array>; onResult?: (r: BatchItemResult, done: number, total: number) => void } = {},
  ): Promise<BatchItemResult[]> {
    const items = await this.items(batchId);
    // A department user's batch stores only its agency's reports — read from the batch, so a resumed one does too.
    const [batch] = (await this.dataSource.query('SELECT origin, only_agency_id FROM ingest_batch WHERE id = $1', [batchId])) as {
      origin: BatchOrigin;
      only_agency_id: number | null;
    }[];
    const onlyAgencyId = batch?.only_agency_id ?? null;
    // Uploads and imports from addresses share a server's parser workers with other users' ones: each takes its turn.
    // A command-line run or the sample import is the only work of its process.
    const parseGroup = batch && (batch.origin === 'upload' || batch.origin === 'url') ? `batch-${batchId}` : undefined;
    const results: BatchItemResult[] = new Array(items.length);
    const pending: ItemRow[] = [];
    let done = 0;
    for (const item of items) {
      if (item.status === 'pending') pending.push(item);
      else {
        results[item.position] = resultOfItem(item);
        done++;
      }
    }
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        const item = pending[next++]!;
        const r = { ...(await this.ingestItem(batchId, item, options.bytes?.get(item.position), onlyAgencyId, parseGroup)), position: item.position };
        results[item.position] = r;
        options.onResult?.(r, ++done, items.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.concurrency, pending.length)) }, worker));
    await this.finish(batchId);
    return results;
  }

  /**
   * Takes over an unfinished batch whose process is gone and completes it. A batch already done returns its
   * results; one still run by a live process is refused (BATCH_IN_PROGRESS).
   */
  async resume(batchId: number, options: { origins?: readonly BatchOrigin[]; onResult?: (r: BatchItemResult, done: number, total: number) => void } = {}) {
    await this.claim(batchId, options.origins);
    return this.run(batchId, options.onResult ? { onResult: options.onResult } : {});
  }

  /**
   * Records one finished item of a batch whose items are known only as they come (addresses collected from
   * agencies' sites: a listing page turns into its report links). The item is numbered after those before it.
   */
  async addFinished(batchId: number, item: FinishedItem): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // The row lock of this UPDATE numbers concurrent items one after another.
      const [rows] = (await m.query('UPDATE ingest_batch SET file_count = file_count + 1 WHERE id = $1 RETURNING file_count', [batchId])) as [
        { file_count: number }[],
        number,
      ];
      const position = rows[0]!.file_count - 1;
      const failed = item.status === 'failed';
      await m.query(
        `INSERT INTO ingest_item (batch_id, position, file_name, path, status, report_id, error_code, error_message, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [
          batchId,
          position,
          withoutNul(item.fileName),
          item.path,
          item.status,
          failed ? null : item.reportId,
          failed ? item.error.code : null,
          failed ? item.error.message : null,
        ],
      );
    });
  }

  /** Marks a batch of finished items (see addFinished) done. */
  async close(batchId: number): Promise<void> {
    await this.finish(batchId);
  }

  /** Makes this process the owner of an unfinished batch whose process is gone (a done batch is left as it is). */
  async claim(batchId: number, origins?: readonly BatchOrigin[]): Promise<void> {
    await this.lease.ensure();
    const [existing] = (await this.dataSource.query('SELECT origin, status FROM ingest_batch WHERE id = $1', [batchId])) as {
      origin: BatchOrigin;
      status: BatchStatus;
    }[];
    if (!existing) throw new BatchError('BATCH_NOT_FOUND', `找不到导入批次 ${batchId}。No import batch ${batchId}.`);
    // An import from web addresses keeps no files to resume from: collecting the addresses again does it.
    if (existing.origin === 'url' || (origins && !origins.includes(existing.origin))) {
      throw new BatchError(
        'BATCH_NOT_RESUMABLE',
        existing.origin === 'url'
          ? `批次 ${batchId} 是从网址导入，不能继续；请重新导入这些网址（已入库的报告不会重复保存）。Batch ${batchId} imported from web addresses and cannot be resumed; import the addresses again (reports already stored are not stored twice).`
          : `批次 ${batchId} 是命令行导入，请在命令行用 pnpm ingest --resume ${batchId} 继续。Batch ${batchId} was started on the command line; resume it with pnpm ingest --resume ${batchId}.`,
      );
    }
    if (existing.status === 'done') return;
    // (TypeORM answers an UPDATE … RETURNING with [rows, count].)
    const [rows] = (await this.dataSource.query(
      `UPDATE ingest_batch SET status = 'running', owner_key = $2
        WHERE id = $1 AND status <> 'done' AND (owner_key IS NULL OR owner_key = $2 OR NOT ${LEASE_IS_LIVE_SQL('owner_key')})
        RETURNING id`,
      [batchId, this.lease.key],
    )) as [unknown[], number];
    if (!rows.length) {
      throw new BatchError('BATCH_IN_PROGRESS', `导入批次 ${batchId} 正由另一个进程处理中。Import batch ${batchId} is being run by another process.`);
    }
  }

  /** Unfinished batches whose process is gone, marked `interrupted` (oldest first). */
  async interrupted(origins?: readonly BatchOrigin[]): Promise<number[]> {
    await this.dataSource.query(
      `UPDATE ingest_batch SET status = 'interrupted', owner_key = NULL
        WHERE status = 'running' AND (owner_key IS NULL OR NOT ${LEASE_IS_LIVE_SQL('owner_key')})`,
    );
    const rows: { id: number }[] = await this.dataSource.query(
      `SELECT id FROM ingest_batch WHERE status = 'interrupted' AND ($1::text[] IS NULL OR origin = ANY($1)) ORDER BY id`,
      [origins ? [...origins] : null],
    );
    return rows.map((r) => r.id);
  }

  /** The most recent interrupted command-line batch over exactly these paths: re-running a command resumes it. */
  async interruptedWithPaths(paths: readonly string[]): Promise<number | null> {
    for (const id of (await this.interrupted(['cli'])).reverse()) {
      const rows: { path: string | null }[] = await this.dataSource.query('SELECT path FROM ingest_item WHERE batch_id = $1 ORDER BY position', [id]);
      if (rows.length === paths.length && rows.every((r, i) => r.path === paths[i])) return id;
    }
    return null;
  }

  async summary(batchId: number): Promise<BatchSummary | null> {
    await this.interrupted();
    const rows: SummaryRow[] = await this.dataSource.query(`${SUMMARY_SELECT} WHERE b.id = $1 GROUP BY b.id`, [batchId]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** Batches newest first. */
  async list(take: number, skip: number): Promise<{ items: BatchSummary[]; total: number }> {
    await this.interrupted();
    const rows: SummaryRow[] = await this.dataSource.query(`${SUMMARY_SELECT} GROUP BY b.id ORDER BY b.id DESC LIMIT $1 OFFSET $2`, [take, skip]);
    const [count] = (await this.dataSource.query('SELECT count(*)::int AS total FROM ingest_batch')) as { total: number }[];
    return { items: rows.map(toSummary), total: count?.total ?? 0 };
  }

  async itemPage(batchId: number, take: number, skip: number): Promise<BatchItem[]> {
    const rows: (Omit<BatchItem, 'fileName' | 'byteSize' | 'reportId' | 'errorCode' | 'errorMessage' | 'finishedAt'> & {
      file_name: string;
      byte_size: string | null;
      report_id: number | null;
      error_code: string | null;
      error_message: string | null;
      finished_at: Date | null;
    })[] = await this.dataSource.query(
      `SELECT position, file_name, path, byte_size, status, report_id, error_code, error_message, finished_at
         FROM ingest_item WHERE batch_id = $1 ORDER BY position LIMIT $2 OFFSET $3`,
      [batchId, take, skip],
    );
    return rows.map((r) => ({
      position: r.position,
      fileName: r.file_name,
      path: r.path,
      byteSize: r.byte_size === null ? null : Number(r.byte_size),
      status: r.status,
      reportId: r.report_id,
      errorCode: r.error_code,
      errorMessage: r.error_message,
      finishedAt: r.finished_at,
    }));
  }

  private async items(batchId: number): Promise<ItemRow[]> {
    return this.dataSource.query(
      `SELECT i.position, i.file_name, i.path, i.status, i.report_id, i.duplicate_of, i.error_code, i.error_message,
              r.agency_id, a.name AS agency_name, r.year, r.version
         FROM ingest_item i LEFT JOIN report r ON r.id = i.report_id LEFT JOIN agency a ON a.id = r.agency_id
        WHERE i.batch_id = $1 ORDER BY i.position`,
      [batchId],
    );
  }

  private async ingestItem(
    batchId: number,
    item: ItemRow,
    inMemory: Uint8Array | undefined,
    onlyAgencyId: number | null,
    parseGroup: string | undefined,
  ): Promise<IngestResult> {
    const hooks: IngestHooks = {
      onStored: (m, r) => markItem(m, batchId, item.position, r),
      ...(parseGroup ? { parseGroup } : {}),
      ...(onlyAgencyId === null ? {} : { allowAgency: (agencyId: number) => agencyId === onlyAgencyId }),
    };
    let result: IngestResult;
    if (item.path !== null) {
      result = await this.ingestor.ingestPath(item.path, hooks);
    } else {
      let bytes = inMemory;
      if (!bytes) {
        try {
          const [row] = (await this.dataSource.query('SELECT content FROM ingest_item WHERE batch_id = $1 AND position = $2', [batchId, item.position])) as {
            content: Buffer | null;
          }[];
          bytes = row?.content ?? undefined;
        } catch (err) {
          if (!isDatabaseUnavailable(err)) throw err;
          return {
            status: 'failed',
            fileName: item.file_name,
            error: { code: 'DATABASE_UNAVAILABLE', message: INGEST_ERROR_MESSAGES.DATABASE_UNAVAILABLE.zh },
          };
        }
      }
      result = bytes
        ? await this.ingestor.ingest(bytes, item.file_name, hooks)
        : { status: 'failed', fileName: item.file_name, error: { code: 'STORE_FAILED', message: INGEST_ERROR_MESSAGES.STORE_FAILED.zh } };
    }
    // A stored item was marked inside the transaction that stored its report. The others wrote no report data:
    // if marking them fails (the database went away), the item stays pending and is simply done again on resume.
    if (result.status !== 'stored' && !isTransient(result)) {
      await markItem(this.dataSource.manager, batchId, item.position, result).catch(() => undefined);
    }
    return result;
  }

  /** Done when no item is pending; otherwise (the database failed under some items) left for resuming. */
  private async finish(batchId: number): Promise<void> {
    await this.dataSource
      .query(
        `UPDATE ingest_batch
            SET status = CASE WHEN EXISTS (SELECT 1 FROM ingest_item WHERE batch_id = $1 AND status = 'pending') THEN 'interrupted' ELSE 'done' END,
                finished_at = CASE WHEN EXISTS (SELECT 1 FROM ingest_item WHERE batch_id = $1 AND status = 'pending') THEN NULL ELSE now() END,
                owner_key = NULL
          WHERE id = $1 AND owner_key = $2`,
        [batchId, this.lease.key],
      )
      .catch(() => undefined);
  }
}

/** A failure that says nothing about the file (the database was away): the item stays pending, to be done again. */
function isTransient(r: IngestResult): boolean {
  return r.status === 'failed' && r.error.code === 'DATABASE_UNAVAILABLE';
}

async function markItem(m: EntityManager, batchId: number, position: number, r: IngestResult): Promise<void> {
  await m.query(
    `UPDATE ingest_item
        SET status = $3, report_id = $4, duplicate_of = $5, error_code = $6, error_message = $7, content = NULL, finished_at = now()
      WHERE batch_id = $1 AND position = $2 AND status = 'pending'`,
    [
      batchId,
      position,
      r.status,
      r.status === 'failed' ? null : r.reportId,
      r.status === 'duplicate' ? r.reason : null,
      r.status === 'failed' ? r.error.code : null,
      r.status === 'failed' ? r.error.message : null,
    ],
  );
}

function resultOfItem(i: ItemRow): BatchItemResult {
  const base = { position: i.position, fileName: i.file_name, ...(i.path ? { path: i.path } : {}) };
  if (i.status === 'failed' || i.report_id === null || i.agency_id === null) {
    return { ...base, status: 'failed', error: { code: (i.error_code ?? 'STORE_FAILED') as 'STORE_FAILED', message: i.error_message ?? '' } };
  }
  const ref = { reportId: i.report_id, agencyId: i.agency_id, agencyName: i.agency_name ?? '', year: i.year ?? 0, version: i.version ?? 1 };
  if (i.status === 'stored') return { ...base, status: 'stored', replacedReportId: null, ...ref };
  return { ...base, status: 'duplicate', reason: i.duplicate_of ?? 'sameFile', ...ref };
}
