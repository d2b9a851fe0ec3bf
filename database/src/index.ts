/**
 * @ogi/database — the schema and what runs it: entities, migrations, the data source, the embedded-PostgreSQL
 * runner, backup and restore, and the append-only audit log. Everything that writes reports and agencies is
 * @ogi/write-model, which imports this package (never the other way round).
 */
export * from './entities/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { DATA_CHANGED_CHANNEL, TABLES_WITHOUT_NOTICES, listenForDataChanges, type DataChangeHandlers, type DataChangeListener } from './data-changes.js';
export { applyMigrations, createDataSource, dataSourceOptions, dropAndApplyMigrations, type DataSourceSettings } from './data-source.js';
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
// Derived with the cells by the write model, and by the migration that added the table: one function for both.
export { breakdownPartRows, writeBreakdownParts, type BreakdownPartRow, type StoredCell } from './breakdown-parts.js';
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, backupDatabase, restoreDatabase, type BackupHeader } from './backup.js';
