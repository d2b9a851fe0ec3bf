import type { ReportScope } from '@ogi/domain';
import type { AgencySelectionInput, RankingItemResult } from './analytics.types';
import { defineOperation } from './client';
import document from './ranking.query.graphql?raw';

export interface RankingQueryVariables {
  metric: string;
  year: number;
  selection?: AgencySelectionInput | null;
  minSample?: number;
  order?: 'ASC' | 'DESC';
  take?: number;
  skip?: number;
  /** The one report scope ranked: self | region_aggregate | system_aggregate (default self; more than one is refused). */
  scopes?: ReportScope[];
}

export interface RankingQueryResult {
  ranking: {
    total: number;
    /** The one report scope ranked. */
    scope: ReportScope;
    excludedBelowMinSample: number;
    /** Agencies left out because their value is contradicted or uncertain (includeDoubtful not asked). */
    excludedByQuality: number;
    items: RankingItemResult[];
  };
}

export const RankingQuery = defineOperation<RankingQueryResult, RankingQueryVariables>(document);
