import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the analytics queries, chosen with `pnpm bench:api --explain` on the 3 000-agency province
 * (README, "Analytics benchmark"):
 * - report_metric (metric_code, report_id) INCLUDE (value, numerator, denominator): a roll-up or ranking reads
 *   one metric of thousands of reports as an index-only scan (the province-wide roll-up went from a parallel
 *   sequential scan of ~1 M metric rows to ten index-only range scans). It supersedes report_metric_code_idx.
 * - report (year, agency_id) INCLUDE (id, scope) WHERE is_current: "the current reports of these agencies in
 *   these years", the first step of every analytics query, without touching the wide report rows. It
 *   supersedes report_current_year_idx (read backwards, it still serves the report list, newest year first).
 */
export class AnalyticsIndexes1796500000000 implements MigrationInterface {
  name = 'AnalyticsIndexes1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_metric_code_cover_idx ON report_metric (metric_code, report_id) INCLUDE (value, numerator, denominator)`);
    await q.query(`DROP INDEX report_metric_code_idx`);
    await q.query(`CREATE INDEX report_current_cover_idx ON report (year, agency_id) INCLUDE (id, scope) WHERE is_current`);
    await q.query(`DROP INDEX report_current_year_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_current_year_idx ON report (year DESC, agency_id) WHERE is_current`);
    await q.query(`DROP INDEX report_current_cover_idx`);
    await q.query(`CREATE INDEX report_metric_code_idx ON report_metric (metric_code, report_id)`);
    await q.query(`DROP INDEX report_metric_code_cover_idx`);
  }
}
