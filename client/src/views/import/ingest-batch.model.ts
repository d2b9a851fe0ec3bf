/**
 * Pure rules of the import page's batch views: when to ask the server again, which batches can be resumed from
 * here, and how a batch's files read.
 */
import { type IngestBatchSummary, type IngestItemResult } from '../../graphql/api';

/** How long to wait before asking again about a batch that is still running. */
export const BATCH_POLL_MS = 2000;

/** How many files of a batch the page shows (the API's page limit). */
export const BATCH_ITEMS_SHOWN = 100;

/** Batch origins the server resumes (`resumeIngestBatch`); command-line batches resume with `pnpm ingest --resume ID`. */
const RESUMABLE_ORIGINS: readonly string[] = ['upload', 'seed'];

/** Milliseconds until the next look at a batch, or null when it will not change by itself (done, or interrupted). */
export function nextPollDelay(batch: Pick<IngestBatchSummary, 'status'> | null): number | null {
  return batch?.status === 'running' ? BATCH_POLL_MS : null;
}

/** Whether the dashboard can resume the batch (an interrupted upload or sample import). */
export function canResumeHere(batch: Pick<IngestBatchSummary, 'status' | 'origin'>): boolean {
  return batch.status === 'interrupted' && RESUMABLE_ORIGINS.includes(batch.origin);
}

/** An interrupted batch only the command line can resume. */
export function resumesFromCommandLine(batch: Pick<IngestBatchSummary, 'status' | 'origin'>): boolean {
  return batch.status === 'interrupted' && batch.origin === 'cli';
}

/** An interrupted import from web addresses: it keeps no files, so importing the addresses again completes it. */
export function rerunsFromAddresses(batch: Pick<IngestBatchSummary, 'status' | 'origin'>): boolean {
  return batch.status === 'interrupted' && batch.origin === 'url';
}

/** A failed file's reason for a clerk: the server's message with its code, or the code alone. */
export function itemErrorText(item: Pick<IngestItemResult, 'errorCode' | 'errorMessage'>): string {
  if (item.errorMessage && item.errorCode) return `${item.errorMessage} (${item.errorCode})`;
  return item.errorMessage ?? item.errorCode ?? '';
}

/** Files of the batch still listed beyond what the page shows. */
export function filesNotShown(batch: Pick<IngestBatchSummary, 'fileCount'>, shown: number): number {
  return Math.max(0, batch.fileCount - shown);
}
