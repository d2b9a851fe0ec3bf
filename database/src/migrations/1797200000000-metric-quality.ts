import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each metric value rests on (@ogi/domain METRIC_QUALITY_STATES, deriveMetrics):
 * - report_metric.quality: the value's quality state, computed with the metric. Rows stored before this migration
 *   get UNVERIFIABLE (nothing vouched for them) until their report is derived again (a correction or a re-parse).
 * - report_metric.printed_value / parts_value: the metric on the printed tables and on the tables with every total
 *   taken from its parts (the reconciliation policy); `value` is the one the metric uses.
 * - agency.usual_scope: what the agency's reports usually cover (self / region aggregate), kept by the registry;
 *   a report whose detected scope differs is flagged.
 * The covering index of one metric across reports also carries the quality, so rankings and roll-ups that leave
 * out contradicted values stay index-only scans.
 */
export class MetricQuality1797200000000 implements MigrationInterface {
  name = 'MetricQuality1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_metric
      ADD COLUMN quality text NOT NULL DEFAULT 'UNVERIFIABLE'
        CONSTRAINT report_metric_quality_ck CHECK (quality IN ('VERIFIED', 'UNVERIFIABLE', 'CONTRADICTED', 'UNCERTAIN', 'CORRECTED', 'SELF_REPORTED')),
      ADD COLUMN printed_value double precision NULL,
      ADD COLUMN parts_value double precision NULL`);
    await q.query(`UPDATE report_metric SET printed_value = value`);
    await q.query(
      `CREATE INDEX report_metric_code_quality_cover_idx ON report_metric (metric_code, report_id) INCLUDE (value, numerator, denominator, quality)`,
    );
    await q.query(`DROP INDEX report_metric_code_cover_idx`);
    await q.query(`ALTER TABLE agency ADD COLUMN usual_scope text NULL
      CONSTRAINT agency_usual_scope_ck CHECK (usual_scope IN ('self', 'region_aggregate', 'system_aggregate'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP COLUMN usual_scope`);
    await q.query(`CREATE INDEX report_metric_code_cover_idx ON report_metric (metric_code, report_id) INCLUDE (value, numerator, denominator)`);
    await q.query(`DROP INDEX report_metric_code_quality_cover_idx`);
    await q.query(`ALTER TABLE report_metric DROP COLUMN parts_value, DROP COLUMN printed_value, DROP COLUMN quality`);
  }
}
