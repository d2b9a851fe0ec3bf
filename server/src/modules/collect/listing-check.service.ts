/**
 * Checks agencies' listing pages (政府信息公开年报 columns) for the report of a data year and records what was
 * found: IMPORTED (the agency's report for the year is in the database, fetched now or already there),
 * PUBLISHED_NOT_IMPORTED (a link for the year is there but could not be imported — a scan, a dead link),
 * NOT_FOUND (no report of this agency for the year on the page) or FAILED (the listing page itself could not be
 * fetched). Whatever annual reports the page lists are imported on the way. Used by the scheduled poll and by
 * the checkListings mutation.
 */
import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, type Actor } from '@ogi/database';
import { latestDueYear, type AgencyKind, type ListingCheckOutcome } from '@ogi/domain';
import { DataSource } from 'typeorm';
import { scopeCondition, type AgencyScope } from '../../common/access/agency-scope.js';
import type { CollectOutcome } from './collect-outcome.js';
import { CollectService, mapLimited, type CollectRun } from './collect.service.js';
import { FetchError } from './fetch/fetch-error.js';
import { normaliseWebAddress } from './fetch/web-address.js';

export interface ListingCheckRecord {
  id: number;
  agencyId: number;
  agencyName: string;
  year: number;
  checkedAt: Date;
  outcome: ListingCheckOutcome;
  listingUrl: string;
  foundUrl: string | null;
  reportId: number | null;
  errorCode: string | null;
  detail: string | null;
  checkedBy: string | null;
}

interface CheckedAgency {
  id: number;
  name: string;
  kind: AgencyKind;
  listingUrl: string | null;
}

export interface CheckListingsOptions {
  /** The moment the deadlines are judged at (default now; the check is recorded at the real time). */
  at?: Date;
  /** Check for this data year instead of each agency's latest year due. */
  year?: number | null;
  /** Only these agencies. */
  agencyIds?: readonly number[] | null;
  signal?: AbortSignal;
  /** Who runs the check (default `system`, the scheduled poll). */
  actor?: Actor;
}

/** Agencies checked at once; the per-host rate keeps a shared portal from being hammered. */
const AGENCY_CONCURRENCY = 4;

type Verdict = Omit<ListingCheckRecord, 'id' | 'agencyId' | 'agencyName' | 'year' | 'checkedAt' | 'listingUrl' | 'checkedBy'>;

