import type { AgencyRef, AgencySelectionInput, MetricValueResult } from './analytics.types';
import { defineOperation } from './client';
import document from './compare.query.graphql?raw';

export interface CompareQueryVariables {
  selection: AgencySelectionInput;
  years: number[];
  metrics: string[];
}

export interface CompareQueryResult {
  compare: { agencies: AgencyRef[]; years: number[]; values: MetricValueResult[] };
}

export const CompareQuery = defineOperation<CompareQueryResult, CompareQueryVariables>(document);
