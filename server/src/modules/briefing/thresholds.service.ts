/**
 * League-table thresholds: stored per metric as versions (a change adds the next version, nothing is updated),
 * the highest version in force, the defaults of @ogi/domain for metrics never set. Every change is audited.
 */
import { Injectable } from '@nestjs/common';
import { appendAudit, type Actor } from '@ogi/database';
import { DEFAULT_THRESHOLDS, METRIC_BY_CODE, effectiveThresholds, thresholdProblem, type ThresholdRule } from '@ogi/domain';
import { DataSource } from 'typeorm';
import { BriefingException } from './briefing.exception.js';
import type { ThresholdModel } from './models/threshold.model.js';

interface ThresholdRow {
  metric: string;
  version: number;
  direction: 'higher' | 'lower';
  red: number;
  yellow: number;
  min_sample: number;
  reason: string | null;
  created_by: string;
  created_at: Date;
}

const fromRow = (r: ThresholdRow): ThresholdModel => ({
  metric: r.metric,
  metricNameZh: METRIC_BY_CODE.get(r.metric)?.nameZh ?? r.metric,
  direction: r.direction,
  red: r.red,
  yellow: r.yellow,
  minSample: r.min_sample,
  version: r.version,
  isDefault: false,
  reason: r.reason,
  setBy: r.created_by,
  setAt: r.created_at.toISOString(),
});

const fromDefault = (r: ThresholdRule): ThresholdModel => ({
  ...r,
  metricNameZh: METRIC_BY_CODE.get(r.metric)?.nameZh ?? r.metric,
  version: 0,
  isDefault: true,
  reason: null,
  setBy: null,
  setAt: null,
});

export const toRule = (t: ThresholdModel): ThresholdRule => ({
  metric: t.metric,
  direction: t.direction as ThresholdRule['direction'],
  red: t.red,
  yellow: t.yellow,
  minSample: t.minSample,
});

@Injectable()
export class ThresholdsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The thresholds in force: every metric an editor has set, and the defaults of the others. */
  async inForce(): Promise<ThresholdModel[]> {
    const rows = await this.dataSource.query<ThresholdRow[]>(`SELECT DISTINCT ON (metric) * FROM metric_threshold ORDER BY metric, version DESC`);
    const stored = new Map(rows.map((r) => [r.metric, fromRow(r)]));
    return effectiveThresholds(rows.map((r) => toRule(fromRow(r)))).map((rule) => stored.get(rule.metric) ?? fromDefault(rule));
  }

  async forMetric(metric: string): Promise<ThresholdModel | null> {
    return (await this.inForce()).find((t) => t.metric === metric) ?? null;
  }

  /** Every version of a metric's thresholds, newest first, ending with the default when there is one. */
  async history(metric: string): Promise<ThresholdModel[]> {
    const rows = await this.dataSource.query<ThresholdRow[]>(`SELECT * FROM metric_threshold WHERE metric = $1 ORDER BY version DESC`, [metric]);
    const builtIn = DEFAULT_THRESHOLDS.find((d) => d.metric === metric);
    return [...rows.map(fromRow), ...(builtIn ? [fromDefault(builtIn)] : [])];
  }

  /** Stores the next version of a metric's thresholds; refuses rules that cannot be meant (with a code). */
  async set(rule: ThresholdRule, reason: string | null, actor: Actor): Promise<ThresholdModel> {
    const problem = thresholdProblem(rule);
    if (problem) throw new BriefingException(problem.code, `${problem.messageZh} ${problem.messageEn}`, { metric: rule.metric });
    return this.dataSource.transaction(async (m) => {
      // One writer per metric at a time, so two editors cannot both write version n + 1.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('metric_threshold:' || $1))`, [rule.metric]);
      const before = (await m.query(`SELECT * FROM metric_threshold WHERE metric = $1 ORDER BY version DESC LIMIT 1`, [rule.metric])) as ThresholdRow[];
      const previous = before[0] ? toRule(fromRow(before[0])) : (DEFAULT_THRESHOLDS.find((d) => d.metric === rule.metric) ?? null);
      const [row] = (await m.query(
        `INSERT INTO metric_threshold (metric, version, direction, red, yellow, min_sample, reason, created_by, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [rule.metric, (before[0]?.version ?? 0) + 1, rule.direction, rule.red, rule.yellow, rule.minSample, reason?.trim() || null, actor.name, actor.userId],
      )) as ThresholdRow[];
      await appendAudit(m, {
        actor,
        action: 'threshold.set',
        before: previous,
        after: rule,
        reason: reason?.trim() || null,
        detail: { metric: rule.metric, version: row!.version },
      });
      return fromRow(row!);
    });
  }
}
