/**
 * Collects reports from where agencies publish them. An address may be a report page (its text holds the
 * tables), a report page whose report is an attached PDF/DOCX/DOC/WPS, a file, or a listing page (政府信息公开年报
 * column) whose annual-report links are each collected. Everything fetched goes through WebFetcher (address
 * checks, size, time and rate bounds) and everything stored through the one ingest path (ReportIngestor via
 * IngestService: same bytes stored once, a changed report a new version). Every address fetched is remembered
 * in `fetched_url` with what came of it. Nothing here throws for a bad address: each gets an outcome.
 */
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR, type Actor } from '@ogi/database';
import type { IngestResult } from '@ogi/write-model/ingest';
import { PARSE_ERROR_MESSAGES, type FetchedUrlKind, type FetchedUrlStatus } from '@ogi/domain';
import { decodeText, declaredCharset } from '@ogi/parser';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { scopeConditionAt, type AgencyScope } from '../../common/access/agency-scope.js';
import { COLLECTOR_USER_AGENT } from '../../common/product.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { IngestService } from '../ingest/ingest.service.js';
import type { CollectOutcome, CollectedReport } from './collect-outcome.js';
import { FetchError } from './fetch/fetch-error.js';
import { HostRateLimiter } from './fetch/host-rate-limiter.js';
import { normaliseWebAddress } from './fetch/web-address.js';
import { WebFetcher, type FetchedContent } from './fetch/web-fetcher.js';
import { ATTACHMENT_PREFERENCE, annualReportYear, attachmentKind, linkLabel, linkReportYear, readPageLinks, type PageLink } from './page/page-links.js';

/** Most addresses in one request (GraphQL, CLI). */
export const MAX_URLS_PER_REQUEST = 50;
/** Most annual-report links followed on one listing page. */
const MAX_LINKS_PER_LISTING = 100;
/** Most attachments tried on one report page. */
const MAX_ATTACHMENTS_PER_PAGE = 5;
/** Addresses fetched at once (the per-host rate still spaces requests to one site). */
const CONCURRENCY = 4;
/** Meta-refresh hops followed from one page. */
const MAX_REFRESH_HOPS = 2;
/** Pages of one paged listing read (the first included): the reports due are on the first pages, newest first. */
const MAX_LISTING_PAGES = 10;

/**
 * What an address is expected to be. `any`: typed by a clerk (report page, file or listing). `report`: a link of
 * a listing (a report page or file; its own links are followed only to attachments). `attachment`: a file.
 * `listing`: a further page of a paged listing (its report links are collected; it is never a report itself).
 */
type Mode = 'any' | 'report' | 'attachment' | 'listing';

interface LinkContext {
  foundOn: string | null;
  linkText: string | null;
  linkYear: number | null;
}

const NO_LINK: LinkContext = { foundOn: null, linkText: null, linkYear: null };

/** A row of fetched_url, as read for the history. */
export interface FetchedUrlRow {
  id: number;
  url: string;
  kind: FetchedUrlKind;
  status: FetchedUrlStatus;
  report_id: number | null;
  attachment_url: string | null;
  found_on: string | null;
  link_text: string | null;
  link_year: number | null;
  final_url: string | null;
  content_type: string | null;
  byte_size: number | null;
  error_code: string | null;
  error_message: string | null;
  fetched_by: string | null;
  first_fetched_at: Date;
  last_fetched_at: Date;
}

let collectRuns = 0;

/** One batch of collecting: each address is fetched once per mode, even when several listings link to it. */
export class CollectRun {
  private readonly memo = new Map<string, Promise<CollectOutcome[]>>();
  /** The run's share of the parser workers: fetched files take turns with uploads and other runs. */
  readonly parseGroup = `collect-${++collectRuns}`;

  constructor(
    private readonly service: CollectService,
    readonly signal: AbortSignal | undefined,
    /** Who is collecting: recorded with every address fetched. */
    readonly actor: Actor,
  ) {}

