import { BREAKDOWNS, breakdownPartQuality, cellStanding, METRIC_QUALITY_STATES, type BreakdownDimension, type Finding } from '@ogi/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports whose parts are given their quality per backfill statement. */
const BACKFILL_BATCH = 1000;

/**
 * Each breakdown part carries its quality in its report (`report_breakdown_part.quality`), decided as a metric
 * value's is, so a breakdown can say how many of the reports behind a figure are contradicted, uncertain,
 * unverifiable or corrected. The primary key's index includes it beside the value, so a breakdown still reads the
 * index alone. The backfill derives the quality of every stored part from its report's stored findings and active
 * corrections (what the writers derive it from), in batches, so an upgraded database answers without a re-parse.
 */
export class BreakdownPartQuality1797700000000 implements MigrationInterface {
  name = 'BreakdownPartQuality1797700000000';

  async up(q: QueryRunner): Promise<void> {
    const states = METRIC_QUALITY_STATES.map((s) => `'${s}'`).join(', ');
    await q.query(`ALTER TABLE report_breakdown_part ADD COLUMN quality text NULL CHECK (quality IN (${states}))`);
    let after = 0;
    for (;;) {
      const ids: { id: number }[] = await q.query('SELECT DISTINCT report_id AS id FROM report_breakdown_part WHERE report_id > $1 ORDER BY 1 LIMIT $2', [
        after,
        BACKFILL_BATCH,
      ]);
      if (!ids.length) break;
      const first = ids[0]!.id;
      after = ids[ids.length - 1]!.id;
      const [parts, findings, corrections]: [
        { report_id: number; dimension: BreakdownDimension; part_key: string; value: string | null }[],
        { report_id: number; rule: Finding['rule']; severity: Finding['severity']; status: Finding['status']; cells: string[] }[],
        { report_id: number; path: string }[],
      ] = [
        await q.query('SELECT report_id, dimension, part_key, value FROM report_breakdown_part WHERE report_id BETWEEN $1 AND $2', [first, after]),
        await q.query('SELECT report_id, rule, severity, status, cells FROM report_finding WHERE report_id BETWEEN $1 AND $2', [first, after]),
        await q.query(
          `SELECT report_id, CASE WHEN column_key ~ '^\\d+$' THEN section || '.' || row_key || '[' || column_key || ']'
                                  ELSE section || '.' || row_key || '.' || column_key END AS path
             FROM cell_correction WHERE report_id BETWEEN $1 AND $2 AND status = 'active'`,
          [first, after],
        ),
      ];
      const findingsOf = new Map<number, Finding[]>();
      for (const f of findings) {
        const list = findingsOf.get(f.report_id) ?? [];
        list.push({ rule: f.rule, severity: f.severity, status: f.status, cells: f.cells, expected: null, actual: null, message: { zh: '', en: '' } });
        findingsOf.set(f.report_id, list);
      }
      const correctedOf = new Map<number, string[]>();
      for (const c of corrections) correctedOf.set(c.report_id, [...(correctedOf.get(c.report_id) ?? []), c.path]);
      const standingOf = new Map<number, ReturnType<typeof cellStanding>>();
      const reportIds: number[] = [];
      const dimensions: string[] = [];
      const keys: string[] = [];
      const qualities: string[] = [];
      for (const p of parts) {
        const part = BREAKDOWNS[p.dimension]?.parts.find((x) => x.key === p.part_key);
        if (!part) continue;
        let standing = standingOf.get(p.report_id);
        if (!standing) {
          standing = cellStanding(findingsOf.get(p.report_id) ?? [], correctedOf.get(p.report_id) ?? []);
          standingOf.set(p.report_id, standing);
        }
        reportIds.push(p.report_id);
        dimensions.push(p.dimension);
        keys.push(p.part_key);
        qualities.push(breakdownPartQuality(part, p.value === null ? null : Number(p.value), standing));
      }
      if (reportIds.length) {
        await q.query(
          `UPDATE report_breakdown_part p SET quality = x.q
             FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS x(r, d, k, q)
            WHERE p.report_id = x.r AND p.dimension = x.d AND p.part_key = x.k`,
          [reportIds, dimensions, keys, qualities],
        );
      }
    }
    await q.query(`ALTER TABLE report_breakdown_part DROP CONSTRAINT report_breakdown_part_pk,
      ADD CONSTRAINT report_breakdown_part_pk PRIMARY KEY (report_id, dimension, part_key) INCLUDE (value, quality)`);
    await q.query('ANALYZE report_breakdown_part');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_breakdown_part DROP CONSTRAINT report_breakdown_part_pk,
      ADD CONSTRAINT report_breakdown_part_pk PRIMARY KEY (report_id, dimension, part_key) INCLUDE (value)`);
    await q.query('ALTER TABLE report_breakdown_part DROP COLUMN quality');
  }
}
