import type { AgencySelectionInput, SubmissionResult } from './analytics.types';
import { defineOperation } from './client';
import document from './submissions.query.graphql?raw';

export interface SubmissionsQueryVariables {
  years: number[];
  selection: AgencySelectionInput | null;
}

export interface SubmissionsQueryResult {
  submissions: SubmissionResult[];
}

export const SubmissionsQuery = defineOperation<SubmissionsQueryResult, SubmissionsQueryVariables>(document);
