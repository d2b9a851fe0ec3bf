import { useQuery, type QueryState } from '../../composables/use-query';
import { AgencyMatchProposalsDocument, type AgencyMatchProposalsQuery } from '../../graphql/api';

/** The proposals listed at once (oldest first): the API's page limit. */
export const PROPOSALS_SHOWN = 100;

export type AgencyMatchProposalsState = QueryState<AgencyMatchProposalsQuery>;

/**
 * The new agency names waiting for an editor. The quality page asks for them with its first requests, since the
 * section showing them loads its code later (editors only); `enabled` false asks nothing.
 */
export function useAgencyMatchProposals(enabled: () => boolean = () => true): AgencyMatchProposalsState {
  return useQuery(AgencyMatchProposalsDocument, () => (enabled() ? { take: PROPOSALS_SHOWN } : null));
}
