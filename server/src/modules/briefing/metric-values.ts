/**
 * The one place the briefing reads per-agency metric values: league tables, notable changes, the briefing and the
 * notice all go through `readMetricValues`, so the quality state and scope of every value are decided here once.
 */
import { HANDLED_APPLICATIONS_METRIC, METRIC_BY_CODE, type MetricQuality } from '@ogi/domain';
import type { DataSource } from 'typeorm';

/**
 * How far a value can be trusted: the quality state stored with the metric when it was derived (verified,
 * unverifiable, contradicted, uncertain, corrected, self-reported; see `@ogi/domain`'s metric-quality). A metric the
 * report has no row for is unverifiable.
 */
export type ValueQuality = MetricQuality;

export interface AgencyMetricValue {
  agencyId: number;
  year: number;
  reportId: number;
  /** The report's scope: self (the agency's own work), region_aggregate or system_aggregate. */
  scope: string;
  metric: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** A ratio's denominator; for counts the applications handled. */
  sample: number | null;
  quality: ValueQuality;
}

/** Current reports' values of these metrics for the agencies and years given (one row per report and metric). */
export async function readMetricValues(
  dataSource: DataSource,
  agencyIds: readonly number[],
  years: readonly number[],
  metrics: readonly string[],
): Promise<AgencyMetricValue[]> {
  if (!agencyIds.length || !years.length || !metrics.length) return [];
  const ratio = metrics.map((code) => METRIC_BY_CODE.get(code)?.unit === 'ratio' || METRIC_BY_CODE.get(code)?.unit === 'per100');
  const rows = await dataSource.query<
    {
      agency_id: number;
      year: number;
      report_id: number;
      scope: string;
      metric: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      handled: number | null;
      quality: MetricQuality | null;
    }[]
  >(
    `WITH r AS (
       SELECT r.id, r.agency_id, r.year, r.scope
         FROM report r
        WHERE r.is_current AND r.agency_id = ANY($1::int[]) AND r.year = ANY($2::int[])
     )
     SELECT r.agency_id, r.year, r.id AS report_id, r.scope, m.code AS metric, rm.value, rm.numerator, rm.denominator,
            h.value AS handled, rm.quality
       FROM r
      CROSS JOIN unnest($3::text[]) AS m(code)
       LEFT JOIN report_metric rm ON rm.report_id = r.id AND rm.metric_code = m.code
       LEFT JOIN report_metric h ON h.report_id = r.id AND h.metric_code = '${HANDLED_APPLICATIONS_METRIC}'`,
    [[...agencyIds], [...years], [...metrics]],
  );
  const isRatio = new Map(metrics.map((code, i) => [code, ratio[i]!]));
  const num = (x: number | string | null) => (x === null ? null : Number(x));
  return rows.map((r) => ({
    agencyId: r.agency_id,
    year: r.year,
    reportId: r.report_id,
    scope: r.scope,
    metric: r.metric,
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    sample: isRatio.get(r.metric) ? num(r.denominator) : num(r.handled),
    quality: r.quality ?? 'UNVERIFIABLE',
  }));
}
