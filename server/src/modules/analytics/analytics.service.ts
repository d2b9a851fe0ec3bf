/**
 * Metric queries over many reports: comparisons, rankings, roll-ups (and time series), breakdowns. Set-based
 * SQL over report_metric and report_breakdown_part, current report versions only, always within the caller's scope.
 * Formulas, labels and how ratios combine come from @ogi/domain, never from here.
 */
import { Injectable } from '@nestjs/common';
import { AgencyEntity } from '@ogi/database';
import {
  HANDLED_APPLICATIONS_METRIC,
  BREAKDOWNS,
  METRIC_BY_CODE,
  breakdownShares,
  isRatioMetric,
  metricValueFromSums,
  RANKING_EXCLUDED_QUALITIES,
  type AgencyKind,
  type AgencyLevel,
  type BreakdownDimension,
  type CellValue,
  type MetricDefinition,
  type MetricQuality,
  type NarrativeFactKind,
  type ReportScope,
  type SortDirection,
} from '@ogi/domain';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { toId } from '../../common/graphql/ids.js';
import { toAgencyModel } from '../agencies/agencies.service.js';
import type { AgencyModel } from '../agencies/models/agency.model.js';
import { AgencySelectionService } from './agency-selection.service.js';
import { AnalyticsException } from './analytics.exception.js';
import type { AgencySelectionInput } from './dto/agency-selection.input.js';
import { MAX_YEARS } from './dto/years.js';
import type { BreakdownRowModel } from './models/breakdown.model.js';
import type { ComparisonModel, MetricValueModel, NarrativeEvidenceModel } from './models/comparison.model.js';
import { toMetricDefinitionModel } from './models/metric-definition.model.js';
import { RankOrder, type RankingItemModel, type RankingPageModel } from './models/ranking.model.js';
import type { RollupValueModel } from './models/rollup-value.model.js';
import { countedParams, countedRelation, countedReports, countedReportsCtes } from './rollup-sql.js';

/** Bounds of a comparison (the API contract). */
export const MAX_COMPARED_AGENCIES = 3000;
export const MAX_COMPARED_VALUES = 250_000;
/** Bound of a per-agency breakdown: agencies × years. */
export const MAX_BREAKDOWN_REPORTS = 30_000;

/** Agency columns selected as `agency_*` beside other columns, turned back into the GraphQL model. */
export const AGENCY_COLUMNS = `a.id AS agency_id, a.name AS agency_name, a.kind AS agency_kind, a.level AS agency_level,
  a.parent_id AS agency_parent_id, a.listing_url AS agency_listing_url`;

export interface AgencyColumns {
  agency_id: number;
  agency_name: string;
  agency_kind: AgencyKind;
  agency_level: AgencyLevel | null;
  agency_parent_id: number | null;
  agency_listing_url: string | null;
}

export function agencyFromColumns(r: AgencyColumns): AgencyModel {
  return {
    id: toId(r.agency_id),
    name: r.agency_name,
    kind: r.agency_kind,
    level: r.agency_level,
    parentId: r.agency_parent_id,
    listingUrl: r.agency_listing_url,
  };
}

/** The dictionary entries of these codes, in the order given; unknown codes are one BAD_USER_INPUT error. */
export function metricDefinitions(codes: readonly string[]): MetricDefinition[] {
  const unique = [...new Set(codes)];
  const unknown = unique.filter((c) => !METRIC_BY_CODE.has(c));
  if (unknown.length) throw AnalyticsException.unknownMetrics(unknown);
  return unique.map((c) => METRIC_BY_CODE.get(c)!);
}

const sortedYears = (years: readonly number[]) => [...new Set(years)].sort((a, b) => a - b);

/** How a comparison orders its agencies and which of them it answers (see CompareArgs). */
export interface ComparisonPage {
  sortMetric?: string | null;
  sortYear?: number | null;
  sortDirection?: SortDirection | null;
  take?: number | null;
  skip?: number | null;
}
interface ResolvedComparisonOrder {
  /** null: by name. */
  metric: string | null;
  year: number;
  direction: SortDirection;
}

