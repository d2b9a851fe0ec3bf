/** The values the registry's kind and level columns allow (the CHECK constraints of the agency table). */
import type { AgencyKind, AgencyLevel } from '@ogi/domain';

export const AGENCY_KINDS: readonly AgencyKind[] = ['government', 'department', 'dispatched', 'other'];
export const AGENCY_LEVELS: readonly AgencyLevel[] = ['province', 'city', 'county', 'township'];
