import { defineOperation } from './client';
import document from './collect-reports.mutation.graphql?raw';

export interface CollectReportsVariables {
  urls: string[];
}

/** stored | duplicate | failed | listing (a listing page: its report links were queued) */
export type CollectStatus = 'stored' | 'duplicate' | 'failed' | 'listing';

export interface CollectResult {
  url: string;
  status: CollectStatus;
  reportId: string | null;
  fileName: string | null;
  error: { code: string; message: string } | null;
}

export interface CollectReportsResult {
  collectReports: CollectResult[];
}

export const CollectReportsMutation = defineOperation<CollectReportsResult, CollectReportsVariables>(document);
