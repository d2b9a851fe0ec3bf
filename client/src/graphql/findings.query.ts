import type { AgencySelectionInput, FindingRowResult } from './analytics.types';
import { defineOperation } from './client';
import document from './findings.query.graphql?raw';

export interface FindingsQueryVariables {
  selection?: AgencySelectionInput | null;
  years?: number[] | null;
  rules?: string[] | null;
  severities?: string[] | null;
  take?: number;
  skip?: number;
}

export interface FindingsQueryResult {
  findings: { total: number; items: FindingRowResult[] };
}

export const FindingsQuery = defineOperation<FindingsQueryResult, FindingsQueryVariables>(document);
