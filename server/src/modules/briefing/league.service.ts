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
import { ThresholdsService, toRule } from './thresholds.service.js';

/** The metrics watched for jumps and outliers. */
export const NOTABLE_METRICS = [
  'applications.new',
  'outcomes.disclosureRate',
  'outcomes.substantiveDisclosureRate',
  'review.correctionRate',
] as const satisfies readonly MetricCode[];

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

  async leagueTable(metric: string, year: number, selection: AgencySelectionInput | null | undefined, scope: AgencyScope): Promise<LeagueTableModel> {
    const agencyIds = await this.agencyIds(selection, scope);
    return this.leagueTableOf(metric, year, agencyIds);
  }

  async leagueTableOf(metric: string, year: number, agencyIds: readonly number[]): Promise<LeagueTableModel> {
    const def = METRIC_BY_CODE.get(metric);
    const threshold = def ? await this.thresholds.forMetric(metric) : null;
    if (!def || !threshold) {
      throw new BriefingException('UNKNOWN_METRIC', `指标“${metric}”没有设定红黄绿阈值。The metric "${metric}" has no thresholds.`, { metric });
    }
    const rule = toRule(threshold);
    const values = (await readMetricValues(this.dataSource, agencyIds, [year], [metric])).filter((v) => v.scope === 'self');
    const agencies = new Map((await this.analytics.agencies(values.map((v) => v.agencyId))).map((a) => [Number(a.id), a]));
    const rows: LeagueRowModel[] = values.map((v) => {
      const c = classify(rule, v.value, v.sample);
      return {
        agency: agencies.get(v.agencyId)!,
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
        a.agency.name.localeCompare(b.agency.name, 'zh-CN'),
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
      agenciesSelected: agencyIds.length,
      agenciesWithReport: rows.length,
      sentenceZh: sentence.zh,
      sentenceEn: sentence.en,
    };
  }

  async notableChanges(year: number, selection: AgencySelectionInput | null | undefined, scope: AgencyScope): Promise<NotableChangeModel[]> {
    return this.notableChangesOf(year, await this.agencyIds(selection, scope));
  }

  /** Jumps on last year, then outliers among peers (same kind and level); by agency name. */
  async notableChangesOf(year: number, agencyIds: readonly number[]): Promise<NotableChangeModel[]> {
    const values = (await readMetricValues(this.dataSource, agencyIds, [year - 1, year], NOTABLE_METRICS)).filter((v) => v.scope === 'self');
    const key = (agencyId: number, y: number, metric: string) => `${agencyId}:${y}:${metric}`;
    const byKey = new Map(values.map((v) => [key(v.agencyId, v.year, v.metric), v]));
    const current = values.filter((v) => v.year === year);
    const agencies = new Map((await this.analytics.agencies([...new Set(current.map((v) => v.agencyId))])).map((a) => [Number(a.id), a]));
    const found: { agency: AgencyModel; value: AgencyMetricValue; kind: NotableChangeKind; messageZh: string; messageEn: string }[] = [];

    for (const v of current) {
      const prev = byKey.get(key(v.agencyId, year - 1, v.metric));
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
        for (const f of flags)
          found.push({ agency: agencies.get(f.key.agencyId)!, value: f.key, kind: f.kind, messageZh: f.messageZh, messageEn: f.messageEn });
      }
    }
    found.sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'zh-CN') || a.kind.localeCompare(b.kind) || a.value.metric.localeCompare(b.value.metric));
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
}
