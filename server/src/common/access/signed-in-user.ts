import type { Role } from '@ogi/domain';
import type { AgencyScope } from './agency-scope.js';

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
  /** Which agencies the request may read. */
  scope: AgencyScope;
}
