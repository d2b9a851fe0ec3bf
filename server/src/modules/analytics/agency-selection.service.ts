/**
 * Turns an AgencySelection (and the caller's scope) into the ids of the agencies it covers, in one query.
 * Every analytics query starts here, so "which agencies" means the same thing everywhere.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { parseId } from '../../common/graphql/ids.js';
import { AnalyticsException } from './analytics.exception.js';
import type { AgencySelectionInput } from './dto/agency-selection.input.js';

/** How deep the agency tree may go (a guard against a cycle an old database might hold). */
export const MAX_TREE_DEPTH = 32;

/** Largest selection any query accepts; each query may set a lower bound. */
export const MAX_AGENCIES_PER_QUERY = 20_000;

@Injectable()
export class AgencySelectionService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Ids of the selected agencies the scope allows, by name. Unknown (or out-of-scope) ids named in the selection
   * are an AGENCY_NOT_FOUND error; more than `limit` agencies is SELECTION_TOO_LARGE.
   */
  async resolve(selection: AgencySelectionInput | null | undefined, scope: AgencyScope, limit = MAX_AGENCIES_PER_QUERY): Promise<number[]> {
    const s = selection ?? {};
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!scope.all) where.push(`a.id = ANY(${param([...scope.agencyIds])}::int[])`);

    const named = s.agencyIds?.length ? [...new Set(s.agencyIds)] : null;
    if (named) where.push(`a.id = ANY(${param(named.map((id) => parseId(id) ?? 0))}::int[])`);

    let under = '';
    if (s.parentId) {
      const parent = parseId(s.parentId) ?? 0;
      await this.assertExist([s.parentId], scope);
      const p = param(parent);
      const members = s.includeDescendants ? `a.id IN (SELECT id FROM under)` : `a.parent_id = ${p}`;
      if (s.includeDescendants) {
        under = `WITH RECURSIVE under(id, depth) AS (
                   SELECT id, 1 FROM agency WHERE parent_id = ${p}
                   UNION ALL
                   SELECT c.id, u.depth + 1 FROM agency c JOIN under u ON c.parent_id = u.id WHERE u.depth < ${MAX_TREE_DEPTH}
                 )`;
      }
      where.push(s.includeParent ? `(${members} OR a.id = ${p})` : members);
    }
    if (s.peersOf) {
      // Worked out in the same query as the selection, so a profile asks for its peers without first reading the agency.
      await this.assertExist([s.peersOf], scope);
      const of = param(parseId(s.peersOf) ?? 0);
      where.push(`EXISTS (SELECT 1 FROM agency o WHERE o.id = ${of} AND a.kind = o.kind AND
                    CASE WHEN o.parent_id IS NOT NULL THEN a.parent_id = o.parent_id ELSE o.level IS NULL OR a.level = o.level END)`);
    }
    if (s.kinds?.length) where.push(`a.kind = ANY(${param(s.kinds)}::text[])`);
    if (s.levels?.length) where.push(`a.level = ANY(${param(s.levels)}::text[])`);

    // Whether every named agency exists is asked beside the selection, not after it.
    const [rows, found] = await Promise.all([
      this.dataSource.query<{ id: number }[]>(
        `${under} SELECT DISTINCT a.id, a.name FROM agency a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.name, a.id`,
        params,
      ),
      named ? this.existing(named, scope) : null,
    ]);
    const missing = named?.filter((id) => !found!.has(id)) ?? [];
    if (missing.length) throw AnalyticsException.agenciesNotFound(missing);
    if (rows.length > limit) throw AnalyticsException.selectionTooLarge(rows.length, limit);
    return rows.map((r) => r.id);
  }

  /** Throws AGENCY_NOT_FOUND unless every id names an agency the scope allows. */
  async assertExist(ids: readonly string[], scope: AgencyScope): Promise<void> {
    const found = await this.existing(ids, scope);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw AnalyticsException.agenciesNotFound(missing);
  }

  private async existing(ids: readonly string[], scope: AgencyScope): Promise<Set<string>> {
    const keys = ids.map(parseId).filter((k): k is number => k !== null);
    if (!keys.length) return new Set();
    const rows = await this.dataSource.query<{ id: number }[]>(
      `SELECT id FROM agency WHERE id = ANY($1::int[]) ${scope.all ? '' : 'AND id = ANY($2::int[])'}`,
      scope.all ? [keys] : [keys, [...scope.agencyIds]],
    );
    return new Set(rows.map((r) => String(r.id)));
  }
}
