/**
 * The registry as the data bureau edits it: the tree (for pickers), corrections to an agency (name, parent,
 * kind, level, listing page, aliases), and the queue of names imports did not know.
 */
import { Injectable } from '@nestjs/common';
import { appendAudit, type Actor } from '@ogi/database';
import { mergeAgencyInto, refreshDeadlines } from '@ogi/write-model/agencies';
import { refreshScopeFindings } from '@ogi/write-model/ingest';
import type { AgencyKind, AgencyLevel } from '@ogi/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { parseId, toId } from '../../common/graphql/ids.js';
import { AgenciesException } from './agencies.exception.js';
import { AgenciesService } from './agencies.service.js';
import type { UpdateAgencyInput } from './dto/update-agency.input.js';
import type { AgencyMatchProposalModel } from './models/agency-match-proposal.model.js';
import type { AgencyNodeModel } from './models/agency-node.model.js';
import type { AgencyModel } from './models/agency.model.js';

const MAX_TREE_DEPTH = 32;

const inScope = (scope: AgencyScope, column: string, param: string) => (scope.all ? 'TRUE' : `${column} = ANY(${param}::int[])`);

interface AgencyJson {
  id: number;
  name: string;
  kind: AgencyKind;
  level: AgencyLevel | null;
  parent_id: number | null;
  listing_url: string | null;
}

const agencyFromJson = (a: AgencyJson | null): AgencyModel | null =>
  a ? { id: toId(a.id), name: a.name, kind: a.kind, level: a.level, parentId: a.parent_id, listingUrl: a.listing_url } : null;

