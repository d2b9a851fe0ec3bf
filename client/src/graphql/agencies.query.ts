import { defineOperation } from './client';
import document from './agencies.query.graphql?raw';

export interface AgenciesQueryVariables {
  search?: string | null;
  take?: number;
}

export interface AgencyOption {
  id: string;
  name: string;
}

export interface AgenciesQueryResult {
  agencies: { total: number; items: AgencyOption[] };
}

export const AgenciesQuery = defineOperation<AgenciesQueryResult, AgenciesQueryVariables>(document);
