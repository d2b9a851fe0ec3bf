/** @ogi/database — the data source, migrations, entities, the embedded-PostgreSQL runner and the ingest path. */
export * from './entities/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { createDataSource, dataSourceOptions, dropAndMigrate, migrate, type DataSourceSettings } from './data-source.js';
export {
  EmbeddedPostgresError,
  freePort,
  parsePostmasterPid,
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type RunningPostgres,
} from './embedded-postgres.js';
export { installSignalHandlers, onShutdown, runShutdownHooks, type ShutdownHook } from './shutdown.js';
export { DATABASE_PACKAGE_DIR, SEED_REPORTS_DIR, defaultDataDir, findRepoRoot } from './repo-root.js';
export {
  ReportIngestor,
  normaliseAgencyName,
  type IngestResult,
  type ReportIngestorOptions,
  type ReportParser,
  type StoredReportRef,
} from './ingest/report-ingestor.js';
export { INGEST_ERROR_CODES, INGEST_ERROR_MESSAGES, type IngestErrorCode, type IngestFailureCode } from './ingest/ingest-errors.js';
export { cellRows, type CellRow } from './ingest/cell-rows.js';
export { canonicalJson, reportContentHash, sha256Hex } from './ingest/content-hash.js';
export { listFiles } from './ingest/list-files.js';
export { describeResult, summarise, type IngestSummary } from './ingest/summary.js';
export { seedSampleReports, seedWithOwnParser } from './seed.js';
export { SEED_AGENCIES_FILE, loadRegistryFile, seedAgencyRegistry, type RegistryAgency } from './agency-registry.js';
