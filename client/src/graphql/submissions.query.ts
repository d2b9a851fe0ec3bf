import type { AgencySelectionInput, SubmissionKind, SubmissionResult } from './analytics.types';
import { defineOperation } from './client';
import document from './submissions.query.graphql?raw';

export interface SubmissionsQueryVariables {
  years: number[];
  selection: AgencySelectionInput | null;
  /** Only the agency-years of these kinds (a status, FAILING or PUBLISHED_NOT_IMPORTED); all when absent. */
  only?: SubmissionKind[] | null;
}

export interface SubmissionsQueryResult {
  submissions: SubmissionResult[];
}

export const SubmissionsQuery = defineOperation<SubmissionsQueryResult, SubmissionsQueryVariables>(document);
