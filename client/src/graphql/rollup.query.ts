import type { RollupValueResult } from './analytics.types';
import { defineOperation } from './client';
import document from './rollup.query.graphql?raw';

export interface RollupQueryVariables {
  rootAgencyId: string | null;
  years: number[];
  metrics: string[];
}

export interface RollupQueryResult {
  rollup: RollupValueResult[];
}

export const RollupQuery = defineOperation<RollupQueryResult, RollupQueryVariables>(document);
