import { defineOperation } from './client';
import document from './ingest-batch.query.graphql?raw';

/** running | interrupted (its process stopped before the end: resume it) | done. */
export type IngestBatchStatus = 'running' | 'interrupted' | 'done';
/** pending (not done yet) | stored | duplicate | failed. */
export type IngestItemStatus = 'pending' | 'stored' | 'duplicate' | 'failed';

/** An import batch's counts and state (`IngestBatch` without its items). */
export interface IngestBatchSummary {
  id: string;
  /** upload | cli | seed | url */
  origin: string;
  status: IngestBatchStatus;
  /** ISO 8601. */
  createdAt: string;
  createdBy: string;
  finishedAt: string | null;
  fileCount: number;
  stored: number;
  duplicate: number;
  failed: number;
  pending: number;
}

export interface IngestItemResult {
  position: number;
  fileName: string;
  /** The path read (command-line imports) or the web address fetched (imports from web addresses). */
  path: string | null;
  status: IngestItemStatus;
  reportId: string | null;
  errorCode: string | null;
  /** For a clerk, in Chinese. */
  errorMessage: string | null;
}

export interface IngestBatchDetail extends IngestBatchSummary {
  items: IngestItemResult[];
}

export interface IngestBatchQueryVariables {
  id: string;
  /** How many of its files (1–100). */
  take?: number;
}

export interface IngestBatchQueryResult {
  ingestBatch: IngestBatchDetail | null;
}

export const IngestBatchQuery = defineOperation<IngestBatchQueryResult, IngestBatchQueryVariables>(document);
