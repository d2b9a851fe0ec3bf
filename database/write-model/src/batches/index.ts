/** `@ogi/write-model/batches`: recorded, resumable import batches owned through a process lease. */
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
} from './ingest-batches.js';
export { ProcessLease } from './process-lease.js';
