/**
 * Derives again the reports whose metric values were stored before quality states existed (queued by migration
 * MetricQualityBackfill1797620000001), the way a correction does: findings from the stored cells, then metrics with
 * their quality and their value from the parts. One report per transaction, taken off the queue as it commits, so
 * the work resumes where it stopped after a crash and two processes starting together share it.
 */
import type { DataSource } from 'typeorm';
import { recomputeReport } from './recompute.js';

/** Returns how many reports were derived again. */
export async function backfillMetricQuality(dataSource: DataSource): Promise<number> {
  let derived = 0;
  for (;;) {
    const took = await dataSource.transaction(async (m) => {
      const [next] = await m.query<{ report_id: number }[]>('SELECT report_id FROM metric_quality_backfill ORDER BY report_id LIMIT 1 FOR UPDATE SKIP LOCKED');
      if (!next) return false;
      await recomputeReport(m, next.report_id);
      await m.query('DELETE FROM metric_quality_backfill WHERE report_id = $1', [next.report_id]);
      return true;
    });
    if (!took) return derived;
    derived++;
  }
}
