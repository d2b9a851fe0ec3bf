import { defineOperation } from './client';
import document from './agency.query.graphql?raw';
import type { AgencyOption } from './agencies.query';

export interface AgencyNameQueryVariables {
  id: string;
}

export interface AgencyNameQueryResult {
  agency: AgencyOption | null;
}

export const AgencyNameQuery = defineOperation<AgencyNameQueryResult, AgencyNameQueryVariables>(document);
