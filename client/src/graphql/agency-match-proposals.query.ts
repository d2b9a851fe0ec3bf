import type { AgencyRef } from './analytics.types';
import document from './agency-match-proposals.query.graphql?raw';
import { defineOperation } from './client';

export interface AgencyMatchProposalsVariables {
  skip?: number;
  take?: number;
}

/** An import met a name the registry did not know and created an agency for it: is it a registered one? */
export interface AgencyMatchProposal {
  id: string;
  /** The agency name as the report printed it. */
  printedName: string;
  /** shortened | typo; null when no registered agency fits. */
  reason: string | null;
  reportId: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** The agency the import created (its reports are filed under it meanwhile). */
  agency: AgencyRef | null;
  /** The registered agency the name probably means; null when none fits. */
  proposedAgency: AgencyRef | null;
}

export interface AgencyMatchProposalsResult {
  agencyMatchProposals: AgencyMatchProposal[];
}

export const AgencyMatchProposalsQuery = defineOperation<AgencyMatchProposalsResult, AgencyMatchProposalsVariables>(document);
