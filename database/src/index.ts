/** @ogi/database — the data source, migrations, entities, the embedded-PostgreSQL runner and the ingest path. */
export * from './entities/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { createDataSource, dataSourceOptions, dropAndMigrate, migrate, type DataSourceSettings } from './data-source.js';
export {
  EmbeddedPostgresError,
  MAX_RESTART_DELAY_MS,
  embeddedPostgresSupervision,
  freePort,
  parsePostmasterPid,
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type PostgresSupervision,
  type RunningPostgres,
} from './embedded-postgres.js';
export { installSignalHandlers, onShutdown, runShutdownHooks, type ShutdownHook } from './shutdown.js';
export { DATABASE_PACKAGE_DIR, SEED_REPORTS_DIR, defaultDataDir, findRepoRoot } from './repo-root.js';
export { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, isRetryableConflict } from './database-errors.js';
export {
  ReportIngestor,
  normaliseAgencyName,
  type IngestHooks,
  type IngestResult,
  type ReportIngestorOptions,
  type ReportParser,
  type StoredReportRef,
} from './ingest/report-ingestor.js';
export { INGEST_ERROR_CODES, INGEST_ERROR_MESSAGES, ingestFailureMessage, type IngestErrorCode, type IngestFailureCode } from './ingest/ingest-errors.js';
export { cellRows, type CellRow } from './ingest/cell-rows.js';
export { canonicalJson, reportContentHash, sha256Hex } from './ingest/content-hash.js';
export { listFiles } from './ingest/list-files.js';
export { describeResult, summarise, type IngestSummary } from './ingest/summary.js';
export { seedSampleReports, seedWithOwnParser } from './seed.js';
export { SEED_AGENCIES_FILE, loadRegistryFile, seedAgencyRegistry, type RegistryAgency } from './agency-registry.js';
export {
  BatchError,
  IngestBatches,
  type BatchErrorCode,
  type BatchFile,
  type BatchItem,
  type BatchItemResult,
  type BatchOrigin,
  type BatchStatus,
  type BatchSummary,
  type FinishedItem,
} from './ingest/ingest-batches.js';
export { ProcessLease } from './ingest/process-lease.js';
export {
  SYSTEM_ACTOR,
  appendAudit,
  auditLogCondition,
  readAuditLog,
  toAuditEntry,
  type Actor,
  type AuditEntry,
  type AuditEntryInput,
  type AuditLogFilter,
  type AuditLogRow,
} from './audit/audit-log.js';
export {
  CORRECTION_ERROR_CODES,
  CorrectionError,
  MAX_REASON_LENGTH,
  correctCell,
  correctionsOf,
  reapplyCorrections,
  withdrawCorrection,
  type CellCorrection,
  type CorrectCellInput,
  type CorrectionErrorCode,
  type CorrectionStatus,
} from './corrections/cell-corrections.js';
export { recomputeReport } from './corrections/recompute.js';
export { loadStoredReport, refreshScopeFindings, type StoredReport } from './ingest/stored-report.js';
export { mergeAgencyInto, refreshDeadlines } from './ingest/agency-changes.js';
export { inferParentId } from './ingest/agency-matching.js';
export { REPARSE_IDENTITY_CHANGED, ReparseError, allReportIds, reparseReport, type ReparseResult } from './ingest/reparse.js';
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, backupDatabase, restoreDatabase, type BackupHeader } from './backup.js';
export { DEFAULT_YEARS, generateProvince, type Dataset, type DatasetAgency, type DatasetReport, type ProvinceOptions } from './dataset/province-generator.js';
export { loadDataset, type LoadSummary } from './dataset/load-dataset.js';
export { FOLLOW_UP_REASONS, FOLLOW_UP_STATUSES, resolveFollowUpsByNewVersion, type FollowUpReason, type FollowUpStatus } from './follow-ups/follow-ups.js';