/** The order asked for, checked against the metrics and years asked (a column the answer would not hold cannot order it). */
function comparisonOrder(page: ComparisonPage, years: readonly number[], metrics: readonly MetricDefinition[]): ResolvedComparisonOrder {
  const latest = years[years.length - 1]!;
  if (page.sortMetric == null) {
    if (page.sortYear != null) throw AnalyticsException.sortYearWithoutMetric();
    return { metric: null, year: latest, direction: page.sortDirection ?? 'ASC' };
  }
  if (!metrics.some((m) => m.code === page.sortMetric))
    throw AnalyticsException.sortMetricNotAsked(
      page.sortMetric,
      metrics.map((m) => m.code),
    );
  const year = page.sortYear ?? latest;
  if (!years.includes(year)) throw AnalyticsException.yearNotAsked('sortYear', year, years);
  return { metric: page.sortMetric, year, direction: page.sortDirection ?? 'DESC' };
}

@Injectable()
export class AnalyticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly selections: AgencySelectionService,
  ) {}

  /**
   * `asked` says which parts the operation wants: a page that needs only the agencies' names does not wait for
   * every value, nor a value table for sentences it does not show (the values then carry no evidence).
   */
  async compare(
    selection: AgencySelectionInput,
    years: readonly number[],
    metricCodes: readonly string[],
    scope: AgencyScope,
    asked: { values: boolean; evidence: boolean } = { values: true, evidence: true },
    page: ComparisonPage = {},
  ): Promise<ComparisonModel> {
    const metrics = metricDefinitions(metricCodes);
    const yearList = sortedYears(years);
    const order = comparisonOrder(page, yearList, metrics);
    const selected = await this.selections.resolve(selection, scope, MAX_COMPARED_AGENCIES);
    const ordered = await this.orderAgencies(selected, order);
    const skip = page.skip ?? 0;
    const agencyIds = page.take == null ? ordered.slice(skip) : ordered.slice(skip, skip + page.take);
    const size = agencyIds.length * yearList.length * metrics.length;
    if (size > MAX_COMPARED_VALUES) throw AnalyticsException.resultTooLarge(size, MAX_COMPARED_VALUES);
    const summary = { years: yearList, metrics: metrics.map(toMetricDefinitionModel), agencyCount: selected.length };
    if (!asked.values) return { ...summary, agencies: await this.agencies(agencyIds), values: [] };

    // The agencies, the values and the sentences they rest on are independent reads: one round trip, not three.
    const [agencies, rows, evidence] = await Promise.all([
      this.agencies(agencyIds),
      this.dataSource.query<
        {
          agency_id: number;
          year: number;
          report_id: number;
          scope: ReportScope;
          template: string;
          metric: string;
          value: number | null;
          numerator: number | null;
          denominator: number | null;
          quality: MetricQuality | null;
          printed_value: number | null;
          parts_value: number | null;
        }[]
      >(
        // Values follow the agencies' order (by name, as the selection gives them), then year, then the metrics as asked.
        // A row for every report × metric asked, null where the report has no such metric; the metrics are read
        // once per report by the key's index and matched by hash (joining the crossed rows to the index one by one
        // read every metric of every report again for each one asked).
        `WITH r AS (
           SELECT r.id, r.agency_id, r.year, r.scope, r.template, s.position
             FROM unnest($1::int[]) WITH ORDINALITY AS s(agency_id, position)
             JOIN report r ON r.agency_id = s.agency_id AND r.is_current AND r.year = ANY($2::int[])
         ), rm AS (
           SELECT rm.* FROM r JOIN report_metric rm ON rm.report_id = r.id AND rm.metric_code = ANY($3::text[])
         )
         SELECT r.agency_id, r.year, r.id AS report_id, r.scope, r.template, m.code AS metric, rm.value, rm.numerator, rm.denominator,
                rm.quality, rm.printed_value, rm.parts_value
           FROM r CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS m(code, position)
           LEFT JOIN rm ON rm.report_id = r.id AND rm.metric_code = m.code
          ORDER BY r.position, r.year, m.position`,
        [agencyIds, yearList, metrics.map((m) => m.code)],
      ),
      asked.evidence ? this.evidence(agencyIds, yearList, metrics) : new Map<string, NarrativeEvidenceModel[]>(),
    ]);
    const values: MetricValueModel[] = rows.map((r) => ({
      agencyId: toId(r.agency_id),
      year: r.year,
      metric: r.metric,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      reportId: toId(r.report_id),
      // No metric row: the metric does not apply to the report's format, so nothing could vouch for it.
      quality: r.quality ?? 'UNVERIFIABLE',
      scope: r.scope,
      template: r.template,
      printedValue: r.printed_value,
      partsValue: r.parts_value,
      evidence: evidence.get(`${r.report_id}:${r.metric}`) ?? [],
    }));
    return { ...summary, agencies, values };
  }

  /**
   * The selection (in name order) in the order asked: by one metric's value in one year, agencies without a value
   * (no current report that year, or a null value) last either way, ties in name order; or by name, reversed for DESC.
   */
  private async orderAgencies(agencyIds: readonly number[], order: ResolvedComparisonOrder): Promise<number[]> {
    if (order.metric === null) return order.direction === 'ASC' ? [...agencyIds] : [...agencyIds].reverse();
    const rows = await this.dataSource.query<{ agency_id: number; value: number | null }[]>(
      `SELECT r.agency_id, rm.value
         FROM report r JOIN report_metric rm ON rm.report_id = r.id AND rm.metric_code = $3
        WHERE r.agency_id = ANY($1::int[]) AND r.is_current AND r.year = $2`,
      [agencyIds, order.year, order.metric],
    );
    const valueOf = new Map(rows.map((r) => [r.agency_id, r.value]));
    const sign = order.direction === 'ASC' ? 1 : -1;
    return agencyIds
      .map((id, place) => ({ id, place, value: valueOf.get(id) ?? null }))
      .sort((a, b) => {
        if (a.value === null || b.value === null) return a.value === b.value ? a.place - b.place : a.value === null ? 1 : -1;
        return sign * (a.value - b.value) || a.place - b.place;
      })
      .map((a) => a.id);
  }

  /** The narrative statements self-reported metrics rest on, by `reportId:metric`, in text order, of the current reports of these agencies and years. */
  private async evidence(
    agencyIds: readonly number[],
    years: readonly number[],
    metrics: readonly MetricDefinition[],
  ): Promise<Map<string, NarrativeEvidenceModel[]>> {
    const out = new Map<string, NarrativeEvidenceModel[]>();
    const withEvidence = metrics.filter((m) => m.evidenceKinds?.length);
    if (!withEvidence.length || !agencyIds.length) return out;
    const kinds = [...new Set(withEvidence.flatMap((m) => m.evidenceKinds!))];
    const facts = await this.dataSource.query<
      { report_id: number; kind: NarrativeFactKind; value: string; sentence: string; start_offset: number; end_offset: number }[]
    >(
      `SELECT f.report_id, f.kind, f.value, f.sentence, f.start_offset, f.end_offset
         FROM narrative_fact f JOIN report r ON r.id = f.report_id
        WHERE r.is_current AND r.agency_id = ANY($1::int[]) AND r.year = ANY($2::int[]) AND f.kind = ANY($3::text[])
        ORDER BY f.report_id, f.start_offset, f.id`,
      [agencyIds, years, kinds],
    );
    for (const f of facts) {
      for (const m of withEvidence) {
        if (!m.evidenceKinds!.includes(f.kind)) continue;
        const key = `${f.report_id}:${m.code}`;
        const list = out.get(key) ?? [];
        list.push({ kind: f.kind, value: Number(f.value), sentence: f.sentence, start: f.start_offset, end: f.end_offset });
        out.set(key, list);
      }
    }
    return out;
  }

  /** The subtree of `rootAgencyId` (itself included), or every agency, rolled up per year and metric. */
  async rollup(
    rootAgencyId: string | null | undefined,
    years: readonly number[],
    metricCodes: readonly string[],
    scope: AgencyScope,
  ): Promise<RollupValueModel[]> {
    const metrics = metricDefinitions(metricCodes);
    const selection: AgencySelectionInput = rootAgencyId ? { parentId: rootAgencyId, includeDescendants: true, includeParent: true } : {};
    const agencyIds = await this.selections.resolve(selection, scope);
    return this.rollupOver(agencyIds, sortedYears(years), metrics);
  }

  /** One metric of a selection, rolled up per year, from `fromYear` to `toYear` (default: the years with reports). */
  async timeSeries(
    selection: AgencySelectionInput,
    metricCode: string,
    fromYear: number | null | undefined,
    toYear: number | null | undefined,
    scope: AgencyScope,
  ): Promise<RollupValueModel[]> {
    const metrics = metricDefinitions([metricCode]);
    const agencyIds = await this.selections.resolve(selection, scope);
    let from = fromYear ?? null;
    let to = toYear ?? null;
    if (from === null || to === null) {
      const [span] = await this.dataSource.query<{ min: number | null; max: number | null }[]>(
        'SELECT min(year) AS min, max(year) AS max FROM report WHERE is_current AND agency_id = ANY($1::int[])',
        [agencyIds],
      );
      if (span?.min == null || span.max == null) return [];
      to ??= span.max;
      // Without a first year: the latest years with reports, at most MAX_YEARS of them.
      from ??= Math.max(span.min, to - MAX_YEARS + 1);
    }
    if (from > to) return [];
    if (to - from + 1 > MAX_YEARS) throw AnalyticsException.yearRangeTooLong(from, to, MAX_YEARS);
    const years = Array.from({ length: to - from + 1 }, (_, i) => from! + i);
    return this.rollupOver(agencyIds, years, metrics);
  }

  async rollupOver(agencyIds: readonly number[], years: readonly number[], metrics: readonly MetricDefinition[]): Promise<RollupValueModel[]> {
    // The year before each year asked is read too: the matched panel of the year-on-year change.
    const withPrevious = [...new Set(years.flatMap((y) => [y - 1, y]))];
    const rows = await this.dataSource.query<
      {
        year: number;
        metric: string;
        numerator: number | null;
        denominator: number | null;
        reports_counted: number;
        agencies_covered: number;
        doubtful: number;
        matched: number | null;
        matched_n1: number | null;
        matched_d1: number | null;
        matched_n0: number | null;
        matched_d0: number | null;
        data_as_of: string | null;
      }[]
    >(
      // Only the metric rows that enter the sums are joined (a count needs its numerator, a ratio both parts and a
      // base that is not 0), so the planner reads each metric with one index-only range scan and hashes the counted
      // reports (in one query: worked out beforehand, as a combined breakdown's are, it was slower here). The matched
      // panel pairs each reporting agency's value with its own value the year before, when its report covered as many
      // agencies (an aggregate is not matched with the government's own report).
      `WITH RECURSIVE ${countedReportsCtes('$1', '$5')},
       m AS (SELECT * FROM unnest($3::text[], $4::boolean[]) AS m(code, ratio)),
       known AS (
         SELECT c.year, c.agency_id, c.covers, rm.metric_code, rm.numerator, rm.denominator, rm.quality, m.ratio
           FROM counted c
           JOIN report_metric rm ON rm.report_id = c.id
           JOIN m ON m.code = rm.metric_code
          WHERE rm.metric_code = ANY($3::text[]) AND rm.numerator IS NOT NULL
            AND (NOT m.ratio OR (rm.denominator IS NOT NULL AND rm.denominator <> 0))
       ),
       main AS (
         SELECT year, metric_code, sum(numerator) AS numerator, sum(denominator) FILTER (WHERE ratio) AS denominator,
                count(*)::int AS reports_counted, sum(covers)::int AS agencies_covered,
                count(*) FILTER (WHERE quality IN ('CONTRADICTED', 'UNCERTAIN'))::int AS doubtful
           FROM known GROUP BY year, metric_code
       ),
       matched AS (
         SELECT k.year, k.metric_code, count(*)::int AS matched, sum(k.numerator) AS matched_n1, sum(k.denominator) AS matched_d1,
                sum(p.numerator) AS matched_n0, sum(p.denominator) AS matched_d0
           FROM known k JOIN known p ON p.agency_id = k.agency_id AND p.metric_code = k.metric_code AND p.year = k.year - 1 AND p.covers = k.covers
          GROUP BY k.year, k.metric_code
       ),
       stored AS (
         SELECT c.year, to_char(max(r.created_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS data_as_of
           FROM counted c JOIN report r ON r.id = c.id GROUP BY c.year
       )
       SELECT main.year, main.metric_code AS metric, main.numerator, main.denominator, main.reports_counted, main.agencies_covered,
              main.doubtful, matched.matched, matched.matched_n1, matched.matched_d1, matched.matched_n0, matched.matched_d0, stored.data_as_of
         FROM main
         LEFT JOIN matched ON matched.year = main.year AND matched.metric_code = main.metric_code
         LEFT JOIN stored ON stored.year = main.year
        WHERE main.year = ANY($2::int[]) OR main.year + 1 = ANY($2::int[])`,
      [agencyIds, years, metrics.map((m) => m.code), metrics.map((m) => isRatioMetric(m)), withPrevious],
    );
    const found = new Map(rows.map((r) => [`${r.year}:${r.metric}`, r]));
    return years.flatMap((year) =>
      metrics.map((m) => {
        const r = found.get(`${year}:${m.code}`);
        const before = found.get(`${year - 1}:${m.code}`);
        const ratio = isRatioMetric(m);
        const numerator = r?.numerator ?? null;
        const denominator = ratio ? (r?.denominator ?? null) : null;
        const matched = r?.matched ?? 0;
        const matchedValue = matched ? metricValueFromSums(m, r!.matched_n1, ratio ? r!.matched_d1 : null) : null;
        const matchedPreviousValue = matched ? metricValueFromSums(m, r!.matched_n0, ratio ? r!.matched_d0 : null) : null;
        const reportsCounted = r?.reports_counted ?? 0;
        const reportsBefore = before?.reports_counted ?? 0;
        return {
          year,
          metric: m.code,
          value: metricValueFromSums(m, numerator, denominator),
          numerator,
          denominator,
          reportsCounted,
          agenciesCovered: r?.agencies_covered ?? 0,
          agenciesExpected: agencyIds.length,
          reportsDoubtful: r?.doubtful ?? 0,
          matchedAgencies: matched,
          matchedValue,
          matchedPreviousValue,
          matchedChange:
            matchedValue === null || matchedPreviousValue === null || matchedPreviousValue === 0
              ? null
              : (matchedValue - matchedPreviousValue) / matchedPreviousValue,
          // With reports in both years, coverage changed unless every reporting agency is in both.
          coverageChanged: reportsBefore > 0 && reportsCounted > 0 && (matched !== reportsCounted || matched !== reportsBefore),
          dataAsOf: r?.data_as_of ?? null,
        };
      }),
    );
  }

  async ranking(
    args: {
      metric: string;
      year: number;
      selection?: AgencySelectionInput | null;
      minSample: number;
      order?: RankOrder | null;
      scopes?: readonly ReportScope[] | null;
      includeDoubtful?: boolean | null;
      take: number;
      skip: number;
    },
    scope: AgencyScope,
  ): Promise<RankingPageModel> {
    const [metric] = metricDefinitions([args.metric]);
    const def = metric!;
    const order = args.order ?? (def.higherIsBetter === false ? RankOrder.ASC : RankOrder.DESC);
    const direction = order === RankOrder.ASC ? 'ASC' : 'DESC';
    const scopes = [...new Set<ReportScope>(args.scopes?.length ? args.scopes : ['self'])];
    if (scopes.length > 1) throw AnalyticsException.mixedScopes(scopes);
    const reportScope = scopes[0]!;
    const agencyIds = await this.selections.resolve(args.selection, scope);
    const [result] = await this.dataSource.query<{ reports: number; valued: number; trusted: number; total: number; items: (RankingRow & AgencyColumns)[] }[]>(
      `WITH base AS (
         SELECT r.id AS report_id, r.agency_id, rm.value, rm.numerator, rm.denominator, rm.quality,
                CASE WHEN $4::boolean THEN rm.denominator ELSE h.value END AS sample
           FROM report r
           LEFT JOIN report_metric rm ON rm.report_id = r.id AND rm.metric_code = $3
           LEFT JOIN report_metric h ON h.report_id = r.id AND h.metric_code = '${HANDLED_APPLICATIONS_METRIC}'
          WHERE r.is_current AND r.year = $2 AND r.agency_id = ANY($1::int[]) AND r.scope = $6
       ),
       valued AS (SELECT * FROM base WHERE value IS NOT NULL),
       trusted AS (SELECT * FROM valued WHERE $9::boolean OR quality <> ALL($10::text[])),
       ranked AS (
         SELECT b.*, rank() OVER (ORDER BY b.value ${direction})::int AS rank
           FROM trusted b WHERE $5::int <= 0 OR b.sample >= $5::int
       )
       SELECT (SELECT count(*) FROM base)::int AS reports,
              (SELECT count(*) FROM valued)::int AS valued,
              (SELECT count(*) FROM trusted)::int AS trusted,
              (SELECT count(*) FROM ranked)::int AS total,
              coalesce((
                SELECT json_agg(p ORDER BY p.rank, p.agency_name, p.agency_id)
                  FROM (SELECT ranked.rank, ranked.report_id, ranked.value, ranked.numerator, ranked.denominator, ranked.sample, ranked.quality, ${AGENCY_COLUMNS}
                          FROM ranked JOIN agency a ON a.id = ranked.agency_id
                         ORDER BY ranked.rank, a.name, a.id
                         LIMIT $7 OFFSET $8) p
              ), '[]'::json) AS items`,
      [
        agencyIds,
        args.year,
        def.code,
        isRatioMetric(def),
        args.minSample,
        reportScope,
        args.take,
        args.skip,
        args.includeDoubtful === true,
        RANKING_EXCLUDED_QUALITIES,
      ],
    );
    const items: RankingItemModel[] = (result?.items ?? []).map((r) => ({
      rank: r.rank,
      agency: agencyFromColumns(r),
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      sample: r.sample,
      reportId: toId(r.report_id),
      quality: r.quality,
    }));
    const reports = result?.reports ?? 0;
    const valued = result?.valued ?? 0;
    const trusted = result?.trusted ?? 0;
    const total = result?.total ?? 0;
    return {
      items,
      total,
      excludedBelowMinSample: trusted - total,
      excludedByQuality: valued - trusted,
      excludedWithoutValue: reports - valued,
      withoutReport: agencyIds.length - reports,
      scope: reportScope,
    };
  }

  async breakdown(
    dimension: BreakdownDimension,
    selection: AgencySelectionInput,
    years: readonly number[],
    combine: boolean,
    scope: AgencyScope,
    /** Per agency only: the agencies with the largest total of the parts, at most this many, largest first. */
    topAgencies: number | null = null,
  ): Promise<BreakdownRowModel[]> {
    if (combine && topAgencies !== null) throw AnalyticsException.topAgenciesCombined();
    const definition = BREAKDOWNS[dimension];
    const yearList = sortedYears(years);
    const agencyIds = await this.selections.resolve(selection, scope);
    if (!combine && agencyIds.length * yearList.length > MAX_BREAKDOWN_REPORTS) {
      throw AnalyticsException.resultTooLarge(agencyIds.length * yearList.length * definition.parts.length, MAX_BREAKDOWN_REPORTS * definition.parts.length);
    }
    // Each report's parts were derived from its cells, with their quality, when they were written
    // (report_breakdown_part): a combined breakdown sums them per year over the counted reports (sum skips blanks:
    // null when no report knows the part), and counts per part what the sum rests on. An agency's row is the same
    // aggregate over its one report.
    const partSums = (source: 'c' | 'r', covers: string) => `sum(p.value) AS value,
             count(p.value)::int AS reports_counted,
             (count(*) - count(p.value))::int AS reports_blank,
             coalesce(sum(${covers}) FILTER (WHERE p.value IS NOT NULL), 0)::int AS agencies_covered,
             count(*) FILTER (WHERE p.value IS NOT NULL AND p.quality = 'CONTRADICTED')::int AS reports_contradicted,
             count(*) FILTER (WHERE p.value IS NOT NULL AND p.quality = 'UNCERTAIN')::int AS reports_uncertain,
             count(*) FILTER (WHERE p.value IS NOT NULL AND p.quality = 'UNVERIFIABLE')::int AS reports_unverifiable,
             count(*) FILTER (WHERE p.value IS NOT NULL AND p.quality = 'CORRECTED')::int AS reports_corrected,
             array_agg(DISTINCT ${source}.scope ORDER BY ${source}.scope) AS scopes`;
    const partsSql = combine
      ? `WITH ${countedRelation(2)}
         SELECT NULL::int AS agency_id, c.year, p.part_key, NULL::text AS quality, ${partSums('c', 'c.covers')}
           FROM counted c JOIN report_breakdown_part p ON p.report_id = c.id AND p.dimension = $1
          GROUP BY c.year, p.part_key`
      : `SELECT r.agency_id, r.year, p.part_key, min(p.quality) AS quality, ${partSums('r', '1')}
           FROM report r JOIN report_breakdown_part p ON p.report_id = r.id AND p.dimension = $1
          WHERE r.is_current AND r.agency_id = ANY($2::int[]) AND r.year = ANY($3::int[])
          GROUP BY r.agency_id, r.year, p.part_key`;
    const rows = await this.dataSource.query<(PartSumsRow & { agency_id: number | null; year: number; part_key: string; value: string | null })[]>(
      partsSql,
      combine ? [dimension, ...countedParams(await countedReports(this.dataSource, agencyIds, yearList))] : [dimension, agencyIds, yearList],
    );
    const expected = combine ? agencyIds.length : 1;

    // Rows per agency (or the selection) and year, parts in the definition's order, agencies in the selection's.
    const partOrder = new Map(definition.parts.map((p, i) => [p.key, i]));
    const agencyOrder = new Map(agencyIds.map((id, i) => [id, i]));
    const groups = new Map<string, { agencyId: number | null; year: number; values: { key: string; value: CellValue }[] }>();
    const basis = new Map<string, PartSumsRow>();
    for (const r of rows) {
      if (!partOrder.has(r.part_key)) continue;
      const groupKey = `${r.agency_id ?? ''}:${r.year}`;
      let group = groups.get(groupKey);
      if (!group) {
        group = { agencyId: r.agency_id, year: r.year, values: [] };
        groups.set(groupKey, group);
      }
      group.values.push({ key: r.part_key, value: r.value === null ? null : Number(r.value) });
      basis.set(`${groupKey}:${r.part_key}`, r);
    }
    const label = new Map(definition.parts.map((p) => [p.key, p]));
    const order = topAgencies === null ? agencyOrder : largestTotalsFirst(groups.values(), agencyOrder, topAgencies);
    return [...groups.values()]
      .filter((g) => g.agencyId === null || order.has(g.agencyId))
      .sort((a, b) => (a.agencyId === null ? 0 : order.get(a.agencyId)! - order.get(b.agencyId!)!) || a.year - b.year)
      .flatMap((g) =>
        breakdownShares(g.values.sort((a, b) => partOrder.get(a.key)! - partOrder.get(b.key)!)).map((v) => ({
          agencyId: g.agencyId === null ? null : toId(g.agencyId),
          year: g.year,
          key: v.key,
          labelZh: label.get(v.key)!.labelZh,
          labelEn: label.get(v.key)!.labelEn,
          value: v.value,
          share: v.share,
          ...partBasis(basis.get(`${g.agencyId ?? ''}:${g.year}:${v.key}`)!, expected),
        })),
      );
  }

  /** Agencies by id, in the order given. */
  async agencies(ids: readonly number[]): Promise<AgencyModel[]> {
    if (!ids.length) return [];
    const rows = await this.dataSource
      .getRepository(AgencyEntity)
      .createQueryBuilder('a')
      .where('a.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, toAgencyModel(r)]));
    return ids.map((id) => byId.get(id)).filter((a): a is AgencyModel => a !== undefined);
  }
}

