/**
 * The data bureau's edits to the agency registry, each all or nothing under the agency's row lock: corrections to
 * an agency (name, parent, kind, level, listing page, usual scope, aliases) and the answers to the match proposals
 * imports leave. With the seed (agency-registry.ts), merges and deadlines (agency-changes.ts) and the proposals
 * themselves (agency-matching.ts), this folder is every write to the registry.
 */
import { appendAudit, type Actor } from '@ogi/database';
import type { AgencyKind, AgencyScope } from '@ogi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { refreshScopeFindings } from '../ingest/stored-report.js';
import { mergeAgencyInto, refreshDeadlines } from './agency-changes.js';
import { AgencyRegistryError } from './agency-registry-error.js';

/** Deepest tree walked when a new parent is checked for a cycle. */
const MAX_TREE_DEPTH = 32;

const inAccess = (access: AgencyScope, column: string, param: string) => (access.all ? 'TRUE' : `${column} = ANY(${param}::int[])`);
const accessParams = (access: AgencyScope, first: unknown) => (access.all ? [first] : [first, [...access.agencyIds]]);

/** Whether the agency exists and the caller may see it. */
export async function agencyVisible(m: EntityManager, id: number, access: AgencyScope): Promise<boolean> {
  if (!access.all && !access.agencyIds.includes(id)) return false;
  const rows = await m.query<unknown[]>('SELECT 1 FROM agency WHERE id = $1', [id]);
  return rows.length > 0;
}

export interface AgencyEdit {
  id: number;
  name?: string | null;
  /** A new parent, or null for none; undefined leaves it. */
  parentId?: number | null;
  kind?: AgencyKind | null;
  level?: string | null;
  listingUrl?: string | null;
  usualScope?: string | null;
  addAliases?: readonly string[] | null;
  removeAliases?: readonly string[] | null;
}

/** Corrects an agency, all or nothing; the audit log records it before and after, with who did it. */
export async function updateAgency(dataSource: DataSource, edit: AgencyEdit, access: AgencyScope, actor: Actor): Promise<void> {
  const id = edit.id;
  await dataSource.transaction(async (m) => {
    const [agency] = await m.query<{ id: number; name: string; kind: AgencyKind; usual_scope: string | null }[]>(
      `SELECT id, name, kind, usual_scope FROM agency WHERE id = $1 AND ${inAccess(access, 'id', '$2')} FOR UPDATE`,
      accessParams(access, id),
    );
    if (!agency) throw AgencyRegistryError.notFound(String(id));
    const before = await registryFacts(m, id);

    if (edit.name && edit.name !== agency.name) {
      const [taken] = await m.query<unknown[]>(
        `SELECT 1 FROM agency WHERE name = $1 AND id <> $2 UNION ALL SELECT 1 FROM agency_alias WHERE alias = $1 AND agency_id <> $2 LIMIT 1`,
        [edit.name, id],
      );
      if (taken) throw AgencyRegistryError.nameTaken(edit.name);
      // The old name stays findable: reports printed under it keep resolving to this agency.
      await m.query(`INSERT INTO agency_alias (alias, agency_id, origin) VALUES ($1, $2, 'manual') ON CONFLICT (alias) DO NOTHING`, [agency.name, id]);
      await m.query('DELETE FROM agency_alias WHERE alias = $1 AND agency_id = $2', [edit.name, id]);
      await m.query('UPDATE agency SET name = $1 WHERE id = $2', [edit.name, id]);
    }
    if (edit.parentId !== undefined) await setParent(m, id, edit.parentId, access);
    if (edit.kind && edit.kind !== agency.kind) {
      await m.query('UPDATE agency SET kind = $1 WHERE id = $2', [edit.kind, id]);
      const reports = await m.query<{ id: number }[]>('SELECT id FROM report WHERE agency_id = $1', [id]);
      await refreshDeadlines(
        m,
        reports.map((r) => r.id),
        edit.kind,
      );
    }
    if (edit.level !== undefined) await m.query('UPDATE agency SET level = $1 WHERE id = $2', [edit.level, id]);
    if (edit.listingUrl !== undefined) await m.query('UPDATE agency SET listing_url = $1 WHERE id = $2', [edit.listingUrl, id]);
    if (edit.usualScope !== undefined && edit.usualScope !== agency.usual_scope) {
      await m.query('UPDATE agency SET usual_scope = $1 WHERE id = $2', [edit.usualScope, id]);
      await appendAudit(m, {
        actor,
        action: 'agency.usualScopeChanged',
        before: agency.usual_scope,
        after: edit.usualScope,
        detail: { agencyId: id, agency: agency.name },
      });
      await refreshScopeFindings(m, id);
    }
    if (edit.removeAliases?.length) {
      await m.query('DELETE FROM agency_alias WHERE agency_id = $1 AND alias = ANY($2::text[])', [id, edit.removeAliases]);
    }
    for (const alias of new Set(edit.addAliases ?? [])) {
      const [owner] = await m.query<{ id: number }[]>(
        `SELECT id FROM agency WHERE name = $1 UNION ALL SELECT agency_id FROM agency_alias WHERE alias = $1 LIMIT 1`,
        [alias],
      );
      if (owner && owner.id !== id) throw AgencyRegistryError.aliasTaken(alias);
      if (owner) continue;
      await m.query(`INSERT INTO agency_alias (alias, agency_id, origin) VALUES ($1, $2, 'manual')`, [alias, id]);
    }
    await appendAudit(m, { actor, action: 'agency.updated', before, after: await registryFacts(m, id), detail: { agencyId: id } });
  });
}

