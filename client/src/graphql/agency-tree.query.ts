import type { AgencyNodeResult } from './analytics.types';
import { defineOperation } from './client';
import document from './agency-tree.query.graphql?raw';

export interface AgencyTreeQueryVariables {
  parentId: string | null;
}

export interface AgencyTreeQueryResult {
  agencyTree: AgencyNodeResult[];
}

export const AgencyTreeQuery = defineOperation<AgencyTreeQueryResult, AgencyTreeQueryVariables>(document);
