import type { AgencySelectionInput, BreakdownRowResult } from './analytics.types';
import { defineOperation } from './client';
import document from './outcome-flows.query.graphql?raw';

export interface OutcomeFlowsQueryVariables {
  selection: AgencySelectionInput;
  years: number[];
}

export interface OutcomeFlowsQueryResult {
  outcomes: BreakdownRowResult[];
  withheld: BreakdownRowResult[];
  unableToProvide: BreakdownRowResult[];
  notProcessed: BreakdownRowResult[];
  otherHandling: BreakdownRowResult[];
}

export const OutcomeFlowsQuery = defineOperation<OutcomeFlowsQueryResult, OutcomeFlowsQueryVariables>(document);
