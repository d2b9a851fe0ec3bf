/**
 * League tables (红黄绿) and notable changes, over agencies' own reports (`self`: an aggregate is never ranked
 * among single agencies). Values come from readMetricValues; colours, flags and words from @ogi/domain.
 */
import { Injectable } from '@nestjs/common';
import {
  METRIC_BY_CODE,
  classify,
  leagueSentence,
  peerOutliers,
  yearOnYearJump,
  type MetricCode,
  type NotableChangeKind,
  type ThresholdColour,
} from '@ogi/domain';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { toId } from '../../common/graphql/ids.js';
import type { AgencyModel } from '../agencies/models/agency.model.js';
import { AgencySelectionService } from '../analytics/agency-selection.service.js';
import { AnalyticsService } from '../analytics/analytics.service.js';
import type { AgencySelectionInput } from '../analytics/dto/agency-selection.input.js';
import { BriefingException } from './briefing.exception.js';
import { readMetricValues, type AgencyMetricValue } from './metric-values.js';
import type { LeagueRowModel, LeagueTableModel, NotableChangeModel } from './models/league-table.model.js';
import type { ThresholdModel } from './models/threshold.model.js';
import { ThresholdsService, toRule } from './thresholds.service.js';

/** The metrics watched for jumps and outliers. */
export const NOTABLE_METRICS = [
  'applications.new',
  'outcomes.disclosureRate',
  'outcomes.substantiveDisclosureRate',
  'review.correctionRate',
] as const satisfies readonly MetricCode[];

/** Agencies' names in Chinese order; one collator for every comparison (`localeCompare` with a locale builds one per call). */
export const compareNames = new Intl.Collator('zh-CN').compare;

/**
 * What the league tables and notable changes of one request are computed from, read once and shared: the selected
 * agencies' metric values for the year and the year before (every metric any of them needs) and the agencies.
 */
export interface LeagueInputs {
  agencyIds: readonly number[];
  /** Each metric's values (a province has ~6,000 reports per two years: each use reads its metric's list only). */
  byMetric: ReadonlyMap<string, readonly AgencyMetricValue[]>;
  agencies: ReadonlyMap<number, AgencyModel>;
}

const COLOUR_ORDER: Record<ThresholdColour, number> = { red: 0, yellow: 1, green: 2, small_sample: 3, no_value: 4 };
const KIND_ZH: Record<string, { zh: string; en: string }> = {
  government: { zh: '同级政府', en: 'governments of the same level' },
  department: { zh: '同级部门', en: 'departments of the same level' },
  dispatched: { zh: '同级派出机构', en: 'dispatched offices of the same level' },
  other: { zh: '同级机关', en: 'agencies of the same level' },
};

@Injectable()
export class LeagueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly selections: AgencySelectionService,
    private readonly analytics: AnalyticsService,
    private readonly thresholds: ThresholdsService,
  ) {}

  async agencyIds(selection: AgencySelectionInput | null | undefined, scope: AgencyScope): Promise<number[]> {
    return this.selections.resolve(selection, scope);
  }

  /** Reads what the league tables and notable changes need for these metrics, once: values of the year and the year before, and the agencies. */
  async inputs(year: number, agencyIds: readonly number[], metrics: readonly string[]): Promise<LeagueInputs> {
    const [values, agencies] = await Promise.all([readMetricValues(this.dataSource, agencyIds, [year - 1, year], metrics), this.analytics.agencies(agencyIds)]);
    const byMetric = new Map<string, AgencyMetricValue[]>();
    for (const v of values) {
      const list = byMetric.get(v.metric);
      if (list) list.push(v);
      else byMetric.set(v.metric, [v]);
    }
    return { agencyIds, byMetric, agencies: new Map(agencies.map((a) => [Number(a.id), a])) };
  }

  async leagueTable(metric: string, year: number, selection: AgencySelectionInput | null | undefined, scope: AgencyScope): Promise<LeagueTableModel> {
    const agencyIds = await this.agencyIds(selection, scope);
    const def = METRIC_BY_CODE.get(metric);
    const threshold = def ? await this.thresholds.forMetric(metric) : null;
    if (!def || !threshold) {
      throw new BriefingException('UNKNOWN_METRIC', `指标“${metric}”没有设定红黄绿阈值。The metric "${metric}" has no thresholds.`, { metric });
    }
    return leagueTableFrom(threshold, year, await this.inputs(year, agencyIds, [metric]));
  }

  /**
   * The league table of every metric with thresholds in force and the notable changes, from one read of the values
   * they need and of the metrics in `also` (the caller's own use of the same values).
   */
  async watch(
    year: number,
    agencyIds: readonly number[],
    also: readonly string[] = [],
  ): Promise<{ inputs: LeagueInputs; leagues: LeagueTableModel[]; notableChanges: NotableChangeModel[] }> {
    const thresholds = await this.thresholds.inForce();
    const inputs = await this.inputs(year, agencyIds, [...new Set([...thresholds.map((t) => t.metric), ...NOTABLE_METRICS, ...also])]);
    return { inputs, leagues: thresholds.map((t) => leagueTableFrom(t, year, inputs)), notableChanges: notableChangesFrom(year, inputs) };
  }

  async notableChanges(year: number, selection: AgencySelectionInput | null | undefined, scope: AgencyScope): Promise<NotableChangeModel[]> {
    return this.notableChangesOf(year, await this.agencyIds(selection, scope));
  }

  async notableChangesOf(year: number, agencyIds: readonly number[]): Promise<NotableChangeModel[]> {
    return notableChangesFrom(year, await this.inputs(year, agencyIds, NOTABLE_METRICS));
  }
}

