import { defineOperation } from './client';
import type { IngestBatchStatus } from './ingest-batch.query';
import document from './resume-ingest-batch.mutation.graphql?raw';

export interface ResumeIngestBatchVariables {
  id: string;
}

export interface ResumeIngestBatchResult {
  resumeIngestBatch: { id: string; status: IngestBatchStatus; pending: number };
}

export const ResumeIngestBatchMutation = defineOperation<ResumeIngestBatchResult, ResumeIngestBatchVariables>(document);
