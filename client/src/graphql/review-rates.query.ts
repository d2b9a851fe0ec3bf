import type { AgencySelectionInput, RollupValueResult } from './analytics.types';
import { defineOperation } from './client';
import document from './review-rates.query.graphql?raw';

export interface ReviewRatesQueryVariables {
  selection: AgencySelectionInput;
}

type Point = Pick<
  RollupValueResult,
  'year' | 'value' | 'numerator' | 'denominator' | 'reportsCounted' | 'reportsDoubtful' | 'agenciesCovered' | 'agenciesExpected'
>;

export interface ReviewRatesQueryResult {
  review: Point[];
  litigation: Point[];
}

export const ReviewRatesQuery = defineOperation<ReviewRatesQueryResult, ReviewRatesQueryVariables>(document);
