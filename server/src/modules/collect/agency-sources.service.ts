/**
 * Where agencies publish their reports, as the registry knows it, and what the listing checks found: per-year
 * report addresses (editable) and the latest checks of an agency (the submissions view reads the discovery state of
 * an agency and year with its rows: discovery.ts).
 */
import { Injectable } from '@nestjs/common';
import { AgencyEntity } from '@ogi/database';
import type { ListingCheckOutcome } from '@ogi/domain';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { scopeCondition, scopeConditionAt, type AgencyScope } from '../../common/access/agency-scope.js';
import { parseId, toId } from '../../common/graphql/ids.js';
import { AgencyRegistryError } from '@ogi/write-model/agencies';
import { toAgencyModel } from '../agencies/agencies.service.js';
import type { AgencyModel } from '../agencies/models/agency.model.js';
import { CollectException } from './collect.exception.js';
import { FetchError } from './fetch/fetch-error.js';
import { checkWebAddress } from './fetch/web-address.js';
import type { AgencyReportUrlModel, ListingCheckModel } from './models/listing-check.model.js';

interface ListingCheckRow {
  id: number;
  agency_id: number;
  year: number;
  checked_at: Date;
  outcome: ListingCheckOutcome;
  listing_url: string;
  found_url: string | null;
  report_id: number | null;
  error_code: string | null;
  detail: string | null;
  checked_by: string | null;
}

export function toListingCheckModel(r: ListingCheckRow): ListingCheckModel {
  return {
    id: toId(r.id),
    agencyId: r.agency_id,
    year: r.year,
    checkedAt: new Date(r.checked_at).toISOString(),
    outcome: r.outcome,
    listingUrl: r.listing_url,
    foundUrl: r.found_url,
    reportId: r.report_id === null ? null : toId(r.report_id),
    errorCode: r.error_code,
    detail: r.detail,
    checkedBy: r.checked_by,
  };
}

export interface AgencySourceLoaders {
  reportUrls: DataLoader<number, AgencyReportUrlModel[]>;
  latestChecks: DataLoader<{ agencyId: number; year: number | null; take: number }, ListingCheckModel[], string>;
}

@Injectable()
export class AgencySourcesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets or (url null) removes the address of an agency's report for a year; answers the agency. */
  async setReportUrl(scope: AgencyScope, agencyId: string, year: number, url: string | null | undefined): Promise<AgencyModel> {
    const id = parseId(agencyId);
    const inScope = scopeCondition(scope, 'a.id');
    const agency =
      id === null
        ? null
        : await this.dataSource.getRepository(AgencyEntity).createQueryBuilder('a').where('a.id = :id', { id }).andWhere(inScope.sql, inScope.params).getOne();
    if (!agency) throw AgencyRegistryError.notFound(agencyId);
    if (url === null || url === undefined || !url.trim()) {
      await this.dataSource.query('DELETE FROM agency_report_url WHERE agency_id = $1 AND year = $2', [agency.id, year]);
      return toAgencyModel(agency);
    }
    let checked: string;
    try {
      checked = checkWebAddress(url).href;
    } catch (err) {
      throw CollectException.invalidUrl((err as FetchError).message, url);
    }
    await this.dataSource.query(
      `INSERT INTO agency_report_url (agency_id, year, url) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id, year) DO UPDATE SET url = EXCLUDED.url, updated_at = now()`,
      [agency.id, year, checked],
    );
    return toAgencyModel(agency);
  }

  /** Loaders for one request; agencies outside the scope have no addresses, checks or discovery. */
  createLoaders(scope: AgencyScope): AgencySourceLoaders {
    return {
      reportUrls: new DataLoader(async (agencyIds) => {
        const params: unknown[] = [[...agencyIds]];
        const inScope = scopeConditionAt(scope, 'agency_id', params);
        const rows: { agency_id: number; year: number; url: string }[] = await this.dataSource.query(
          `SELECT agency_id, year, url FROM agency_report_url WHERE agency_id = ANY($1::int[]) AND ${inScope} ORDER BY year DESC`,
          params,
        );
        return agencyIds.map((id) => rows.filter((r) => r.agency_id === id).map((r) => ({ year: r.year, url: r.url })));
      }),

      latestChecks: new DataLoader(
        async (keys) => {
          const params: unknown[] = [keys.map((k) => k.agencyId), keys.map((k) => k.year), keys.map((k) => k.take)];
          const inScope = scopeConditionAt(scope, 'k.agency_id', params);
          const rows: ListingCheckRow[] = await this.dataSource.query(
            `SELECT c.* FROM unnest($1::int[], $2::int[], $3::int[]) AS k(agency_id, year, take)
               CROSS JOIN LATERAL (
                 SELECT * FROM listing_check c
                  WHERE c.agency_id = k.agency_id AND (k.year IS NULL OR c.year = k.year)
                  ORDER BY c.checked_at DESC, c.id DESC LIMIT k.take) c
              WHERE ${inScope}`,
            params,
          );
          return keys.map((k) =>
            rows
              .filter((r) => r.agency_id === k.agencyId && (k.year === null || r.year === k.year))
              .slice(0, k.take)
              .map(toListingCheckModel),
          );
        },
        { cacheKeyFn: (k) => `${k.agencyId}:${k.year}:${k.take}` },
      ),
    };
  }
}
