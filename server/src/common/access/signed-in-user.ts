import type { Role } from '@ogi/domain';
import { ALL_AGENCIES, type AgencyScope } from './agency-scope.js';

/** The person behind a request, as the access guard resolved it from the session cookie. */
export interface SignedInUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The agency a department user belongs to; null for every other role. */
  agencyId: number | null;
}

/** What the access guard attaches to a request it let through. */
export interface RequestAuth {
  /** Null for an anonymous request to a @Public() operation. */
  user: SignedInUser | null;
  /** The session the request came with (logout ends it; a password change keeps only it). */
  session: { id: number; csrfToken: string; expiresAt: Date } | null;
  /** Which agencies the request may read. */
  scope: AgencyScope;
}

/** Nobody signed in: no agency at all. */
export const NO_AGENCIES: AgencyScope = { all: false, agencyIds: [] };

/** A department user reads its own agency; every other role reads all agencies. */
export function scopeOfUser(user: SignedInUser | null): AgencyScope {
  if (!user) return NO_AGENCIES;
  if (user.role === 'department') return { all: false, agencyIds: user.agencyId === null ? [] : [user.agencyId] };
  return ALL_AGENCIES;
}
