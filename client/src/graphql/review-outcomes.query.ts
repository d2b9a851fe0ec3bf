import type { AgencySelectionInput, BreakdownRowResult } from './analytics.types';
import { defineOperation } from './client';
import document from './review-outcomes.query.graphql?raw';

export interface ReviewOutcomesQueryVariables {
  selection: AgencySelectionInput;
  years: number[];
}

type Row = Omit<BreakdownRowResult, 'agencyId'>;

export interface ReviewOutcomesQueryResult {
  review: Row[];
  litigation: Row[];
}

export const ReviewOutcomesQuery = defineOperation<ReviewOutcomesQueryResult, ReviewOutcomesQueryVariables>(document);