/** A league table of agencies' own reports of the year under a threshold: worst first, counted per colour. */
export function leagueTableFrom(threshold: ThresholdModel, year: number, inputs: LeagueInputs): LeagueTableModel {
  const metric = threshold.metric;
  const def = METRIC_BY_CODE.get(metric)!;
  const rule = toRule(threshold);
  const values = (inputs.byMetric.get(metric) ?? []).filter((v) => v.year === year && v.scope === 'self');
  const rows: LeagueRowModel[] = values.map((v) => {
    const c = classify(rule, v.value, v.sample);
    return {
      agency: inputs.agencies.get(v.agencyId)!,
      colour: c.colour,
      value: v.value,
      sample: v.sample,
      quality: v.quality,
      reasonZh: c.reasonZh,
      reasonEn: c.reasonEn,
      reportId: toId(v.reportId),
    };
  });
  const worseFirst = rule.direction === 'higher' ? 1 : -1;
  rows.sort(
    (a, b) =>
      COLOUR_ORDER[a.colour as ThresholdColour] - COLOUR_ORDER[b.colour as ThresholdColour] ||
      ((a.value ?? 0) - (b.value ?? 0)) * worseFirst ||
      compareNames(a.agency.name, b.agency.name),
  );
  const counts = { red: 0, yellow: 0, green: 0, small_sample: 0, no_value: 0 };
  for (const r of rows) counts[r.colour as ThresholdColour] += 1;
  const sentence = leagueSentence(metric, counts);
  return {
    metric,
    metricNameZh: def.nameZh,
    metricNameEn: def.nameEn,
    year,
    threshold,
    rows,
    counts,
    agenciesSelected: inputs.agencyIds.length,
    agenciesWithReport: rows.length,
    sentenceZh: sentence.zh,
    sentenceEn: sentence.en,
  };
}

/** Jumps on last year, then outliers among peers (same kind and level); by agency name. */
export function notableChangesFrom(year: number, inputs: LeagueInputs): NotableChangeModel[] {
  const current: AgencyMetricValue[] = [];
  // Last year's value of each agency and metric.
  const previous = new Map<number, Map<string, AgencyMetricValue>>();
  for (const v of NOTABLE_METRICS.flatMap((metric) => inputs.byMetric.get(metric) ?? [])) {
    if (v.scope !== 'self') continue;
    if (v.year === year) current.push(v);
    else if (v.year === year - 1) {
      let mine = previous.get(v.agencyId);
      if (!mine) previous.set(v.agencyId, (mine = new Map()));
      mine.set(v.metric, v);
    }
  }
  const agencies = inputs.agencies;
  const found: { agency: AgencyModel; value: AgencyMetricValue; kind: NotableChangeKind; messageZh: string; messageEn: string }[] = [];

  for (const v of current) {
    const prev = previous.get(v.agencyId)?.get(v.metric);
    if (!prev) continue;
    const jump = yearOnYearJump(v.metric, v, prev);
    if (jump) found.push({ agency: agencies.get(v.agencyId)!, value: v, kind: jump.kind, messageZh: jump.messageZh, messageEn: jump.messageEn });
  }
  for (const metric of NOTABLE_METRICS) {
    const groups = new Map<string, AgencyMetricValue[]>();
    for (const v of current) {
      if (v.metric !== metric) continue;
      const a = agencies.get(v.agencyId)!;
      const group = `${a.kind}:${a.level ?? ''}`;
      let list = groups.get(group);
      if (!list) groups.set(group, (list = []));
      list.push(v);
    }
    for (const [group, members] of groups) {
      const label = KIND_ZH[group.split(':')[0]!] ?? KIND_ZH.other!;
      const flags = peerOutliers(
        metric,
        members.map((v) => ({ key: v, value: v.value, sample: v.sample })),
        label,
      );
      for (const f of flags) found.push({ agency: agencies.get(f.key.agencyId)!, value: f.key, kind: f.kind, messageZh: f.messageZh, messageEn: f.messageEn });
    }
  }
  found.sort((a, b) => compareNames(a.agency.name, b.agency.name) || a.kind.localeCompare(b.kind) || a.value.metric.localeCompare(b.value.metric));
  return found.map((f) => ({
    agency: f.agency,
    year,
    kind: f.kind,
    metric: f.value.metric,
    messageZh: f.messageZh,
    messageEn: f.messageEn,
    quality: f.value.quality,
    reportId: toId(f.value.reportId),
  }));
}
