import type { AgencyRef } from './analytics.types';
import { defineOperation } from './client';
import document from './update-agency.mutation.graphql?raw';

/** Changes to one agency; fields left out stay as they are, null clears an optional one (`UpdateAgencyInput`). */
export interface UpdateAgencyInput {
  id: string;
  name?: string;
  kind?: string;
  level?: string | null;
  parentId?: string | null;
  listingUrl?: string | null;
  addAliases?: string[];
  removeAliases?: string[];
}

export interface UpdateAgencyVariables {
  input: UpdateAgencyInput;
}

export interface UpdateAgencyResult {
  updateAgency: AgencyRef & { kind: string; level: string | null; aliases: string[]; listingUrl: string | null; parent: AgencyRef | null };
}

export const UpdateAgencyMutation = defineOperation<UpdateAgencyResult, UpdateAgencyVariables>(document);
