import type { AgencySelectionInput } from './analytics.types';
import { defineOperation } from './client';
import document from './submission-summary.query.graphql?raw';

export interface SubmissionSummaryQueryVariables {
  years: number[];
  selection: AgencySelectionInput | null;
}

/** One year's counts: each agency of the selection once per status, plus those failing checks or published but not imported. */
export interface SubmissionYearSummaryResult {
  year: number;
  agencies: number;
  onTime: number;
  late: number;
  missing: number;
  notChecked: number;
  dateUnknown: number;
  notDue: number;
  failing: number;
  publishedNotImported: number;
}

export interface SubmissionSummaryQueryResult {
  submissionSummary: SubmissionYearSummaryResult[];
}

export const SubmissionSummaryQuery = defineOperation<SubmissionSummaryQueryResult, SubmissionSummaryQueryVariables>(document);
