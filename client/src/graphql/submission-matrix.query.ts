import type { AgencyRef, AgencySelectionInput, SubmissionKind, SubmissionResult } from './analytics.types';
import { defineOperation } from './client';
import document from './submission-matrix.query.graphql?raw';

export type MatrixSortBy = 'AGENCY' | 'PROBLEMS' | 'YEAR';

export interface SubmissionMatrixQueryVariables {
  years: number[];
  selection: AgencySelectionInput | null;
  filter: SubmissionKind | null;
  sortBy: MatrixSortBy;
  sortYear: number | null;
  sortDirection: 'ASC' | 'DESC';
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface SubmissionMatrixRowResult {
  agency: AgencyRef;
  problems: number;
  /** One per year asked, newest first. */
  submissions: SubmissionResult[];
}

export interface SubmissionMatrixQueryResult {
  submissionMatrix: {
    nodes: SubmissionMatrixRowResult[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    totalCount: number;
  };
}

export const SubmissionMatrixQuery = defineOperation<SubmissionMatrixQueryResult, SubmissionMatrixQueryVariables>(document);
