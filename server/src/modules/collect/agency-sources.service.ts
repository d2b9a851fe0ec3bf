/**
 * Where agencies publish their reports, as the registry knows it, and what the listing checks found: per-year
 * report addresses (editable), the latest checks of an agency, and the discovery state of an agency and year
 * for the submissions view.
 */
import { Injectable } from '@nestjs/common';
import { AgencyEntity } from '@ogi/database';
import type { DiscoveryState } from '@ogi/domain';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { scopeCondition, scopeConditionAt, type AgencyScope } from '../../common/access/agency-scope.js';
import { parseId, toId } from '../../common/graphql/ids.js';
import { AgenciesException } from '../agencies/agencies.exception.js';
import { toAgencyModel } from '../agencies/agencies.service.js';
import type { AgencyModel } from '../agencies/models/agency.model.js';
import { CollectException } from './collect.exception.js';
import { FetchError } from './fetch/fetch-error.js';
import { checkWebAddress } from './fetch/web-address.js';
import type { AgencyReportUrlModel, ListingCheckModel } from './models/listing-check.model.js';

export interface Discovery {
  state: DiscoveryState;
  /** The report's address: where the check found it, or where the imported report was fetched from. */
  url: string | null;
  detail: string | null;
  checkedAt: Date | null;
}

interface ListingCheckRow {
  id: number;
  agency_id: number;
  year: number;
  checked_at: Date;
  outcome: string;
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
  discovery: DataLoader<{ agencyId: number; year: number }, Discovery, string>;
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
    if (!agency) throw AgenciesException.notFound(agencyId);
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
          return keys.map((k) => rows.filter((r) => r.agency_id === k.agencyId && (k.year === null || r.year === k.year)).slice(0, k.take).map(toListingCheckModel));
        },
        { cacheKeyFn: (k) => `${k.agencyId}:${k.year}:${k.take}` },
      ),

      discovery: new DataLoader(
        async (keys) => {
          const params: unknown[] = [keys.map((k) => k.agencyId), keys.map((k) => k.year)];
          const inScope = scopeConditionAt(scope, 'k.agency_id', params);
          const rows: {
            agency_id: number;
            year: number;
            report_id: number | null;
            report_url: string | null;
            outcome: string | null;
            found_url: string | null;
            detail: string | null;
            checked_at: Date | null;
          }[] = await this.dataSource.query(
            `SELECT k.agency_id, k.year, r.id AS report_id,
                    (SELECT f.url FROM fetched_url f WHERE f.report_id = r.id
                      ORDER BY f.kind = 'attachment', f.first_fetched_at, f.id LIMIT 1) AS report_url,
                    c.outcome, c.found_url, c.detail, c.checked_at
               FROM unnest($1::int[], $2::int[]) AS k(agency_id, year)
               LEFT JOIN report r ON r.agency_id = k.agency_id AND r.year = k.year AND r.is_current
               LEFT JOIN LATERAL (
                 SELECT outcome, found_url, detail, checked_at FROM listing_check c
                  WHERE c.agency_id = k.agency_id AND c.year = k.year
                  ORDER BY c.checked_at DESC, c.id DESC LIMIT 1) c ON true
              WHERE ${inScope}`,
            params,
          );
          return keys.map((k) => {
            const r = rows.find((x) => x.agency_id === k.agencyId && x.year === k.year);
            if (!r) return { state: 'NOT_CHECKED' as const, url: null, detail: null, checkedAt: null };
            // A report in the database is imported, however it came (upload, file, fetched).
            if (r.report_id !== null) {
              return { state: 'IMPORTED' as const, url: r.report_url ?? (r.outcome === 'IMPORTED' ? r.found_url : null), detail: r.detail, checkedAt: r.checked_at };
            }
            if (r.outcome === null || r.outcome === 'IMPORTED') return { state: 'NOT_CHECKED' as const, url: null, detail: null, checkedAt: null };
            return { state: r.outcome as DiscoveryState, url: r.found_url, detail: r.detail, checkedAt: r.checked_at };
          });
        },
        { cacheKeyFn: (k) => `${k.agencyId}:${k.year}` },
      ),
    };
  }
}
