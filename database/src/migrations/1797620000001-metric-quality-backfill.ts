import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Metric values stored before MetricQuality1797200000000 read UNVERIFIABLE, with no value from the parts, until
 * their report is derived again. This queues every such report; `migrate` then derives them again, one report per
 * transaction, taking each off the queue as it commits (backfillMetricQuality), so an upgraded database shows true
 * quality states without a `reparse --all`, and an interrupted backfill resumes at the next start.
 *
 * A legacy report is one whose metric rows all read UNVERIFIABLE: a report derived since 1797200000000 has at
 * least one other state unless every one of its metrics is blank, and deriving such a report again changes
 * nothing.
 */
export class MetricQualityBackfill1797620000001 implements MigrationInterface {
  name = 'MetricQualityBackfill1797620000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE metric_quality_backfill (report_id integer PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE)`);
    await q.query(`INSERT INTO metric_quality_backfill (report_id)
      SELECT report_id FROM report_metric GROUP BY report_id HAVING bool_and(quality = 'UNVERIFIABLE')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE metric_quality_backfill`);
  }
}