  collect(url: string, mode: Mode, context: LinkContext = NO_LINK): Promise<CollectOutcome[]> {
    const key = `${mode} ${url}`;
    let outcomes = this.memo.get(key);
    if (!outcomes) {
      outcomes = this.service.collectOne(this, url, mode, context, 0).catch((err: unknown) => this.service.unexpected(url, context, err));
      this.memo.set(key, outcomes);
    }
    return outcomes;
  }

  /** The page number of each listing page reached through a paged listing's "next page" (first pages are 1). */
  private readonly listingPageNo = new Map<string, number>();

  /**
   * Whether `next`, the next page of listing page `from`, is read: within MAX_LISTING_PAGES, on the same site, and not
   * reached before in this run (a pager that loops back stops there).
   */
  followsNextPage(from: string, next: string): boolean {
    const pageNo = (this.listingPageNo.get(from) ?? 1) + 1;
    if (pageNo > MAX_LISTING_PAGES || this.listingPageNo.has(next) || this.memo.has(`listing ${next}`) || this.memo.has(`any ${next}`)) return false;
    if (new URL(next).host !== new URL(from).host) return false;
    this.listingPageNo.set(next, pageNo);
    return true;
  }

  /** Whether the address is already being collected in this run (in any mode). */
  has(url: string): boolean {
    return this.memo.has(`any ${url}`) || this.memo.has(`report ${url}`);
  }
}

