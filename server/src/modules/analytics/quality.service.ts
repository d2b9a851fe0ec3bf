/**
 * What the data bureau checks every morning: which reports break which rules, and who has (not) published for
 * which year and when. Current report versions only, within the caller's scope.
 */
import { Injectable } from '@nestjs/common';
import { chinaDate, publicationDeadline, submissionStatus, type FindingStatus, type Severity, type SubmissionFilter } from '@ogi/domain';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import type { LoaderFactory } from '../../common/graphql/request-loaders.js';
import { discoveryOf } from '../collect/discovery.js';
import { toId } from '../../common/graphql/ids.js';
import type { ConnectionArgs } from '../../common/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.model.js';
import { keysetConnection, sortedConnection } from '../../common/pagination/keyset.js';
import { AGENCY_COLUMNS, agencyFromColumns, type AgencyColumns } from './analytics.service.js';
import { AgencySelectionService } from './agency-selection.service.js';
import { AnalyticsException } from './analytics.exception.js';
import type { AgencySelectionInput } from './dto/agency-selection.input.js';
import type { DataQualityModel, FindingPageModel, FindingRowModel } from './models/data-quality.model.js';
import type { SubmissionModel } from './models/submission.model.js';
import {
  DEFAULT_MATRIX_ORDER,
  matrixListName,
  matrixOrderKey,
  matrixRows,
  onlyKinds,
  summarizeSubmissions,
  type MatrixOrder,
  type SubmissionMatrixRow,
  type SubmissionYearSummary,
} from './submission-matrix.js';

/** Most agency × year rows one submissions query answers. */
export const MAX_SUBMISSION_ROWS = 100_000;

/** Errors before warnings before infos (never null: a severity outside the three sorts last). */
const SEVERITY_ORDER = `coalesce(array_position(ARRAY['error', 'warning', 'info'], f.severity::text), 4)`;

const FINDING_COLUMNS = `r.id AS report_id, r.year, f.rule, f.severity, f.status, f.cells, f.expected, f.actual, f.message_zh, f.message_en, ${AGENCY_COLUMNS}`;

type FindingListRow = AgencyColumns & {
  report_id: number;
  year: number;
  rule: string;
  severity: Severity;
  status: FindingStatus;
  cells: string[];
  expected: string | null;
  actual: string | null;
  message_zh: string;
  message_en: string;
};

function toFindingRow(r: FindingListRow): FindingRowModel {
  return {
    reportId: toId(r.report_id),
    agency: agencyFromColumns(r),
    year: r.year,
    rule: r.rule,
    severity: r.severity,
    status: r.status,
    cells: r.cells,
    expected: r.expected === null ? null : Number(r.expected),
    actual: r.actual === null ? null : Number(r.actual),
    messageZh: r.message_zh,
    messageEn: r.message_en,
  };
}

/**
 * The submissions of a request: every agency × year of a selection (unfiltered, as `QualityService.submissions`),
 * worked out at most once per request for the same years, selection and day. The quality page asks its tiles and a
 * page of its matrix in one operation; both are read from one computation of the province's 21 000 agency-years.
 * Only queries read it: a query operation writes nothing, so what it worked out stays true while it runs (the
 * mutations that answer with a submission compute theirs after their write).
 */
export interface SubmissionLoaders {
  all(years: readonly number[], selection: AgencySelectionInput | null | undefined): Promise<SubmissionModel[]>;
}

/** A selection as a memo key: the same agencies asked in any key order (and with absent or null fields) match. */
function selectionKey(selection: AgencySelectionInput | null | undefined): string {
  const s = selection ?? {};
  return JSON.stringify([s.agencyIds ?? null, s.parentId ?? null, s.includeDescendants ?? null, s.includeParent ?? null, s.kinds ?? null, s.levels ?? null]);
}

interface FindingFilter {
  rules?: readonly string[] | null;
  severities?: readonly string[] | null;
}

