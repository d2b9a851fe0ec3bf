/**
 * Imports report files: the server's door to @ogi/write-model's ReportIngestor (the one ingest path), with a
 * parser pool of worker threads so no file can hang or crash the server. Every import is a recorded batch
 * (IngestBatches): a run cut short by a crash shows which files are done and is resumed — uploads by the server
 * itself on its next start (their bytes are kept with the batch until done), command-line runs by
 * `pnpm ingest --resume ID` or by running the same command again.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SEED_REPORTS_DIR, SYSTEM_ACTOR, isDatabaseUnavailable, type Actor } from '@ogi/database';
import { seedAgencyRegistry } from '@ogi/write-model/agencies';
import { IngestBatches, ProcessLease, type BatchFile, type BatchItemResult, type BatchOrigin } from '@ogi/write-model/batches';
import { ReportIngestor, listFiles, summarise, type IngestResult, type IngestSummary } from '@ogi/write-model/ingest';
import { reparseReport, type ReparseResult } from '@ogi/write-model/reparse';
import { availableParallelism } from 'node:os';
import { importDeferredMessage, type IngestFailureCode } from '@ogi/domain';
import { ParserPool, type ParserPoolStats } from '@ogi/parser';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

export type ProgressListener = (r: BatchItemResult, done: number, total: number) => void;

@Injectable()
export class IngestService implements OnModuleDestroy {
  private readonly logger = new Logger('Ingest');
  private readonly pool: ParserPool;
  private readonly ingestor: ReportIngestor;
  private readonly lease: ProcessLease;
  readonly batches: IngestBatches;
  /** Pending tries to complete batches the database went away under. */
  private readonly retries = new Set<NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const workers = config.parserWorkers ?? Math.min(4, availableParallelism());
    this.pool = new ParserPool({
      size: workers,
      timeoutMs: config.parseTimeoutMs,
      maxGrowthMb: config.parserMaxGrowthMb,
      // One upload (an import batch) never holds every worker: another user's upload always finds one.
      maxWorkersPerGroup: Math.max(1, workers - 1),
    });
    this.ingestor = new ReportIngestor(dataSource, this.pool, {
      onError: (fileName, err) => this.logger.error(`Storing ${fileName} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    });
    this.lease = new ProcessLease((dataSource.options as { url?: string }).url ?? '');
    this.batches = new IngestBatches(dataSource, this.ingestor, this.lease, config.parserWorkers ?? 4);
  }

  /**
   * One file's bytes, outside any batch (tests, scripts, fetched pages and files: `charset` is the one their
   * server declared). Never throws.
   */
  ingestBytes(
    bytes: Uint8Array,
    fileName: string,
    options: { charset?: string | null; allowAgency?: (agencyId: number) => boolean; parseGroup?: string } = {},
  ): Promise<IngestResult> {
    return this.ingestor.ingest(bytes, fileName, options);
  }

  /**
   * Uploaded files as one batch; results in the order sent. Throws only when the batch cannot be recorded (then
   * nothing was kept). Once it is recorded, each file's bytes are kept with it: a file the database went away under
   * is answered DATABASE_UNAVAILABLE saying it will be imported when the database answers again — and it is, by
   * this server (see importWhenDatabaseReturns), or by the next start if this one stops first.
   */
  async ingestUploads(files: readonly BatchFile[], actor: Actor): Promise<{ batchId: number; results: BatchItemResult[] }> {
    const batchId = await this.batches.create('upload', files, actor);
    const bytes = new Map<number, Uint8Array>();
    files.forEach((f, i) => f.bytes && !f.refused && bytes.set(i, f.bytes));
    let results: BatchItemResult[];
    try {
      results = await this.batches.run(batchId, { bytes });
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      // The batch and its files are recorded; which of them were done cannot be read now.
      results = files.map((f, position): BatchItemResult =>
        f.refused
          ? { position, status: 'failed', fileName: f.fileName, error: { code: f.refused.code as IngestFailureCode, message: f.refused.message } }
          : { position, status: 'failed', fileName: f.fileName, error: { code: 'DATABASE_UNAVAILABLE', message: '' } },
      );
    }
    if (results.some(isDeferred)) this.importWhenDatabaseReturns(batchId);
    const message = importDeferredMessage(batchId).zh;
    return { batchId, results: results.map((r) => (isDeferred(r) ? { ...r, error: { code: 'DATABASE_UNAVAILABLE', message } } : r)) };
  }

  /**
   * Completes an upload batch whose files the database went away under, once it answers again: tried after 1 s,
   * then 2, 4 … up to 30 s apart, until done or the server stops.
   */
  private importWhenDatabaseReturns(batchId: number, delayMs = 1000): void {
    if (this.closing) return;
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      void this.completeDeferred(batchId).then((done) => {
        if (!done) this.importWhenDatabaseReturns(batchId, Math.min(delayMs * 2, 30_000));
      });
    }, delayMs);
    timer.unref();
    this.retries.add(timer);
  }

  /** One try of importWhenDatabaseReturns; false when the database is still away. */
  private async completeDeferred(batchId: number): Promise<boolean> {
    try {
      const results = await this.batches.resume(batchId, { origins: ['upload'] });
      // Files the database went away under again stay pending: try again later.
      if (results.some(isDeferred)) return false;
      const s = summarise(results);
      this.logger.log(
        `Import batch ${batchId}, kept while the database was away, is done: ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed.`,
      );
      return true;
    } catch (err) {
      if (isDatabaseUnavailable(err)) return false;
      this.logger.warn(`Import batch ${batchId} could not be completed: ${err instanceof Error ? err.message : String(err)}`);
      return true;
    }
  }

  /**
   * Files and folders (walked recursively) as one batch. Results come back in file order; `onResult` hears each as
   * it finishes. One bad file never stops the others. An interrupted command-line batch over exactly the same files
   * is resumed instead of starting a new one.
   */
  async ingestPaths(
    paths: readonly string[],
    options: { origin?: BatchOrigin; actor?: Actor; onResult?: ProgressListener; onBatch?: (batchId: number, resumed: boolean) => void } = {},
  ): Promise<{ batchId: number; results: BatchItemResult[] }> {
    const files = await listFiles(paths);
    const origin = options.origin ?? 'cli';
    if (origin === 'cli') {
      const interrupted = await this.batches.interruptedWithPaths(files);
      if (interrupted !== null) {
        options.onBatch?.(interrupted, true);
        return { batchId: interrupted, results: await this.batches.resume(interrupted, options.onResult ? { onResult: options.onResult } : {}) };
      }
    }
    const batchId = await this.batches.create(
      origin,
      files.map((path) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), path })),
      options.actor ?? SYSTEM_ACTOR,
    );
    options.onBatch?.(batchId, false);
    return { batchId, results: await this.batches.run(batchId, options.onResult ? { onResult: options.onResult } : {}) };
  }

  /** Completes a batch whose process is gone (uploads and sample imports; command-line batches when `origins` allows). */
  resume(batchId: number, options: { origins?: readonly BatchOrigin[]; onResult?: ProgressListener } = {}): Promise<BatchItemResult[]> {
    return this.batches.resume(batchId, options);
  }

  /**
   * At start: completes the upload and sample-import batches a previous run of the server left unfinished (their
   * bytes are in the database). Command-line batches are left to `pnpm ingest --resume`.
   */
  async resumeInterruptedUploads(): Promise<void> {
    for (const batchId of await this.batches.interrupted(['upload', 'seed'])) {
      try {
        const results = await this.batches.resume(batchId, { origins: ['upload', 'seed'] });
        const s = summarise(results);
        this.logger.log(`Resumed interrupted import batch ${batchId}: ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed.`);
      } catch (err) {
        this.logger.warn(`Import batch ${batchId} could not be resumed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** Reads a stored report again from its stored file with this server's parser (see @ogi/database reparseReport). */
  reparse(reportId: number, actor: Actor): Promise<ReparseResult> {
    return reparseReport(this.dataSource, this.pool, reportId, actor);
  }

  /** What the parser pool has done (files started, timed out, stopped for memory; busy and waiting now). */
  parserStats(): ParserPoolStats {
    return this.pool.stats();
  }

  async hasReports(): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM report LIMIT 1');
    return rows.length > 0;
  }

  /**
   * Imports the agency registry seed and the sample reports when the database holds no report; returns what
   * happened, or null when it had reports.
   */
  async seedIfEmpty(): Promise<{ results: IngestResult[]; summary: IngestSummary } | null> {
    if (await this.hasReports()) return null;
    await seedAgencyRegistry(this.dataSource);
    const { results } = await this.ingestPaths([SEED_REPORTS_DIR], { origin: 'seed' });
    return { results, summary: summarise(results) };
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    for (const timer of this.retries) clearTimeout(timer);
    await this.pool.close();
    await this.lease.close();
  }
}

/** A file answered DATABASE_UNAVAILABLE inside a recorded batch: its bytes are kept, it is imported later. */
function isDeferred(r: BatchItemResult): boolean {
  return r.status === 'failed' && r.error.code === 'DATABASE_UNAVAILABLE';
}
