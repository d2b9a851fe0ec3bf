/**
 * Imports report files: the server's door to @ogi/database's ReportIngestor (the one ingest path), with a
 * parser pool of worker threads so no file can hang or crash the server.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ReportIngestor, SEED_REPORTS_DIR, listFiles, seedAgencyRegistry, summarise, type IngestResult, type IngestSummary } from '@ogi/database';
import { ParserPool } from '@ogi/parser';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

@Injectable()
export class IngestService implements OnModuleDestroy {
  private readonly logger = new Logger('Ingest');
  private readonly pool: ParserPool;
  private readonly ingestor: ReportIngestor;
  private readonly concurrency: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pool = new ParserPool(config.parserWorkers ? { size: config.parserWorkers } : {});
    this.concurrency = config.parserWorkers ?? 4;
    this.ingestor = new ReportIngestor(dataSource, this.pool, {
      onError: (fileName, err) => this.logger.error(`Storing ${fileName} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    });
  }

  /** One file's bytes (an upload). Never throws. */
  ingestBytes(bytes: Uint8Array, fileName: string): Promise<IngestResult> {
    return this.ingestor.ingest(bytes, fileName);
  }

  /**
   * Files and folders (walked recursively). Results come back in file order; `onResult` hears each as it finishes.
   * One bad file never stops the others.
   */
  async ingestPaths(paths: readonly string[], onResult?: (r: IngestResult, done: number, total: number) => void): Promise<IngestResult[]> {
    const files = await listFiles(paths);
    const results: IngestResult[] = new Array(files.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        const r = await this.ingestor.ingestPath(files[i]!);
        results[i] = r;
        onResult?.(r, ++done, files.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, files.length) }, worker));
    return results;
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
    const results = await this.ingestPaths([SEED_REPORTS_DIR]);
    return { results, summary: summarise(results) };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }
}