@Injectable()
export class CollectService {
  private readonly logger = new Logger('Collect');
  private readonly fetcher: WebFetcher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ingest: IngestService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const c = config.collect;
    this.fetcher = new WebFetcher({
      policy: { allowPrivateNetworks: c.allowPrivateNetworks, allowedNetworks: c.allowedNetworks },
      maxBytes: c.maxBytes,
      timeoutMs: c.timeoutMs,
      idleTimeoutMs: c.idleTimeoutMs,
      maxRedirects: 5,
      userAgent: COLLECTOR_USER_AGENT,
      limiter: new HostRateLimiter(c.hostIntervalMs),
    });
  }

  /**
   * Addresses a clerk gave: report pages, files, listing pages. Outcomes come in the order of the addresses,
   * a listing followed by its links; each address appears once. `onOutcome` hears each as it is known.
   * With `recordBatch`, the run is an import batch (origin `url`) whose items — every report page, file or
   * attachment, not the listing pages themselves — are written as they are answered; `onBatch` hears its number.
   * `batchId` continues a batch `start` opened.
   */
  async collect(
    urls: readonly string[],
    options: {
      signal?: AbortSignal;
      actor?: Actor;
      onOutcome?: (o: CollectOutcome) => void;
      recordBatch?: boolean;
      onBatch?: (batchId: number) => void;
      batchId?: number;
    } = {},
  ): Promise<CollectOutcome[]> {
    const actor = options.actor ?? SYSTEM_ACTOR;
    const run = new CollectRun(this, options.signal, actor);
    const batchId = options.batchId ?? (options.recordBatch ? await this.ingest.batches.create('url', [], actor) : null);
    if (batchId !== null) options.onBatch?.(batchId);
    // A listing's link that was also given, or linked from two listings, is reported (and recorded) once.
    const seen = new Set<string>();
    const firstTime = (o: CollectOutcome) => {
      const key = `${o.kind === 'listing' ? 'listing' : 'item'} ${o.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    const outcomes = await mapLimited(urls, CONCURRENCY, async (given) => {
      let result: CollectOutcome[];
      try {
        result = await run.collect(normaliseWebAddress(given), 'any');
      } catch (err) {
        const e = err as FetchError;
        result = [failure(given.trim() || given, 'page', e.code, e.message, NO_LINK)];
      }
      const fresh = result.filter(firstTime);
      if (batchId !== null) for (const o of fresh) await this.recordItem(batchId, o);
      for (const o of fresh) options.onOutcome?.(o);
      return fresh;
    });
    if (batchId !== null) await this.ingest.batches.close(batchId);
    return outcomes.flat();
  }

  /**
   * Collects in the background, as an import batch of origin `url` whose number is returned at once; its items
   * appear as the addresses are answered (GraphQL `ingestBatch`). For runs that take minutes — a paged listing, many
   * addresses on one slow site — where a clerk should watch progress rather than wait on one request.
   */
  async start(urls: readonly string[], actor: Actor): Promise<number> {
    const batchId = await this.ingest.batches.create('url', [], actor);
    void this.collect(urls, { actor, batchId }).catch(async (err: unknown) => {
      this.logger.error(`Import batch ${batchId} from web addresses failed: ${err instanceof Error ? err.message : String(err)}`);
      await this.ingest.batches.close(batchId);
    });
    return batchId;
  }

  /** One answered address as an item of the run's import batch (a listing page is none: its links are). */
  private async recordItem(batchId: number, o: CollectOutcome): Promise<void> {
    if (o.status === 'listing') return;
    const where = { fileName: o.fileName ?? o.url, path: o.url };
    try {
      await this.ingest.batches.addFinished(
        batchId,
        o.status === 'failed' || !o.report
          ? { ...where, status: 'failed', error: o.error ?? { code: 'FETCH_FAILED', message: '未导入。' } }
          : { ...where, status: o.status, reportId: o.report.reportId },
      );
    } catch (err) {
      // The batch is bookkeeping, like fetched_url: the report is stored (or not) already and the clerk gets the outcome.
      this.logger.error(`Recording ${o.url} in import batch ${batchId} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** A new batch, for callers (the listing poll) that collect several addresses and read their outcomes. */
  startRun(signal: AbortSignal | undefined, actor: Actor): CollectRun {
    return new CollectRun(this, signal, actor);
  }

  /** @internal An address whose collecting failed unexpectedly (a bug, a database gone): answered, logged, never thrown. */
  unexpected(url: string, context: LinkContext, err: unknown): CollectOutcome[] {
    this.logger.error(`Collecting ${url} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return [failure(url, 'page', 'FETCH_FAILED', '处理该网址时出现内部错误，未导入。请稍后重试；如反复出现，请联系管理员。', context)];
  }

  /** @internal Collects one address; used through CollectRun, which makes sure it runs once. */
  async collectOne(run: CollectRun, url: string, mode: Mode, context: LinkContext, refreshHops: number): Promise<CollectOutcome[]> {
    const fetched = await this.fetcher.fetch(url, run.signal);
    const kindOf = (isPage: boolean) => (mode === 'attachment' ? 'attachment' : mode === 'listing' ? 'listing' : isPage ? 'page' : 'file');
    if (!fetched.ok) {
      const where = fetched.failedAt ? `（跳转到 ${fetched.failedAt} 时）` : '';
      return [await this.record(failure(url, kindOf(true), fetched.error.code, `${fetched.error.message}${where}`, context), null, run.actor)];
    }
    const isPage = looksLikeHtml(fetched);
    if (mode === 'listing') {
      if (!isPage)
        return [await this.record(failure(url, kindOf(false), 'NOT_AN_ANNUAL_REPORT', '列表的下一页不是网页，未读取。', context), fetched, run.actor)];
      const next = readPageLinks(decodeText(fetched.bytes, fetched.charset ?? declaredCharset(fetched.bytes)).text, fetched.finalUrl);
      return this.collectListing(run, url, fetched, reportLinksOf(next.links), next.nextPageUrl, context);
    }
    // A department user collects for its own agency only: another agency's report is refused (AGENCY_NOT_ALLOWED).
    const only = run.actor.onlyAgencyId ?? null;
    const ingested = await this.ingest.ingestBytes(fetched.bytes, fetched.fileName, {
      charset: fetched.charset,
      parseGroup: run.parseGroup,
      ...(only === null ? {} : { allowAgency: (agencyId: number) => agencyId === only }),
    });
    if (ingested.status !== 'failed') {
      return [await this.record(fromIngest(url, kindOf(isPage), ingested, context), fetched, run.actor)];
    }
    const pageWithoutTables = isPage && mode !== 'attachment' && (ingested.error.code === 'NOT_AN_ANNUAL_REPORT' || ingested.error.code === 'TABLES_NOT_FOUND');
    if (!pageWithoutTables) return [await this.record(fromIngest(url, kindOf(isPage), ingested, context), fetched, run.actor)];

    // A page without the tables: a listing of reports, a report page with an attachment, or neither.
    const html = decodeText(fetched.bytes, fetched.charset ?? declaredCharset(fetched.bytes)).text;
    const { title, links, refreshUrl, nextPageUrl } = readPageLinks(html, fetched.finalUrl);
    const reportLinks = reportLinksOf(links);
    // A page about one year's report (its title says so) with a link or two is a report page with attachments;
    // a page listing reports of several years, or of no year of its own, is a listing.
    const pageYear = annualReportYear(title);
    const listedYears = new Set(reportLinks.map((l) => l.year));
    if (mode === 'any' && reportLinks.length > 0 && (pageYear === null || listedYears.size >= 2)) {
      return this.collectListing(run, url, fetched, reportLinks, nextPageUrl, context);
    }

    const attachments = links
      .map((link) => ({ link, kind: attachmentKind(link) }))
      .filter((a): a is { link: PageLink; kind: NonNullable<ReturnType<typeof attachmentKind>> } => a.kind !== null)
      .sort((a, b) => ATTACHMENT_PREFERENCE[a.kind] - ATTACHMENT_PREFERENCE[b.kind])
      .slice(0, MAX_ATTACHMENTS_PER_PAGE);
    let attachmentFailure: CollectOutcome | null = null;
    for (const { link } of attachments) {
      const [outcome] = await run.collect(link.url, 'attachment', { foundOn: url, linkText: linkLabel(link), linkYear: context.linkYear });
      if (!outcome) continue;
      if (outcome.status === 'stored' || outcome.status === 'duplicate') {
        const page: CollectOutcome = { ...outcome, url, kind: 'page', attachmentUrl: link.url, ...context };
        return [await this.record(page, fetched, run.actor)];
      }
      attachmentFailure ??= outcome;
    }

    // Report links and nothing attached: a listing after all (e.g. one year's column of several agencies).
    if (mode === 'any' && reportLinks.length > 0 && !attachments.length) return this.collectListing(run, url, fetched, reportLinks, nextPageUrl, context);
    if (refreshUrl && refreshHops < MAX_REFRESH_HOPS && refreshUrl !== url && !attachments.length) {
      const followed = await this.collectOne(run, refreshUrl, mode, context, refreshHops + 1);
      const [first, ...rest] = followed;
      if (first) return [await this.record({ ...first, url }, fetched, run.actor), ...rest];
    }

    if (attachmentFailure) {
      const e = attachmentFailure.error!;
      return [
        await this.record(
          failure(url, 'page', e.code, `附件「${attachmentFailure.fileName ?? attachmentFailure.url}」：${e.message}`, context),
          fetched,
          run.actor,
        ),
      ];
    }
    const message =
      ingested.error.code === 'TABLES_NOT_FOUND'
        ? `${ingested.error.message}网页中也没有可读取的附件。`
        : mode === 'any'
          ? '该网页不是政府信息公开工作年度报告，网页中也没有年报附件或年报链接。'
          : PARSE_ERROR_MESSAGES.NOT_AN_ANNUAL_REPORT.zh;
    return [await this.record(failure(url, 'page', ingested.error.code, message, context), fetched, run.actor)];
  }

  private async collectListing(
    run: CollectRun,
    url: string,
    fetched: FetchedContent,
    reportLinks: ReportLink[],
    nextPageUrl: string | null,
    context: LinkContext,
  ): Promise<CollectOutcome[]> {
    const listing: CollectOutcome = {
      url,
      kind: 'listing',
      status: 'listing',
      report: null,
      fileName: fetched.fileName,
      error: null,
      ...context,
      attachmentUrl: null,
      reportLinks: reportLinks.length,
    };
    await this.record(listing, fetched, run.actor);
    const followed = reportLinks.slice(0, MAX_LINKS_PER_LISTING);
    const alreadyImported = await this.importedBefore(followed.map((l) => l.link.url));
    const children = await mapLimited(followed, CONCURRENCY, ({ link, year }) =>
      run.collect(link.url, 'report', { foundOn: url, linkText: linkLabel(link), linkYear: year }),
    );
    // A paged listing: its next page is read as a listing too, so older years' reports are found as well — while
    // this page still holds a report not imported before. Listings run newest first, so once a whole page is known
    // the older pages were read on an earlier run: the daily poll then asks a site for its first page only.
    const hasNew = followed.some((l) => !alreadyImported.has(l.link.url));
    const more =
      nextPageUrl && hasNew && run.followsNextPage(url, nextPageUrl)
        ? await run.collect(nextPageUrl, 'listing', { foundOn: url, linkText: '下一页', linkYear: null })
        : [];
    return [listing, ...children.flat(), ...more];
  }

  /** The addresses among `urls` that gave a report (stored or already present) when fetched before. */
  private async importedBefore(urls: readonly string[]): Promise<Set<string>> {
    if (!urls.length) return new Set();
    const rows: { url: string }[] = await this.dataSource.query(
      `SELECT url FROM fetched_url WHERE url = ANY($1::text[]) AND status IN ('stored', 'duplicate')`,
      [[...urls]],
    );
    return new Set(rows.map((r) => r.url));
  }

  /** Remembers the address and what came of it (one row per address, updated on each fetch). */
  private async record(o: CollectOutcome, fetched: FetchedContent | null, actor: Actor): Promise<CollectOutcome> {
    try {
      await this.dataSource.query(
        `INSERT INTO fetched_url (url, kind, status, report_id, attachment_url, found_on, link_text, link_year, final_url,
                                  content_type, byte_size, content_sha256, error_code, error_message, fetched_by, fetched_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (url) DO UPDATE SET
           kind = EXCLUDED.kind, status = EXCLUDED.status, report_id = EXCLUDED.report_id,
           attachment_url = EXCLUDED.attachment_url, found_on = COALESCE(EXCLUDED.found_on, fetched_url.found_on),
           link_text = COALESCE(EXCLUDED.link_text, fetched_url.link_text), link_year = COALESCE(EXCLUDED.link_year, fetched_url.link_year),
           final_url = EXCLUDED.final_url, content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size,
           content_sha256 = EXCLUDED.content_sha256, error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message,
           fetched_by = EXCLUDED.fetched_by, fetched_by_user_id = EXCLUDED.fetched_by_user_id, last_fetched_at = now()`,
        [
          o.url,
          o.kind,
          o.status,
          o.report?.reportId ?? null,
          o.attachmentUrl,
          o.foundOn,
          o.linkText?.slice(0, 500) ?? null,
          o.linkYear,
          fetched?.finalUrl ?? null,
          fetched?.contentType?.slice(0, 200) ?? null,
          fetched?.bytes.byteLength ?? null,
          fetched ? sha256(fetched.bytes) : null,
          o.error?.code ?? null,
          o.error?.message ?? null,
          actor.name,
          actor.userId,
        ],
      );
    } catch (err) {
      // Remembering is bookkeeping: the report itself is stored (or not) already; the clerk still gets the outcome.
      this.logger.error(`Recording ${o.url} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return o;
  }

  /**
   * The addresses fetched, most recent first, optionally with one status. A user limited to some agencies sees the
   * addresses that gave reports of those agencies only.
   */
  async history(scope: AgencyScope, status: FetchedUrlStatus | null, take: number, skip: number): Promise<{ items: FetchedUrlRow[]; total: number }> {
    const params: unknown[] = [status];
    const inScope = scope.all ? 'TRUE' : `f.report_id IS NOT NULL AND ${scopeConditionAt(scope, 'r.agency_id', params)}`;
    const where = `($1::text IS NULL OR f.status = $1) AND ${inScope}`;
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM fetched_url f LEFT JOIN report r ON r.id = f.report_id WHERE ${where}`,
      params,
    )) as [{ total: number }];
    const items: FetchedUrlRow[] = await this.dataSource.query(
      `SELECT f.* FROM fetched_url f LEFT JOIN report r ON r.id = f.report_id WHERE ${where}
        ORDER BY f.last_fetched_at DESC, f.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, take, skip],
    );
    return { items, total };
  }

  /** The address each report (in the scope) was fetched from — a page rather than its attachment — for Report.sourceUrl. */
  createLoaders(scope: AgencyScope): { sourceUrl: DataLoader<number, string | null> } {
    return {
      sourceUrl: new DataLoader(async (reportIds) => {
        const params: unknown[] = [[...reportIds]];
        const inScope = scopeConditionAt(scope, 'r.agency_id', params);
        const rows: { report_id: number; url: string }[] = await this.dataSource.query(
          `SELECT DISTINCT ON (f.report_id) f.report_id, f.url
             FROM fetched_url f JOIN report r ON r.id = f.report_id
            WHERE f.report_id = ANY($1::int[]) AND ${inScope}
            ORDER BY f.report_id, f.kind = 'attachment', f.first_fetched_at, f.id`,
          params,
        );
        const byReport = new Map(rows.map((r) => [r.report_id, r.url]));
        return reportIds.map((id) => byReport.get(id) ?? null);
      }),
    };
  }
}

function failure(url: string, kind: CollectOutcome['kind'], code: string, message: string, context: LinkContext): CollectOutcome {
  return { url, kind, status: 'failed', report: null, fileName: null, error: { code, message }, ...context, attachmentUrl: null, reportLinks: null };
}

function fromIngest(url: string, kind: CollectOutcome['kind'], r: IngestResult, context: LinkContext): CollectOutcome {
  const base = { url, kind, fileName: r.fileName, ...context, attachmentUrl: null, reportLinks: null };
  if (r.status === 'failed') return { ...base, status: 'failed', report: null, error: r.error };
  const report: CollectedReport = { reportId: r.reportId, agencyId: r.agencyId, agencyName: r.agencyName, year: r.year, version: r.version };
  return { ...base, status: r.status, report, error: null };
}

interface ReportLink {
  link: PageLink;
  year: number;
}

/** The links of a page whose titles look like annual reports, with the year each names. */
function reportLinksOf(links: readonly PageLink[]): ReportLink[] {
  return links.map((link) => ({ link, year: linkReportYear(link) })).filter((l): l is ReportLink => l.year !== null);
}

/** HTML by its declared type, or by its first bytes when the type is missing or generic. */
function looksLikeHtml(f: FetchedContent): boolean {
  const type = (f.contentType ?? '').toLowerCase();
  if (/html/.test(type)) return true;
  if (/pdf|msword|officedocument|wps|octet-stream|zip/.test(type) && !/^text\//.test(type)) {
    return /^\s*</.test(f.bytes.subarray(0, 64).toString('latin1')) && /<html|<!doctype html/i.test(f.bytes.subarray(0, 1024).toString('latin1'));
  }
  return /<html|<!doctype html|<body|<table|<a\s/i.test(f.bytes.subarray(0, 4096).toString('latin1'));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Runs `fn` over `items`, at most `limit` at a time; results in the order of the items. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
