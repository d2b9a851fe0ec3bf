/**
 * The access policy: who may do what, in one place. Every GraphQL operation and HTTP route names one of these
 * sets with `@Roles(...ACCESS.<set>)` (or is `@Public()`); an operation that names nothing is refused to
 * everyone. The README's security section shows this table; the role-matrix integration test
 * (server/test/access-matrix.spec.ts) walks every operation of the schema and every route × every role.
 */
import type { Role } from '@ogi/domain';

export const ACCESS = {
  /** Reports, agencies, facts, metrics and the dashboards' queries. Department users see their own agency only (AgencyScope). */
  read: ['admin', 'editor', 'analyst', 'viewer', 'department'],
  /** Upload or import report files. A department user may store only its own agency's reports. */
  ingest: ['admin', 'editor', 'department'],
  /** Correct cells, confirm agency matches, edit the agency registry, read the audit log. */
  edit: ['admin', 'editor'],
  /** Exports and the GraphiQL page. */
  analyse: ['admin', 'editor', 'analyst'],
  /** Accounts, re-parsing, anything that changes the system itself. */
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type AccessSet = keyof typeof ACCESS;
