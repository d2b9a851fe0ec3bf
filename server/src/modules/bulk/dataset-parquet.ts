/**
 * Parquet as the bulk download writes it: one file per table, typed columns (INT32, DOUBLE, BOOLEAN, UTF-8 STRING;
 * every column optional, a missing value is null — never 0), Snappy-compressed, written to disk one row group at a
 * time so memory stays bounded. DuckDB (`read_parquet`), pandas (`read_parquet` with pyarrow) and R (`arrow`) read
 * the files as they are.
 */
import { ParquetWriter, fileWriter, schemaFromColumnData } from 'hyparquet-writer';
import type { DatasetTable } from './dataset-tables.js';

/** Rows per row group: large enough for good compression and statistics, small enough for bounded memory. */
export const ROW_GROUP_ROWS = 50_000;

/** Writes the table's rows to `filename`; returns how many rows were written. */
export async function writeParquetFile(filename: string, table: DatasetTable, batches: AsyncIterable<unknown[][]>): Promise<number> {
  const schema = schemaFromColumnData({ columnData: table.columns.map((c) => ({ name: c.name, data: [], type: c.type, nullable: true })) });
  const parquet = new ParquetWriter({
    writer: fileWriter(filename),
    schema,
    createdBy: 'OGI Observatory',
    kvMetadata: [{ key: 'ogi.table', value: `${table.name}: ${table.zh} / ${table.en}` }],
  });
  let pending: unknown[][] = [];
  let written = 0;
  const flush = async () => {
    if (!pending.length) return;
    const rows = pending;
    pending = [];
    await parquet.write({ columnData: table.columns.map((c, i) => ({ name: c.name, data: rows.map((r) => r[i] ?? null) })), rowGroupSize: rows.length });
    written += rows.length;
  };
  for await (const rows of batches) {
    for (const row of rows) pending.push(row);
    if (pending.length >= ROW_GROUP_ROWS) await flush();
  }
  await flush();
  await parquet.finish();
  return written;
}
