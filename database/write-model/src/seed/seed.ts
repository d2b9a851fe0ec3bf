/**
 * The samples an empty database is filled with (first start, `pnpm db:reset`): the agency registry, then the
 * sample reports through the one ingest path.
 */
import { ParserPool } from '@ogi/parser';
import type { DataSource } from 'typeorm';
import { seedAgencyRegistry } from '../agencies/agency-registry.js';
import { listFiles } from '../ingest/list-files.js';
import { ReportIngestor, type IngestResult } from '../ingest/report-ingestor.js';
import { SEED_REPORTS_DIR } from '@ogi/database';

export async function seedSampleReports(
  dataSource: DataSource,
  ingestor: ReportIngestor,
  onResult?: (r: IngestResult) => void,
  dir: string = SEED_REPORTS_DIR,
): Promise<IngestResult[]> {
  await seedAgencyRegistry(dataSource);
  const results: IngestResult[] = [];
  for (const file of await listFiles([dir])) {
    const r = await ingestor.ingestPath(file);
    onResult?.(r);
    results.push(r);
  }
  return results;
}

/** Seeds with a parser pool of its own (for scripts that have no server around). */
export async function seedWithOwnParser(dataSource: DataSource, onResult?: (r: IngestResult) => void): Promise<IngestResult[]> {
  const pool = new ParserPool();
  try {
    return await seedSampleReports(dataSource, new ReportIngestor(dataSource, pool), onResult);
  } finally {
    await pool.close();
  }
}
