import type { MigrationInterface, QueryRunner } from 'typeorm';
import { breakdownPartRows } from '../breakdown-parts.js';

/** Reports whose cells are read per backfill statement. */
const BACKFILL_BATCH = 1000;

/**
 * `report_breakdown_part`: each report version's breakdown parts (dimension, part, value), written with its
 * metrics at import, correction and re-parse, so the breakdown pages sum a few rows per report instead of reading
 * its cells. Keyed by report version only (an agency merge or a change of the current version needs no update).
 * The key includes the value, so a page's sum is read from the index alone. The backfill derives the rows of every stored report from its cells with the same function the writers use, so
 * an upgraded database answers as before without a re-parse.
 */
export class BreakdownParts1797630000000 implements MigrationInterface {
  name = 'BreakdownParts1797630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_breakdown_part (
        report_id  integer NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        dimension  text NOT NULL,
        part_key   text NOT NULL,
        value      numeric(18, 6) NULL,
        CONSTRAINT report_breakdown_part_pk PRIMARY KEY (report_id, dimension, part_key) INCLUDE (value)
      )`);
    let after = 0;
    for (;;) {
      const ids: { id: number }[] = await q.query('SELECT id FROM report WHERE id > $1 ORDER BY id LIMIT $2', [after, BACKFILL_BATCH]);
      if (!ids.length) break;
      const first = ids[0]!.id;
      after = ids[ids.length - 1]!.id;
      const cells: { report_id: number; section: string; row_key: string; column_key: string; value: string | null }[] = await q.query(
        `SELECT report_id, section, row_key, column_key, value FROM report_cell
          WHERE report_id BETWEEN $1 AND $2 AND section IN ('applications', 'reviewLitigation')`,
        [first, after],
      );
      const byReport = new Map<number, { section: string; rowKey: string; columnKey: string; value: number | null }[]>();
      for (const c of cells) {
        const list = byReport.get(c.report_id) ?? [];
        list.push({ section: c.section, rowKey: c.row_key, columnKey: c.column_key, value: c.value === null ? null : Number(c.value) });
        byReport.set(c.report_id, list);
      }
      const reportIds: number[] = [];
      const dimensions: string[] = [];
      const keys: string[] = [];
      const values: (number | null)[] = [];
      for (const [reportId, list] of byReport) {
        for (const row of breakdownPartRows(list)) {
          reportIds.push(reportId);
          dimensions.push(row.dimension);
          keys.push(row.partKey);
          values.push(row.value);
        }
      }
      if (reportIds.length) {
        await q.query(
          `INSERT INTO report_breakdown_part (report_id, dimension, part_key, value)
           SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::numeric[])`,
          [reportIds, dimensions, keys, values],
        );
      }
    }
    await q.query('ANALYZE report_breakdown_part');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE report_breakdown_part');
  }
}
