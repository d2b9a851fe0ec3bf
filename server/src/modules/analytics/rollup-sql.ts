/**
 * The one definition of "which reports a roll-up counts", as SQL common table expressions, shared by rollup,
 * timeSeries and combined breakdowns.
 *
 * Over a set of agencies A and years Y: the current `self` reports of the agencies in A, except that where an
 * agency in A publishes a `region_aggregate` report for a year, that report stands for every agency of A below
 * it that year (their own reports are not added again); an aggregate below another aggregate is itself covered.
 * `system_aggregate` reports are never summed (they repeat their members' figures).
 *
 * The CTEs need `WITH RECURSIVE` before them and define `counted(id, agency_id, year, scope, covers)`, where `covers`
 * is how many agencies of A the report speaks for (1, or 1 + the agencies of A below an aggregate).
 */
import { MAX_TREE_DEPTH } from './agency-selection.service.js';

export function countedReportsCtes(agencies: string, years: string): string {
  return `
    tree(id, path) AS (
      SELECT id, ARRAY[]::int[] FROM agency WHERE parent_id IS NULL
      UNION ALL
      SELECT a.id, t.path || t.id FROM agency a JOIN tree t ON a.parent_id = t.id WHERE cardinality(t.path) < ${MAX_TREE_DEPTH}
    ),
    anc AS (
      SELECT t.id, x.ancestor FROM tree t CROSS JOIN LATERAL unnest(t.path) AS x(ancestor)
       WHERE t.id = ANY(${agencies}::int[]) AND x.ancestor = ANY(${agencies}::int[])
    ),
    agg AS (
      SELECT r.agency_id, r.year FROM report r
       WHERE r.is_current AND r.scope = 'region_aggregate' AND r.agency_id = ANY(${agencies}::int[]) AND r.year = ANY(${years}::int[])
    ),
    hidden AS (SELECT DISTINCT anc.id AS agency_id, agg.year FROM anc JOIN agg ON agg.agency_id = anc.ancestor),
    below AS (SELECT ancestor AS agency_id, count(*)::int AS n FROM anc GROUP BY ancestor),
    counted AS (
      SELECT r.id, r.agency_id, r.year, r.scope,
             1 + CASE WHEN r.scope = 'region_aggregate' THEN coalesce(b.n, 0) ELSE 0 END AS covers
        FROM report r
        LEFT JOIN below b ON b.agency_id = r.agency_id
       WHERE r.is_current AND r.agency_id = ANY(${agencies}::int[]) AND r.year = ANY(${years}::int[])
         AND r.scope IN ('self', 'region_aggregate')
         AND NOT EXISTS (SELECT 1 FROM hidden h WHERE h.agency_id = r.agency_id AND h.year = r.year)
    )`;
}
