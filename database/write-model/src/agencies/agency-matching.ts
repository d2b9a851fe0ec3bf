/**
 * What an import does when a printed agency name is new to the registry: the new agency gets the parent its
 * name implies (when that government is registered), and a proposal a person confirms or rejects — naming the
 * registered agency the name probably means (a shortened print, an OCR typo), or none when nothing fits.
 * Confirming moves the reports to the registered agency and records the printed name as an alias.
 */
import { parentGovernmentCandidates, proposeAgencyMatch, type AgencyKind } from '@ogi/domain';
import type { EntityManager } from 'typeorm';

/** The registered government a new agency's name places it under, or null. */
export async function inferParentId(m: EntityManager, name: string, kind: AgencyKind): Promise<number | null> {
  const candidates = parentGovernmentCandidates(name, kind);
  if (!candidates.length) return null;
  const rows: { id: number; name: string }[] = await m.query(
    `SELECT a.id, c.name
       FROM unnest($1::text[]) WITH ORDINALITY AS c(name, rank)
       JOIN LATERAL (
         SELECT g.id FROM agency g WHERE g.name = c.name AND g.kind = 'government'
         UNION ALL
         SELECT g.id FROM agency_alias x JOIN agency g ON g.id = x.agency_id WHERE x.alias = c.name AND g.kind = 'government'
         LIMIT 1
       ) a ON true
      ORDER BY c.rank
      LIMIT 1`,
    [candidates],
  );
  return rows[0]?.id ?? null;
}

/** Records the open proposal for an agency an import has just created for `printedName`. */
export async function proposeAgencyMatchFor(m: EntityManager, created: { id: number; name: string }, printedName: string, reportId: number): Promise<void> {
  const registry: { id: number; names: string[] }[] = await m.query(
    `SELECT a.id, array_prepend(a.name, coalesce(array_agg(x.alias ORDER BY x.alias) FILTER (WHERE x.alias IS NOT NULL), '{}')) AS names
       FROM agency a LEFT JOIN agency_alias x ON x.agency_id = a.id
      WHERE a.id <> $1
      GROUP BY a.id`,
    [created.id],
  );
  const match = proposeAgencyMatch(created.name, registry);
  await m.query(
    `INSERT INTO agency_match_proposal (printed_name, agency_id, proposed_agency_id, reason, report_id)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id) WHERE status = 'pending' DO NOTHING`,
    [printedName, created.id, match?.id ?? null, match?.reason ?? null, reportId],
  );
}
