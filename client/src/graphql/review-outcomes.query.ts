import type { AgencySelectionInput, BreakdownRowResult } from './analytics.types';
import { defineOperation } from './client';
import document from './review-outcomes.query.graphql?raw';

export interface ReviewOutcomesQueryVariables {
  selection: AgencySelectionInput;
  years: number[];
}

/** A review or litigation outcome per year: the counts only. */
export type ReviewOutcomeRow = Pick<BreakdownRowResult, 'year' | 'key' | 'labelZh' | 'labelEn' | 'value' | 'share'>;

export interface ReviewOutcomesQueryResult {
  review: ReviewOutcomeRow[];
  litigation: ReviewOutcomeRow[];
}

export const ReviewOutcomesQuery = defineOperation<ReviewOutcomesQueryResult, ReviewOutcomesQueryVariables>(document);
