/**
 * Reads the bulk download's tables for a selection, within the caller's scope, from one consistent snapshot
 * (REPEATABLE READ): the current report versions of the selected agencies (and years) are fixed first in a
 * temporary table, then each table is read through a server-side cursor in batches, so memory stays bounded
 * however large the selection (a province's ≈ 4 M cells).
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { AgencySelectionService } from '../analytics/agency-selection.service.js';
import type { AgencySelectionInput } from '../analytics/dto/agency-selection.input.js';
import type { DatasetTable } from './dataset-tables.js';

/** Rows fetched from the cursor at a time. */
export const FETCH_ROWS = 5000;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** An open snapshot of a selection's data; read its tables one after another, then close it. */
export class DatasetSnapshot {
  private cursors = 0;
  private closed = false;

  constructor(
    private readonly runner: QueryRunner,
    /** How many current reports the selection holds. */
    readonly reportCount: number,
  ) {}

  /** The table's rows, in batches of at most FETCH_ROWS, each row its values in the order of `table.columns`. */
  async *batches(table: DatasetTable): AsyncGenerator<unknown[][]> {
    if (table.rows) {
      yield table.rows();
      return;
    }
    if (!table.sql) return;
    const cursor = `dataset_${++this.cursors}`;
    const names = table.columns.map((c) => c.name);
    // The alias list names the columns by position, whatever the statement calls them.
    await this.runner.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT * FROM (${table.sql}) AS t(${names.map(quoteIdent).join(', ')})`);
    try {
      for (;;) {
        const rows: Record<string, unknown>[] = await this.runner.query(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
        if (!rows.length) break;
        yield rows.map((row) => names.map((n) => row[n] ?? null));
        if (rows.length < FETCH_ROWS) break;
      }
    } finally {
      await this.runner.query(`CLOSE ${cursor}`);
    }
  }

  /** Ends the snapshot and gives the connection back; closing twice does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }
}

@Injectable()
export class DatasetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly selections: AgencySelectionService,
  ) {}

  /** Opens a snapshot of the current reports of the selected agencies (of `years`, or every year). */
  async open(selection: AgencySelectionInput, years: readonly number[] | null, scope: AgencyScope): Promise<DatasetSnapshot> {
    const agencyIds = await this.selections.resolve(selection, scope);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(
        `CREATE TEMP TABLE selected_report ON COMMIT DROP AS
           SELECT id AS report_id, agency_id FROM report
            WHERE is_current AND agency_id = ANY($1::int[]) AND ($2::int[] IS NULL OR year = ANY($2::int[]))`,
        [agencyIds, years?.length ? [...years] : null],
      );
      await runner.query('CREATE UNIQUE INDEX ON selected_report (report_id)');
      await runner.query('ANALYZE selected_report');
      const [count] = (await runner.query('SELECT count(*)::int AS n FROM selected_report')) as [{ n: number }];
      return new DatasetSnapshot(runner, count.n);
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
      throw err;
    }
  }
}
