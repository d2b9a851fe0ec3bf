import { defineOperation } from './client';
import type { IngestBatchSummary } from './ingest-batch.query';
import document from './ingest-batches.query.graphql?raw';

export interface IngestBatchesQueryVariables {
  skip?: number;
  take?: number;
}

export interface IngestBatchesQueryResult {
  ingestBatches: { total: number; items: IngestBatchSummary[] };
}

export const IngestBatchesQuery = defineOperation<IngestBatchesQueryResult, IngestBatchesQueryVariables>(document);
