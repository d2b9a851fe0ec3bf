/**
 * The registry as the data bureau edits it: the tree (for pickers), corrections to an agency (name, parent,
 * kind, level, listing page, aliases), and the queue of names imports did not know. The writes themselves are
 * @ogi/write-model's (`@ogi/write-model/agencies`); this service reads, parses API ids and maps to models.
 */
import { Injectable } from '@nestjs/common';
import type { Actor } from '@ogi/database';
import { AgencyRegistryError, agencyVisible, confirmAgencyMatch, rejectAgencyMatch, updateAgency } from '@ogi/write-model/agencies';
import type { AgencyKind, AgencyLevel, AgencyMatchReason } from '@ogi/domain';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { parseId, toId } from '../../common/graphql/ids.js';
import { AgenciesService } from './agencies.service.js';
import type { UpdateAgencyInput } from './dto/update-agency.input.js';
import type { AgencyMatchProposalModel } from './models/agency-match-proposal.model.js';
import type { AgencyNodeModel } from './models/agency-node.model.js';
import type { AgencyModel } from './models/agency.model.js';

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
      if (key === null || !(await agencyVisible(this.dataSource.manager, key, scope))) throw AgencyRegistryError.notFound(parentId);
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
        reason: AgencyMatchReason | null;
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

  /** Corrects an agency through the write model, all or nothing and audited; the agency as it now stands. */
  async update(input: UpdateAgencyInput, scope: AgencyScope, actor: Actor): Promise<AgencyModel> {
    const id = parseId(input.id);
    if (id === null) throw AgencyRegistryError.notFound(input.id);
    let parentId: number | null | undefined = undefined;
    if (input.parentId !== undefined) {
      parentId = input.parentId === null ? null : parseId(input.parentId);
      if (parentId === null && input.parentId !== null) throw AgencyRegistryError.notFound(input.parentId);
    }
    await updateAgency(
      this.dataSource,
      {
        id,
        name: input.name,
        parentId,
        kind: input.kind as AgencyKind | null | undefined,
        level: input.level,
        listingUrl: input.listingUrl,
        usualScope: input.usualScope,
        addAliases: input.addAliases,
        removeAliases: input.removeAliases,
      },
      scope,
      actor,
    );
    return this.agencies.getById(input.id, scope);
  }

  /** Confirms a proposal: the import's agency is merged into `agencyId` (default: the proposed one). */
  async confirmMatch(proposalId: string, agencyId: string | null | undefined, scope: AgencyScope): Promise<AgencyModel> {
    const key = parseId(proposalId);
    if (key === null) throw AgencyRegistryError.proposalNotFound(proposalId);
    const target = agencyId ? parseId(agencyId) : null;
    if (agencyId && target === null) throw AgencyRegistryError.notFound(agencyId);
    return this.agencies.getById(toId(await confirmAgencyMatch(this.dataSource, key, target, scope)), scope);
  }

  /** Rejects a proposal: the agency the import created stays a registry agency of its own. */
  async rejectMatch(proposalId: string, scope: AgencyScope): Promise<boolean> {
    const key = parseId(proposalId);
    if (key === null) throw AgencyRegistryError.proposalNotFound(proposalId);
    await rejectAgencyMatch(this.dataSource, key, scope);
    return true;
  }
}
