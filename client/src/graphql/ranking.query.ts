import type { AgencySelectionInput, RankingItemResult } from './analytics.types';
import { defineOperation } from './client';
import document from './ranking.query.graphql?raw';

/** What a report covers: the agency itself, a region's agencies together (全市…), or a system (全系统…). */
export type ReportScope = 'self' | 'region_aggregate' | 'system_aggregate';

export interface RankingQueryVariables {
  metric: string;
  year: number;
  selection?: AgencySelectionInput | null;
  minSample?: number;
  order?: 'ASC' | 'DESC';
  take?: number;
  skip?: number;
  /** Only reports of these scopes: self | region_aggregate | system_aggregate (default all). */
  scopes?: ReportScope[];
}

export interface RankingQueryResult {
  ranking: { total: number; excludedBelowMinSample: number; items: RankingItemResult[] };
}

export const RankingQuery = defineOperation<RankingQueryResult, RankingQueryVariables>(document);
