import { Injectable } from '@nestjs/common';
import { AgencyAliasEntity, AgencyEntity } from '@ogi/database';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { scopeCondition, type AgencyScope } from '../../common/access/agency-scope.js';
import { parseId, toId } from '../../common/graphql/ids.js';
import { AgencyRegistryError } from '@ogi/write-model/agencies';
import type { AgencyModel } from './models/agency.model.js';

/** Per-request batch loaders of the agencies domain (no N+1). */
export interface AgencyLoaders {
  byId: DataLoader<number, AgencyModel | null>;
  aliases: DataLoader<number, string[]>;
}

export function toAgencyModel(e: AgencyEntity): AgencyModel {
  return { id: toId(e.id), name: e.name, kind: e.kind, level: e.level, listingUrl: e.listingUrl, usualScope: e.usualScope, parentId: e.parentId };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class AgenciesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Agencies in the scope by name, optionally those whose name or alias contains `search`. */
  async findPage(scope: AgencyScope, search: string | null | undefined, take: number, skip: number): Promise<{ items: AgencyModel[]; total: number }> {
    const inScope = scopeCondition(scope, 'a.id');
    const qb = this.dataSource.getRepository(AgencyEntity).createQueryBuilder('a').where(inScope.sql, inScope.params);
    const term = search?.trim();
    if (term) {
      qb.andWhere(`(a.name ILIKE :pattern OR EXISTS (SELECT 1 FROM agency_alias x WHERE x.agency_id = a.id AND x.alias ILIKE :pattern))`, {
        pattern: `%${escapeLike(term)}%`,
      });
    }
    const [rows, total] = await qb.orderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC').take(take).skip(skip).getManyAndCount();
    return { items: rows.map(toAgencyModel), total };
  }

  /** One agency; outside the scope it does not exist (NOT_FOUND, so a department user learns nothing of others). */
  async getById(id: string, scope: AgencyScope): Promise<AgencyModel> {
    const key = parseId(id);
    const inScope = scopeCondition(scope, 'a.id');
    const row =
      key === null
        ? null
        : await this.dataSource
            .getRepository(AgencyEntity)
            .createQueryBuilder('a')
            .where('a.id = :key', { key })
            .andWhere(inScope.sql, inScope.params)
            .getOne();
    if (!row) throw AgencyRegistryError.notFound(id);
    return toAgencyModel(row);
  }

  /** Loaders for one request; an agency outside the scope loads as null. */
  createLoaders(scope: AgencyScope): AgencyLoaders {
    const inScope = scopeCondition(scope, 'a.id');
    return {
      byId: new DataLoader(async (ids) => {
        const rows = await this.dataSource
          .getRepository(AgencyEntity)
          .createQueryBuilder('a')
          .where('a.id = ANY(:ids)', { ids: [...ids] })
          .andWhere(inScope.sql, inScope.params)
          .getMany();
        const byId = new Map(rows.map((r) => [r.id, toAgencyModel(r)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      aliases: new DataLoader(async (ids) => {
        const rows = await this.dataSource
          .getRepository(AgencyAliasEntity)
          .createQueryBuilder('x')
          .where('x.agency_id = ANY(:ids)', { ids: [...ids] })
          .orderBy('x.alias', 'ASC')
          .getMany();
        return ids.map((id) => rows.filter((r) => r.agencyId === id).map((r) => r.alias));
      }),
    };
  }
}
