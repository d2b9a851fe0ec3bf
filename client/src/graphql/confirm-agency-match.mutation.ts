import type { AgencyRef } from './analytics.types';
import { defineOperation } from './client';
import document from './confirm-agency-match.mutation.graphql?raw';

export interface ConfirmAgencyMatchVariables {
  proposalId: string;
  /** The registered agency the name means; null = the proposed one. */
  agencyId: string | null;
}

export interface ConfirmAgencyMatchResult {
  /** The agency merged into. */
  confirmAgencyMatch: AgencyRef;
}

export const ConfirmAgencyMatchMutation = defineOperation<ConfirmAgencyMatchResult, ConfirmAgencyMatchVariables>(document);