@Injectable()
export class ListingCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly collector: CollectService,
  ) {}

  /** Checks every agency (in scope) that has a listing page or a report address; one record per agency. */
  async checkListings(scope: AgencyScope, options: CheckListingsOptions = {}): Promise<ListingCheckRecord[]> {
    const at = options.at ?? new Date();
    const inScope = scopeCondition(scope, 'a.id');
    const qb = this.dataSource
      .createQueryBuilder()
      .select(['a.id AS id', 'a.name AS name', 'a.kind AS kind', 'a.listing_url AS "listingUrl"'])
      .from('agency', 'a')
      .where(`(a.listing_url IS NOT NULL OR EXISTS (SELECT 1 FROM agency_report_url u WHERE u.agency_id = a.id))`)
      .andWhere(inScope.sql, inScope.params)
      .orderBy('a.name', 'ASC');
    if (options.agencyIds) qb.andWhere('a.id = ANY(:agencyIds)', { agencyIds: [...options.agencyIds] });
    const agencies = await qb.getRawMany<CheckedAgency>();

    const actor = options.actor ?? SYSTEM_ACTOR;
    const run = this.collector.startRun(options.signal, actor);
    const records = await mapLimited(agencies, AGENCY_CONCURRENCY, async (agency) => {
      const year = options.year ?? latestDueYear(agency.kind, at);
      const [reportUrl] = await this.dataSource.query<{ url: string }[]>('SELECT url FROM agency_report_url WHERE agency_id = $1 AND year = $2', [
        agency.id,
        year,
      ]);
      if (!agency.listingUrl && !reportUrl) return null;
      const verdict = await this.check(run, agency, year, reportUrl?.url ?? null);
      return this.save(agency, year, agency.listingUrl ?? reportUrl!.url, verdict, actor);
    });
    return records.filter((r): r is ListingCheckRecord => r !== null);
  }

  private async check(run: CollectRun, agency: CheckedAgency, year: number, reportUrl: string | null): Promise<Verdict> {
    const outcomes: CollectOutcome[] = [];
    let listingFailure: { code: string; message: string } | null = null;
    if (agency.listingUrl) {
      const fromListing = await this.collectAddress(run, agency.listingUrl, 'any', null);
      const own = fromListing[0];
      if (own?.status === 'failed') listingFailure = own.error;
      outcomes.push(...fromListing);
    }
    if (reportUrl) outcomes.push(...(await this.collectAddress(run, reportUrl, 'report', year)));

    const imported = outcomes.find((o) => o.report && o.report.agencyId === agency.id && o.report.year === year);
    if (imported) {
      return {
        outcome: 'IMPORTED',
        foundUrl: imported.url,
        reportId: imported.report!.reportId,
        errorCode: null,
        detail: `${imported.status === 'stored' ? '已导入' : '已在库中'}：${imported.report!.agencyName} ${year} 年年报（第 ${imported.report!.version} 版）。`,
      };
    }
    const published = outcomes.find((o) => o.status === 'failed' && o.linkYear === year);
    if (published) {
      return {
        outcome: 'PUBLISHED_NOT_IMPORTED',
        foundUrl: published.url,
        reportId: null,
        errorCode: published.error!.code,
        detail: `找到 ${year} 年年报「${published.linkText ?? published.url}」，但未能导入：${published.error!.message}`,
      };
    }
    if (listingFailure && !outcomes.some((o) => o.report)) {
      return { outcome: 'FAILED', foundUrl: null, reportId: null, errorCode: listingFailure.code, detail: `年报栏目页无法读取：${listingFailure.message}` };
    }
    const others = [...new Set(outcomes.filter((o) => o.report && o.report.year === year).map((o) => o.report!.agencyName))];
    if (others.length) {
      return {
        outcome: 'NOT_FOUND',
        foundUrl: null,
        reportId: null,
        errorCode: null,
        detail: `栏目页上 ${year} 年的年报属于其他机关（${others.join('、')}），没有${agency.name}的。如为同一机关，请在机关名录中添加别名。`,
      };
    }
    const links = outcomes.filter((o) => o.foundOn !== null && o.linkYear !== null).length;
    return {
      outcome: 'NOT_FOUND',
      foundUrl: null,
      reportId: null,
      errorCode: null,
      detail: links ? `栏目页上没有 ${year} 年的年报（共有 ${links} 份其他年度的年报链接）。` : `栏目页上没有 ${year} 年的年报，也没有其他年报链接。`,
    };
  }

  private async collectAddress(run: CollectRun, address: string, mode: 'any' | 'report', linkYear: number | null): Promise<CollectOutcome[]> {
    let url: string;
    try {
      url = normaliseWebAddress(address);
    } catch (err) {
      const e = err as FetchError;
      return [
        {
          url: address,
          kind: 'page',
          status: 'failed',
          report: null,
          fileName: null,
          error: { code: e.code, message: e.message },
          foundOn: null,
          linkText: null,
          linkYear,
          attachmentUrl: null,
          reportLinks: null,
        },
      ];
    }
    return run.collect(url, mode, { foundOn: null, linkText: null, linkYear });
  }

  private async save(agency: CheckedAgency, year: number, listingUrl: string, v: Verdict, actor: Actor): Promise<ListingCheckRecord> {
    const [row] = await this.dataSource.query<{ id: number; checked_at: Date }[]>(
      `INSERT INTO listing_check (agency_id, year, outcome, listing_url, found_url, report_id, error_code, detail, checked_by, checked_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, checked_at`,
      [agency.id, year, v.outcome, listingUrl, v.foundUrl, v.reportId, v.errorCode, v.detail, actor.name, actor.userId],
    );
    return { id: row!.id, agencyId: agency.id, agencyName: agency.name, year, checkedAt: row!.checked_at, listingUrl, checkedBy: actor.name, ...v };
  }
}
