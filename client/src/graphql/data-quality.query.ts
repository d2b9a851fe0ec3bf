import type { AgencySelectionInput } from './analytics.types';
import { defineOperation } from './client';
import document from './data-quality.query.graphql?raw';

export interface DataQualityQueryVariables {
  selection: AgencySelectionInput | null;
  years: number[];
}

export interface RuleCountResult {
  rule: string;
  severity: string;
  count: number;
}

export interface DataQualityQueryResult {
  dataQuality: { byRule: RuleCountResult[] };
}

export const DataQualityQuery = defineOperation<DataQualityQueryResult, DataQualityQueryVariables>(document);
