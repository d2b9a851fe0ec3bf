import type { AgencySelectionInput, BreakdownDimension, BreakdownRowResult } from './analytics.types';
import { defineOperation } from './client';
import document from './breakdown.query.graphql?raw';

export interface BreakdownQueryVariables {
  dimension: BreakdownDimension;
  selection: AgencySelectionInput;
  years: number[];
  combine?: boolean;
}

export interface BreakdownQueryResult {
  breakdown: BreakdownRowResult[];
}

export const BreakdownQuery = defineOperation<BreakdownQueryResult, BreakdownQueryVariables>(document);