/**
 * Confirms a proposal: the import's agency is merged into `agencyId` (default: the proposed one), and the printed
 * name becomes its alias. Returns the agency the name now belongs to.
 */
export async function confirmAgencyMatch(dataSource: DataSource, proposalId: number, agencyId: number | null, access: AgencyScope): Promise<number> {
  return dataSource.transaction(async (m) => {
    const proposal = await lockPendingProposal(m, proposalId, access);
    const target = agencyId ?? proposal.proposed_agency_id;
    if (target === null) throw AgencyRegistryError.noProposedAgency(String(proposalId));
    if (!(await agencyVisible(m, target, access))) throw AgencyRegistryError.notFound(String(target));
    if (proposal.agency_id !== null && proposal.agency_id !== target) await mergeAgencyInto(m, proposal.agency_id, target);
    const printed = proposal.printed_name.replace(/[\s\u3000]+/g, '');
    await m.query(
      `INSERT INTO agency_alias (alias, agency_id, origin) SELECT $1, $2, 'printed'
        WHERE NOT EXISTS (SELECT 1 FROM agency WHERE name = $1)
       ON CONFLICT (alias) DO UPDATE SET agency_id = EXCLUDED.agency_id`,
      [printed, target],
    );
    await m.query(`UPDATE agency_match_proposal SET status = 'confirmed', resolved_agency_id = $1, resolved_at = now() WHERE id = $2`, [target, proposal.id]);
    return target;
  });
}

/** Rejects a proposal: the agency the import created stays a registry agency of its own. */
export async function rejectAgencyMatch(dataSource: DataSource, proposalId: number, access: AgencyScope): Promise<void> {
  await dataSource.transaction(async (m) => {
    const proposal = await lockPendingProposal(m, proposalId, access);
    await m.query(`UPDATE agency_match_proposal SET status = 'rejected', resolved_agency_id = agency_id, resolved_at = now() WHERE id = $1`, [proposal.id]);
  });
}

async function lockPendingProposal(m: EntityManager, proposalId: number, access: AgencyScope) {
  const [proposal] = await m.query<{ id: number; printed_name: string; agency_id: number | null; proposed_agency_id: number | null; status: string }[]>(
    `SELECT id, printed_name, agency_id, proposed_agency_id, status FROM agency_match_proposal
      WHERE id = $1 AND ${inAccess(access, 'agency_id', '$2')} FOR UPDATE`,
    accessParams(access, proposalId),
  );
  if (!proposal) throw AgencyRegistryError.proposalNotFound(String(proposalId));
  if (proposal.status !== 'pending') throw AgencyRegistryError.proposalResolved(String(proposalId), proposal.status);
  return proposal;
}

/** Sets or clears the parent, refusing the agency itself or anything below it. */
async function setParent(m: EntityManager, id: number, parent: number | null, access: AgencyScope): Promise<void> {
  if (parent === null) {
    await m.query('UPDATE agency SET parent_id = NULL WHERE id = $1', [id]);
    return;
  }
  if (!(await agencyVisible(m, parent, access))) throw AgencyRegistryError.notFound(String(parent));
  const [cycle] = await m.query<unknown[]>(
    `WITH RECURSIVE below(id, depth) AS (
       SELECT $1::int, 0
       UNION ALL
       SELECT c.id, b.depth + 1 FROM agency c JOIN below b ON c.parent_id = b.id WHERE b.depth < ${MAX_TREE_DEPTH}
     )
     SELECT 1 FROM below WHERE id = $2 LIMIT 1`,
    [id, parent],
  );
  if (cycle) throw AgencyRegistryError.parentCycle(String(id), String(parent));
  await m.query('UPDATE agency SET parent_id = $1 WHERE id = $2', [parent, id]);
}

/** What the audit log records of an agency's registry entry. */
async function registryFacts(m: EntityManager, id: number): Promise<Record<string, unknown>> {
  const [row] = await m.query<Record<string, unknown>[]>(
    `SELECT name, parent_id AS "parentId", kind, level, listing_url AS "listingUrl",
            COALESCE((SELECT array_agg(alias ORDER BY alias) FROM agency_alias WHERE agency_id = a.id), '{}') AS aliases
       FROM agency a WHERE id = $1`,
    [id],
  );
  return row ?? {};
}