@Injectable()
export class QualityService implements LoaderFactory<SubmissionLoaders> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly selections: AgencySelectionService,
  ) {}

  createLoaders(scope: AgencyScope): SubmissionLoaders {
    const computed = new Map<string, Promise<SubmissionModel[]>>();
    return {
      all: (years, selection) => {
        const today = chinaDate(new Date());
        const key = JSON.stringify([[...new Set(years)].sort((a, b) => a - b), selectionKey(selection), today]);
        let rows = computed.get(key);
        if (rows === undefined) computed.set(key, (rows = this.submissions(years, selection, scope, today)));
        return rows;
      },
    };
  }

  async dataQuality(
    selection: AgencySelectionInput | null | undefined,
    years: readonly number[],
    filter: FindingFilter,
    scope: AgencyScope,
  ): Promise<DataQualityModel> {
    const agencyIds = await this.selections.resolve(selection, scope);
    const params = [agencyIds, [...new Set(years)], filter.rules?.length ? filter.rules : null, filter.severities?.length ? filter.severities : null];
    const findingFilter = `($3::text[] IS NULL OR f.rule = ANY($3::text[])) AND ($4::text[] IS NULL OR f.severity = ANY($4::text[]))`;
    const [byRule, byAgencyYear] = await Promise.all([
      this.dataSource.query<{ rule: string; severity: Severity; count: number }[]>(
        `SELECT f.rule, f.severity, count(*)::int AS count
           FROM report r JOIN report_finding f ON f.report_id = r.id
          WHERE r.is_current AND r.agency_id = ANY($1::int[]) AND r.year = ANY($2::int[]) AND ${findingFilter}
          GROUP BY f.rule, f.severity
          ORDER BY count DESC, f.rule, f.severity`,
        params,
      ),
      this.dataSource.query<(AgencyColumns & { year: number; report_id: number; errors: number; warnings: number; infos: number })[]>(
        `SELECT r.year, r.id AS report_id, ${AGENCY_COLUMNS},
                count(f.id) FILTER (WHERE f.severity = 'error')::int AS errors,
                count(f.id) FILTER (WHERE f.severity = 'warning')::int AS warnings,
                count(f.id) FILTER (WHERE f.severity = 'info')::int AS infos
           FROM report r
           JOIN agency a ON a.id = r.agency_id
           LEFT JOIN report_finding f ON f.report_id = r.id AND ${findingFilter}
          WHERE r.is_current AND r.agency_id = ANY($1::int[]) AND r.year = ANY($2::int[])
          GROUP BY r.id, a.id
          ORDER BY errors DESC, warnings DESC, infos DESC, a.name, r.year`,
        params,
      ),
    ]);
    return {
      byRule,
      byAgencyYear: byAgencyYear.map((r) => ({
        agency: agencyFromColumns(r),
        year: r.year,
        reportId: toId(r.report_id),
        errors: r.errors,
        warnings: r.warnings,
        infos: r.infos,
      })),
    };
  }

  async findings(
    selection: AgencySelectionInput | null | undefined,
    years: readonly number[] | null | undefined,
    filter: FindingFilter,
    page: { take: number; skip: number },
    scope: AgencyScope,
  ): Promise<FindingPageModel> {
    const { from, where, params } = await this.findingList(selection, years, filter, scope);
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<FindingListRow[]>(
        `SELECT ${FINDING_COLUMNS} ${from} WHERE ${where}
          ORDER BY r.year DESC, ${SEVERITY_ORDER}, a.name, f.id
          LIMIT $5 OFFSET $6`,
        [...params, page.take, page.skip],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from} WHERE ${where}`, params),
    ]);
    return { total: count?.total ?? 0, items: rows.map(toFindingRow) };
  }

  /** The same list, paged by cursor (the order of `findings`: year, severity, agency name, then the finding). */
  async findingsConnection(
    selection: AgencySelectionInput | null | undefined,
    years: readonly number[] | null | undefined,
    filter: FindingFilter,
    args: ConnectionArgs,
    scope: AgencyScope,
  ): Promise<Connection<FindingRowModel>> {
    const list = await this.findingList(selection, years, filter, scope);
    return keysetConnection(
      this.dataSource,
      {
        ...list,
        list: 'findings',
        key: [
          { sql: 'r.year', type: 'int', direction: 'DESC' },
          { sql: SEVERITY_ORDER, type: 'int', direction: 'ASC' },
          { sql: 'a.name', type: 'text', direction: 'ASC' },
          { sql: 'f.id', type: 'int', direction: 'ASC' },
        ],
        columns: FINDING_COLUMNS,
      },
      args,
      toFindingRow,
    );
  }

  /** Which findings the lists hold (offset and cursor alike): current reports of the selection, within the scope. */
  private async findingList(
    selection: AgencySelectionInput | null | undefined,
    years: readonly number[] | null | undefined,
    filter: FindingFilter,
    scope: AgencyScope,
  ): Promise<{ from: string; where: string; params: unknown[] }> {
    const agencyIds = await this.selections.resolve(selection, scope);
    return {
      from: 'FROM report r JOIN report_finding f ON f.report_id = r.id JOIN agency a ON a.id = r.agency_id',
      where: `r.is_current AND r.agency_id = ANY($1::int[]) AND ($2::int[] IS NULL OR r.year = ANY($2::int[]))
        AND ($3::text[] IS NULL OR f.rule = ANY($3::text[])) AND ($4::text[] IS NULL OR f.severity = ANY($4::text[]))`,
      params: [
        agencyIds,
        years?.length ? [...new Set(years)] : null,
        filter.rules?.length ? filter.rules : null,
        filter.severities?.length ? filter.severities : null,
      ],
    };
  }

  /** The tiles: per year asked (newest first), how many agencies stand in each status. */
  async submissionSummary(
    years: readonly number[],
    selection: AgencySelectionInput | null | undefined,
    loaders: SubmissionLoaders,
  ): Promise<SubmissionYearSummary[]> {
    return summarizeSubmissions(await loaders.all(years, selection), years);
  }

  /**
   * A page of the agency × year matrix: the agencies (all, or those with an agency-year matching `filter`), in the
   * order asked, by cursor. Worked out over the whole selection in memory (statuses depend on today), but only the
   * page is sent: a province's 21 000 rows cost far more to serialise than to compute.
   */
  async submissionMatrix(
    years: readonly number[],
    selection: AgencySelectionInput | null | undefined,
    filter: { filter?: SubmissionFilter | null; filterYear?: number | null },
    order: Partial<MatrixOrder>,
    args: ConnectionArgs,
    loaders: SubmissionLoaders,
  ): Promise<Connection<SubmissionMatrixRow>> {
    const by = order.by ?? DEFAULT_MATRIX_ORDER.by;
    const full: MatrixOrder = { by, year: order.year ?? null, direction: order.direction ?? (by === 'AGENCY' ? 'ASC' : 'DESC') };
    if (by === 'YEAR' && (full.year === null || !years.includes(full.year))) throw AnalyticsException.yearNotAsked('sortYear', full.year ?? 0, years);
    const filterYear = filter.filterYear ?? null;
    if (filterYear !== null && !years.includes(filterYear)) throw AnalyticsException.yearNotAsked('filterYear', filterYear, years);
    const rows = matrixRows(await loaders.all(years, selection), filter.filter ?? null, filterYear);
    return sortedConnection(matrixListName(full), matrixOrderKey(full), rows, args);
  }

  /** Every selected agency × year: ON_TIME, LATE, DATE_UNKNOWN, MISSING, NOT_CHECKED or NOT_DUE; newest year first, then by name. */
  async submissions(
    years: readonly number[],
    selection: AgencySelectionInput | null | undefined,
    scope: AgencyScope,
    today = chinaDate(new Date()),
    only: readonly SubmissionFilter[] | null = null,
  ): Promise<SubmissionModel[]> {
    const yearList = [...new Set(years)].sort((a, b) => b - a);
    const agencyIds = await this.selections.resolve(selection, scope);
    if (agencyIds.length * yearList.length > MAX_SUBMISSION_ROWS) {
      throw AnalyticsException.resultTooLarge(agencyIds.length * yearList.length, MAX_SUBMISSION_ROWS);
    }
    // Set-based and in four narrow parts, put together here: the agencies (once each, in name order), the current
    // reports with their failing checks and the address each was fetched from (a page before an attachment, the
    // first fetch first), the latest listing check of each agency-year (what the agency's site shows) with the
    // latest one that found no report (MISSING needs that evidence, or an editor's mark; its China date), and the
    // marks. A province is 21 000 agency-years: one wide row per agency-year, sorted by name in the database, cost
    // as much to sort, send and parse as everything else together.
    const [agencyRows, reportRows, checkRows, markRows] = await Promise.all([
      this.dataSource.query<AgencyColumns[]>(`SELECT ${AGENCY_COLUMNS} FROM agency a WHERE a.id = ANY($1::int[]) ORDER BY a.name, a.id`, [agencyIds]),
      this.dataSource.query<
        {
          agency_id: number;
          year: number;
          report_id: number;
          published_on: string | null;
          days_late: number | null;
          failing: number | null;
          report_url: string | null;
        }[]
      >(
        `WITH rep AS (
           SELECT r.id, r.agency_id, r.year, r.published_on, r.days_late
             FROM unnest($1::int[]) AS s(agency_id) JOIN report r ON r.agency_id = s.agency_id
            WHERE r.is_current AND r.year = ANY($2::int[])
         ),
         failing AS (
           SELECT x.report_id, count(*)::int AS failing FROM report_finding x
            WHERE x.status = 'failed' AND x.severity = 'error' AND x.report_id IN (SELECT id FROM rep) GROUP BY x.report_id
         ),
         urls AS (
           SELECT DISTINCT ON (fu.report_id) fu.report_id, fu.url FROM fetched_url fu WHERE fu.report_id IN (SELECT id FROM rep)
            ORDER BY fu.report_id, fu.kind = 'attachment', fu.first_fetched_at, fu.id
         )
         SELECT r.agency_id, r.year, r.id AS report_id, to_char(r.published_on, 'YYYY-MM-DD') AS published_on, r.days_late, f.failing,
                u.url AS report_url
           FROM rep r LEFT JOIN failing f ON f.report_id = r.id LEFT JOIN urls u ON u.report_id = r.id`,
        [agencyIds, yearList],
      ),
      this.dataSource.query<
        { agency_id: number; year: number; outcome: string; found_url: string | null; detail: string | null; checked_at: Date; not_found_on: string | null }[]
      >(
        `SELECT DISTINCT ON (c.agency_id, c.year) c.agency_id, c.year, c.outcome, c.found_url, c.detail, c.checked_at,
                to_char(max(c.checked_at) FILTER (WHERE c.outcome = 'NOT_FOUND') OVER (PARTITION BY c.agency_id, c.year)
                  AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS not_found_on
           FROM unnest($1::int[]) AS s(agency_id) JOIN listing_check c ON c.agency_id = s.agency_id
          WHERE c.year = ANY($2::int[])
          ORDER BY c.agency_id, c.year, c.checked_at DESC, c.id DESC`,
        [agencyIds, yearList],
      ),
      this.dataSource.query<{ agency_id: number; year: number; note: string; marked_by: string; marked_at: Date }[]>(
        `SELECT m.agency_id, m.year, m.note, m.marked_by, m.marked_at
           FROM unnest($1::int[]) AS s(agency_id) JOIN submission_missing_mark m ON m.agency_id = s.agency_id
          WHERE m.year = ANY($2::int[])`,
        [agencyIds, yearList],
      ),
    ]);
    /** One key per agency-year (years have four digits). */
    const agencyYear = (agencyId: number, year: number) => agencyId * 10_000 + year;
    const reports = new Map(reportRows.map((r) => [agencyYear(r.agency_id, r.year), r]));
    const checks = new Map(checkRows.map((c) => [agencyYear(c.agency_id, c.year), c]));
    const marks = new Map(markRows.map((m) => [agencyYear(m.agency_id, m.year), m]));
    // One agency object per agency, not per agency-year (a province's 21 000 rows hold 3 000 agencies).
    const agencies = agencyRows.map((a) => ({ id: a.agency_id, agency: agencyFromColumns(a), kind: a.agency_kind }));
    const submissions: SubmissionModel[] = [];
    for (const year of yearList) {
      for (const { id, agency, kind } of agencies) {
        const key = agencyYear(id, year);
        const r = reports.get(key);
        const check = checks.get(key);
        const mark = marks.get(key);
        // Deadlines follow from the agency's kind (stored reports are kept in step when the kind changes: refreshDeadlines).
        const deadline = publicationDeadline(year, kind);
        const found = discoveryOf({
          reportId: r?.report_id ?? null,
          reportUrl: r?.report_url ?? null,
          outcome: check?.outcome ?? null,
          foundUrl: check?.found_url ?? null,
          detail: check?.detail ?? null,
          checkedAt: check?.checked_at ?? null,
        });
        submissions.push({
          agency,
          year,
          status: submissionStatus(
            r ? { publishedOn: r.published_on, daysLate: r.days_late } : null,
            deadline,
            today,
            r ? null : (check?.not_found_on ?? null),
            mark !== undefined,
          ),
          reportId: r ? toId(r.report_id) : null,
          publishedOn: r?.published_on ?? null,
          deadline,
          daysLate: r?.days_late ?? null,
          failingChecks: r?.failing ?? 0,
          missingMark: mark ? { note: mark.note, markedBy: mark.marked_by, markedAt: mark.marked_at } : null,
          discovery: found.state,
          discoveredUrl: found.url,
          discoveryDetail: found.detail,
          discoveryCheckedAt: found.checkedAt ? new Date(found.checkedAt).toISOString() : null,
        });
      }
    }
    return onlyKinds(submissions, only);
  }
}