@Injectable()
export class AgencyRegistryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
  ) {}

  /**
   * Children of `parentId`, or the top of the tree: agencies without a parent (for a restricted scope, the
   * agencies whose parent it does not include). Governments first, then by name.
   */
  async tree(parentId: string | null | undefined, scope: AgencyScope): Promise<AgencyNodeModel[]> {
    const scopeIds = scope.all ? null : [...scope.agencyIds];
    let where: string;
    const params: unknown[] = [scopeIds];
    if (parentId) {
      const key = parseId(parentId);
      if (key === null || !(await this.visible(key, scope))) throw AgenciesException.notFound(parentId);
      params.push(key);
      where = 'a.parent_id = $2';
    } else {
      where = scope.all ? 'a.parent_id IS NULL' : '(a.parent_id IS NULL OR NOT a.parent_id = ANY($1::int[]))';
    }
    const rows = await this.dataSource.query<(AgencyJson & { child_count: number; report_count: number })[]>(
      `SELECT a.id, a.name, a.kind, a.level, a.parent_id,
              (SELECT count(*) FROM agency c WHERE c.parent_id = a.id AND ${inScope(scope, 'c.id', '$1')})::int AS child_count,
              (SELECT count(*) FROM report r WHERE r.agency_id = a.id AND r.is_current)::int AS report_count
         FROM agency a
        WHERE ${where} AND ($1::int[] IS NULL OR a.id = ANY($1::int[]))
        ORDER BY a.kind = 'government' DESC, a.name, a.id`,
      params,
    );
    return rows.map((r) => ({
      id: toId(r.id),
      name: r.name,
      kind: r.kind,
      level: r.level,
      // A parent outside the user's scope is not theirs to know (not even its id): the node shows as a top.
      parentId: r.parent_id === null || !(scope.all || scope.agencyIds.includes(r.parent_id)) ? null : toId(r.parent_id),
      childCount: r.child_count,
      reportCount: r.report_count,
    }));
  }

  /** Open proposals, oldest first. */
  async proposals(take: number, skip: number, scope: AgencyScope): Promise<AgencyMatchProposalModel[]> {
    const rows = await this.dataSource.query<
      {
        id: number;
        printed_name: string;
        reason: string | null;
        report_id: number | null;
        created_at: Date;
        agency: AgencyJson | null;
        proposed: AgencyJson | null;
      }[]
    >(
      `SELECT p.id, p.printed_name, p.reason, p.report_id, p.created_at,
              (SELECT row_to_json(a) FROM (SELECT id, name, kind, level, parent_id, listing_url FROM agency WHERE id = p.agency_id) a) AS agency,
              (SELECT row_to_json(a) FROM (SELECT id, name, kind, level, parent_id, listing_url FROM agency WHERE id = p.proposed_agency_id) a) AS proposed
         FROM agency_match_proposal p
        WHERE p.status = 'pending' AND ${inScope(scope, 'p.agency_id', '$3')}
        ORDER BY p.created_at, p.id
        LIMIT $1 OFFSET $2`,
      scope.all ? [take, skip] : [take, skip, [...scope.agencyIds]],
    );
    return rows.map((r) => ({
      id: toId(r.id),
      printedName: r.printed_name,
      agency: agencyFromJson(r.agency),
      proposedAgency: agencyFromJson(r.proposed),
      reason: r.reason,
      reportId: r.report_id === null ? null : toId(r.report_id),
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** Corrects an agency, all or nothing; the audit log records it before and after, with who did it. */
  async update(input: UpdateAgencyInput, scope: AgencyScope, actor: Actor): Promise<AgencyModel> {
    const id = parseId(input.id);
    if (id === null) throw AgenciesException.notFound(input.id);
    await this.dataSource.transaction(async (m) => {
      const [agency] = await m.query<{ id: number; name: string; kind: AgencyKind; usual_scope: string | null }[]>(
        `SELECT id, name, kind, usual_scope FROM agency WHERE id = $1 AND ${inScope(scope, 'id', '$2')} FOR UPDATE`,
        scope.all ? [id] : [id, [...scope.agencyIds]],
      );
      if (!agency) throw AgenciesException.notFound(input.id);
      const before = await registryFacts(m, id);

      if (input.name && input.name !== agency.name) {
        const [taken] = await m.query<unknown[]>(
          `SELECT 1 FROM agency WHERE name = $1 AND id <> $2 UNION ALL SELECT 1 FROM agency_alias WHERE alias = $1 AND agency_id <> $2 LIMIT 1`,
          [input.name, id],
        );
        if (taken) throw AgenciesException.nameTaken(input.name);
        // The old name stays findable: reports printed under it keep resolving to this agency.
        await m.query(`INSERT INTO agency_alias (alias, agency_id, origin) VALUES ($1, $2, 'manual') ON CONFLICT (alias) DO NOTHING`, [agency.name, id]);
        await m.query('DELETE FROM agency_alias WHERE alias = $1 AND agency_id = $2', [input.name, id]);
        await m.query('UPDATE agency SET name = $1 WHERE id = $2', [input.name, id]);
      }
      if (input.parentId !== undefined) await this.setParent(m, id, input.parentId, scope);
      if (input.kind && input.kind !== agency.kind) {
        await m.query('UPDATE agency SET kind = $1 WHERE id = $2', [input.kind, id]);
        const reports = await m.query<{ id: number }[]>('SELECT id FROM report WHERE agency_id = $1', [id]);
        await refreshDeadlines(
          m,
          reports.map((r) => r.id),
          input.kind as AgencyKind,
        );
      }
      if (input.level !== undefined) await m.query('UPDATE agency SET level = $1 WHERE id = $2', [input.level, id]);
      if (input.listingUrl !== undefined) await m.query('UPDATE agency SET listing_url = $1 WHERE id = $2', [input.listingUrl, id]);
      if (input.usualScope !== undefined && input.usualScope !== agency.usual_scope) {
        await m.query('UPDATE agency SET usual_scope = $1 WHERE id = $2', [input.usualScope, id]);
        await appendAudit(m, {
          actor,
          action: 'agency.usualScopeChanged',
          before: agency.usual_scope,
          after: input.usualScope,
          detail: { agencyId: id, agency: agency.name },
        });
        await refreshScopeFindings(m, id);
      }
      if (input.removeAliases?.length) {
        await m.query('DELETE FROM agency_alias WHERE agency_id = $1 AND alias = ANY($2::text[])', [id, input.removeAliases]);
      }
      for (const alias of new Set(input.addAliases ?? [])) {
        const [owner] = await m.query<{ id: number }[]>(
          `SELECT id FROM agency WHERE name = $1 UNION ALL SELECT agency_id FROM agency_alias WHERE alias = $1 LIMIT 1`,
          [alias],
        );
        if (owner && owner.id !== id) throw AgenciesException.aliasTaken(alias);
        if (owner) continue;
        await m.query(`INSERT INTO agency_alias (alias, agency_id, origin) VALUES ($1, $2, 'manual')`, [alias, id]);
      }
      await appendAudit(m, { actor, action: 'agency.updated', before, after: await registryFacts(m, id), detail: { agencyId: id } });
    });
    return this.agencies.getById(input.id, scope);
  }

  /** Confirms a proposal: the import's agency is merged into `agencyId` (default: the proposed one). */
  async confirmMatch(proposalId: string, agencyId: string | null | undefined, scope: AgencyScope): Promise<AgencyModel> {
    const targetId = await this.dataSource.transaction(async (m) => {
      const proposal = await this.lockPendingProposal(m, proposalId, scope);
      const target = agencyId ? parseId(agencyId) : proposal.proposed_agency_id;
      if (target === null) throw AgenciesException.noProposedAgency(proposalId);
      if (!(await this.visible(target, scope, m))) throw AgenciesException.notFound(agencyId ?? String(target));
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
    return this.agencies.getById(toId(targetId), scope);
  }

  /** Rejects a proposal: the agency the import created stays a registry agency of its own. */
  async rejectMatch(proposalId: string, scope: AgencyScope): Promise<boolean> {
    await this.dataSource.transaction(async (m) => {
      const proposal = await this.lockPendingProposal(m, proposalId, scope);
      await m.query(`UPDATE agency_match_proposal SET status = 'rejected', resolved_agency_id = agency_id, resolved_at = now() WHERE id = $1`, [proposal.id]);
    });
    return true;
  }

  private async lockPendingProposal(m: EntityManager, proposalId: string, scope: AgencyScope) {
    const key = parseId(proposalId);
    const [proposal] =
      key === null
        ? []
        : await m.query<{ id: number; printed_name: string; agency_id: number | null; proposed_agency_id: number | null; status: string }[]>(
            `SELECT id, printed_name, agency_id, proposed_agency_id, status FROM agency_match_proposal
              WHERE id = $1 AND ${inScope(scope, 'agency_id', '$2')} FOR UPDATE`,
            scope.all ? [key] : [key, [...scope.agencyIds]],
          );
    if (!proposal) throw AgenciesException.proposalNotFound(proposalId);
    if (proposal.status !== 'pending') throw AgenciesException.proposalResolved(proposalId, proposal.status);
    return proposal;
  }

  /** Sets or clears the parent, refusing the agency itself or anything below it. */
  private async setParent(m: EntityManager, id: number, parentId: string | null, scope: AgencyScope): Promise<void> {
    if (parentId === null) {
      await m.query('UPDATE agency SET parent_id = NULL WHERE id = $1', [id]);
      return;
    }
    const parent = parseId(parentId);
    if (parent === null || !(await this.visible(parent, scope, m))) throw AgenciesException.notFound(parentId);
    const [cycle] = await m.query<unknown[]>(
      `WITH RECURSIVE below(id, depth) AS (
         SELECT $1::int, 0
         UNION ALL
         SELECT c.id, b.depth + 1 FROM agency c JOIN below b ON c.parent_id = b.id WHERE b.depth < ${MAX_TREE_DEPTH}
       )
       SELECT 1 FROM below WHERE id = $2 LIMIT 1`,
      [id, parent],
    );
    if (cycle) throw AgenciesException.parentCycle(toId(id), parentId);
    await m.query('UPDATE agency SET parent_id = $1 WHERE id = $2', [parent, id]);
  }

  private async visible(id: number, scope: AgencyScope, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!scope.all && !scope.agencyIds.includes(id)) return false;
    const rows = await m.query<unknown[]>('SELECT 1 FROM agency WHERE id = $1', [id]);
    return rows.length > 0;
  }
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
