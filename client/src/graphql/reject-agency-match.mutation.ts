import { defineOperation } from './client';
import document from './reject-agency-match.mutation.graphql?raw';

export interface RejectAgencyMatchVariables {
  proposalId: string;
}

export interface RejectAgencyMatchResult {
  rejectAgencyMatch: boolean;
}

export const RejectAgencyMatchMutation = defineOperation<RejectAgencyMatchResult, RejectAgencyMatchVariables>(document);
