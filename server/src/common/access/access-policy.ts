/**
 * The access policy — who may do what — is the ACCESS table of @ogi/domain (packages/domain/src/roles.ts), so
 * the dashboard can hide what a role cannot use. Every GraphQL operation and HTTP route names one of its sets with
 * `@Roles(...ACCESS.<set>)` (or is `@Public()`); an operation that names nothing is refused to everyone. The
 * docs/security.md shows the table; the role-matrix integration test (server/test/access-matrix.spec.ts)
 * walks every operation of the schema and every route × every role.
 */
export { ACCESS, type AccessSet } from '@ogi/domain';
