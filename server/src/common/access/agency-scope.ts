/**
 * Which agencies a request may see (@ogi/domain's AgencyScope, the one type the write model's edits check too).
 * Every service that reads reports or agencies takes a scope and filters by it in SQL: an analyst or leader sees
 * all agencies; a department user sees only their own agency. Resolvers get the scope of the signed-in user.
 */
import type { AgencyScope } from '@ogi/domain';

export type { AgencyScope };

export const ALL_AGENCIES: AgencyScope = { all: true };

/** A SQL condition limiting `column` to the scope, with its parameter, for query builders. */
export function scopeCondition(scope: AgencyScope, column: string, parameter = 'scopeAgencyIds'): { sql: string; params: Record<string, unknown> } {
  if (scope.all) return { sql: 'TRUE', params: {} };
  return { sql: `${column} = ANY(:${parameter})`, params: { [parameter]: [...scope.agencyIds] } };
}

/**
 * The same condition for raw SQL with positional parameters: appends the agency ids to `params` and returns
 * the condition naming them (`$n`).
 */
export function scopeConditionAt(scope: AgencyScope, column: string, params: unknown[]): string {
  if (scope.all) return 'TRUE';
  params.push([...scope.agencyIds]);
  return `${column} = ANY($${params.length}::int[])`;
}
