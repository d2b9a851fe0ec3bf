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

/** A metric row of a report as readMetricValues reads it: [code, value, numerator, denominator, quality]. */
type MetricTuple = [string, number | null, number | null, number | null, MetricQuality];

/**
 * Current reports' values of these metrics for the agencies and years given: one row per report and metric, a metric
 * the report has no row for with its value null. The metric rows are read in one pass (a hash join of the reports on
 * the metric index, instead of a lookup per report and metric: a province is ~6,000 reports × a dozen metrics), and
 * come as one JSON list per report, which is far cheaper to receive than a database row per report and metric.
 */
export async function readMetricValues(
  dataSource: DataSource,
  agencyIds: readonly number[],
  years: readonly number[],
  metrics: readonly string[],
): Promise<AgencyMetricValue[]> {
  if (!agencyIds.length || !years.length || !metrics.length) return [];
  const asked = [...new Set(metrics)];
  const read = [...new Set([...asked, HANDLED_APPLICATIONS_METRIC])];
  const reports = await dataSource.query<{ agency_id: number; year: number; report_id: number; scope: string; metrics: string }[]>(
    `WITH r AS MATERIALIZED (
       SELECT r.id, r.agency_id, r.year, r.scope
         FROM report r
        WHERE r.is_current AND r.agency_id = ANY($1::int[]) AND r.year = ANY($2::int[])
     ),
     m AS (
       SELECT rm.report_id, json_agg(json_build_array(rm.metric_code, rm.value, rm.numerator, rm.denominator, rm.quality))::text AS metrics
         FROM report_metric rm JOIN r ON r.id = rm.report_id
        WHERE rm.metric_code = ANY($3::text[])
        GROUP BY rm.report_id
     )
     SELECT r.agency_id, r.year, r.id AS report_id, r.scope, coalesce(m.metrics, '[]') AS metrics
       FROM r LEFT JOIN m ON m.report_id = r.id`,
    [[...agencyIds], [...years], read],
  );
  const ratio = new Map(asked.map((code) => [code, METRIC_BY_CODE.get(code)?.unit === 'ratio' || METRIC_BY_CODE.get(code)?.unit === 'per100']));
  const out: AgencyMetricValue[] = [];
  for (const report of reports) {
    const known = new Map((JSON.parse(report.metrics) as MetricTuple[]).map((m) => [m[0], m]));
    const handled = known.get(HANDLED_APPLICATIONS_METRIC)?.[1] ?? null;
    for (const metric of asked) {
      const m = known.get(metric);
      const denominator = m?.[3] ?? null;
      out.push({
        agencyId: report.agency_id,
        year: report.year,
        reportId: report.report_id,
        scope: report.scope,
        metric,
        value: m?.[1] ?? null,
        numerator: m?.[2] ?? null,
        denominator,
        sample: ratio.get(metric) ? denominator : handled,
        quality: m?.[4] ?? 'UNVERIFIABLE',
      });
    }
  }
  return out;
}
