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
  /** The personal access token the request came with (`Authorization: Bearer`), instead of a session. */
  token: { id: number; scope: AccessTokenScope } | null;
  /** Which agencies the request may read. */
  scope: AgencyScope;
}

/** What a personal access token may do: `read` only queries and downloads, `write` also mutations. */
export const ACCESS_TOKEN_SCOPES = ['read', 'write'] as const;
export type AccessTokenScope = (typeof ACCESS_TOKEN_SCOPES)[number];

/** Nobody signed in: no agency at all. */
export const NO_AGENCIES: AgencyScope = { all: false, agencyIds: [] };

/** A department user reads its own agency; every other role reads all agencies. */
export function scopeOfUser(user: SignedInUser | null): AgencyScope {
  if (!user) return NO_AGENCIES;
  if (user.role === 'department') return { all: false, agencyIds: user.agencyId === null ? [] : [user.agencyId] };
  return ALL_AGENCIES;
}