/**
 * The `limit` agencies whose parts add up to the most over the groups given (blank parts count nothing), as each
 * agency's place: largest first, ties in the selection's order. Agencies without any group are not placed.
 */
function largestTotalsFirst(
  groups: Iterable<{ agencyId: number | null; values: readonly { value: CellValue }[] }>,
  selectionOrder: ReadonlyMap<number, number>,
  limit: number,
): Map<number, number> {
  const totals = new Map<number, number>();
  for (const g of groups) {
    if (g.agencyId === null) continue;
    const sum = g.values.reduce<number>((s, v) => s + (typeof v.value === 'number' ? v.value : 0), 0);
    totals.set(g.agencyId, (totals.get(g.agencyId) ?? 0) + sum);
  }
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || selectionOrder.get(a[0])! - selectionOrder.get(b[0])!).slice(0, limit);
  return new Map(ranked.map(([id], place) => [id, place]));
}

/** What one breakdown row rests on, as the breakdown query counts it. */
interface PartSumsRow {
  quality: MetricQuality | null;
  reports_counted: number;
  reports_blank: number;
  agencies_covered: number;
  reports_contradicted: number;
  reports_uncertain: number;
  reports_unverifiable: number;
  reports_corrected: number;
  scopes: ReportScope[];
}

function partBasis(r: PartSumsRow, agenciesExpected: number) {
  return {
    scopes: r.scopes,
    quality: r.quality,
    reportsCounted: r.reports_counted,
    reportsBlank: r.reports_blank,
    agenciesCovered: r.agencies_covered,
    agenciesExpected,
    reportsContradicted: r.reports_contradicted,
    reportsUncertain: r.reports_uncertain,
    reportsUnverifiable: r.reports_unverifiable,
    reportsCorrected: r.reports_corrected,
  };
}

interface RankingRow {
  rank: number;
  report_id: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sample: number | null;
  quality: MetricQuality;
}
