/** `@ogi/write-model/ingest`: reports and their versions — bytes → parser → one transaction, and what it stores. */
export {
  ReportIngestor,
  normaliseAgencyName,
  type IngestHooks,
  type IngestResult,
  type ReportIngestorOptions,
  type StoredReportRef,
} from './report-ingestor.js';
export type { ReportParser } from './report-parser.js';
export { cellRows, type CellRow } from './cell-rows.js';
export { canonicalJson, reportContentHash, sha256Hex } from './content-hash.js';
export { listFiles } from './list-files.js';
export { describeResult, summarise, type IngestSummary } from './summary.js';
export { loadStoredReport, refreshScopeFindings, type StoredReport } from './stored-report.js';
