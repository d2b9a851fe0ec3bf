import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ZipFile } from 'yazl';
import { ACCESS } from '../../common/access/access-policy.js';
import { Roles, Scope } from '../../common/access/access.decorators.js';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { attachmentDisposition } from '../../common/http/attachment.js';
import { selectionOf } from '../analytics/exports/comparison-export.query.js';
import { csvChunks } from './dataset-csv.js';
import { writeParquetFile } from './dataset-parquet.js';
import { ALL_TABLES } from './dataset-tables.js';
import { DatasetService, type DatasetSnapshot } from './dataset.service.js';
import { DatasetDownloadQuery } from './dto/dataset-download.query.js';

/**
 * `GET /api/exports/dataset.zip`: the current data of a selection in one ZIP — agencies (with their hierarchy),
 * reports (metadata, coverage, timeliness), cells in long form (state, confidence, corrections), metric values
 * (numerator, denominator, coverage, quality), findings, narrative facts (with their sentence), the metric
 * definitions and a data dictionary — as UTF-8 CSV files (`format=csv`, the default) or typed Parquet files
 * (`format=parquet`). Every role that reads may download; a department user's download holds its own agency only.
 *
 * CSV files are streamed straight from the database cursor into the ZIP and the response. Parquet needs each
 * file whole before it can be zipped, so the files are written to a temporary folder one row group at a time and
 * then streamed; either way memory stays bounded. A failure before the first byte is answered as a JSON error; a
 * failure after it cuts the response short, so a broken download never looks complete.
 */
@Controller('api/exports')
export class DatasetDownloadController {
  private readonly logger = new Logger('DatasetDownload');

  constructor(private readonly datasets: DatasetService) {}

  @Get('dataset.zip')
  @Roles(...ACCESS.read)
  async download(@Query() query: DatasetDownloadQuery, @Scope() scope: AgencyScope, @Res() res: Response): Promise<void> {
    const format = query.format ?? 'csv';
    const snapshot = await this.datasets.open(selectionOf(query), query.years ?? null, scope);
    const folder = format === 'parquet' ? await mkdtemp(join(tmpdir(), 'ogi-dataset-')) : null;
    try {
      const zip = new ZipFile();
      // A failure inside the ZIP (a table's stream breaking mid-way) cuts the response short; never an unhandled error.
      const cut = (err: unknown) => {
        this.logger.warn(`dataset download cut short: ${String(err)}`);
        res.destroy(err instanceof Error ? err : new Error(String(err)));
      };
      zip.on('error', cut);
      if (folder) {
        // Written before the response starts, so an error here is still a proper JSON error.
        for (const table of ALL_TABLES) {
          const file = join(folder, `${table.name}.parquet`);
          await writeParquetFile(file, table, snapshot.batches(table));
          zip.addFile(file, `${table.name}.parquet`);
        }
        await this.closeQuietly(snapshot);
      } else {
        this.addCsvFiles(zip, snapshot, cut);
      }
      zip.end();
      const day = new Date().toISOString().slice(0, 10);
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', attachmentDisposition(`ogi-dataset-${format}-${day}.zip`));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Dataset-Reports', String(snapshot.reportCount));
      await pipeline(zip.outputStream, res);
    } catch (err) {
      this.logger.warn(`dataset download failed: ${String(err)}`);
      if (!res.headersSent) throw err;
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    } finally {
      await this.closeQuietly(snapshot);
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  }

  /** Each table's CSV entry reads its cursor only when the ZIP gets to it (the entries share one connection). */
  private addCsvFiles(zip: ZipFile, snapshot: DatasetSnapshot, onError: (err: unknown) => void): void {
    for (const table of ALL_TABLES) {
      zip.addReadStreamLazy(`${table.name}.csv`, (done) => {
        const text = Readable.from(
          csvChunks(
            table.columns.map((c) => c.name),
            snapshot.batches(table),
          ),
          { objectMode: false },
        );
        text.on('error', onError);
        done(null, text);
      });
    }
  }

  private async closeQuietly(snapshot: DatasetSnapshot): Promise<void> {
    await snapshot.close().catch((err: unknown) => this.logger.warn(`closing the dataset snapshot failed: ${String(err)}`));
  }
}
