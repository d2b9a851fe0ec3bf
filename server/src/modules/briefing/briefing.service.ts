/**
 * The annual briefing (年度观测简报) of a scope and year, as data: headline figures with their change on matched
 * agencies, the trend, submissions and the reports that are missing, late or do not add up, the league tables,
 * notable changes, withholding reasons and review / litigation outcomes, and the methodology. The DOCX and the
 * dashboard's printable page are both drawn from this one object; every sentence comes from @ogi/domain's rules.
 */
import { Injectable } from '@nestjs/common';
import { METRIC_BY_CODE, changeClause, headlineSentence, submissionSentence, type BreakdownDimension, type MetricCode } from '@ogi/domain';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import { AnalyticsService, metricDefinitions } from '../analytics/analytics.service.js';
import type { AgencySelectionInput } from '../analytics/dto/agency-selection.input.js';
import type { SubmissionModel } from '../analytics/models/submission.model.js';
import { QualityService } from '../analytics/quality.service.js';
import { summarizeSubmissions } from '../analytics/submission-matrix.js';
import { FollowUpsService } from './follow-ups.service.js';
import { LeagueService, compareNames } from './league.service.js';
import type { NoticeAgency } from './briefing-docx.js';
import type { BriefingHeadlineModel, BriefingIssueModel, BriefingModel } from './models/briefing.model.js';

export const HEADLINE_METRICS = [
  'applications.new',
  'applications.handled',
  'outcomes.disclosureRate',
  'outcomes.substantiveDisclosureRate',
  'timeliness.onTimeRate',
  'review.total',
  'review.correctionRate',
  'litigation.total',
] as const satisfies readonly MetricCode[];
export const TREND_METRICS = [
  'applications.new',
  'applications.handled',
  'outcomes.disclosureRate',
  'timeliness.onTimeRate',
] as const satisfies readonly MetricCode[];
export const TREND_YEARS = 5;

/** The submission sentence's figures, counted as the quality page's tiles count them; expected = every status but not yet due. */
function submissionFigures(submissions: readonly SubmissionModel[], year: number) {
  const [s] = summarizeSubmissions(submissions, [year]);
  return {
    expected: s!.agencies - s!.notDue,
    onTime: s!.onTime,
    late: s!.late,
    dateUnknown: s!.dateUnknown,
    missing: s!.missing,
    contradicted: s!.failing,
  };
}

const METHODOLOGY_ZH = [
  '数据来源：各机关公开发布的政府信息公开工作年度报告，按官方格式读取表格二、三、四；每个数字可追溯到原文位置。',
  '范围：简报所述范围内的全部机关。汇总数不重复计算：某级政府发布本地区汇总报告的年份，以该汇总报告代表其下全部机关，其下机关的报告不再相加；系统汇总报告不计入。',
  '比率：汇总时为分子之和除以分母之和，不取各机关比率的平均。',
  '较上年变化：只比较“可比机关”，即两年均有本机关报告且该指标有值的机关，避免因报告多少而虚增虚减。',
  '覆盖：每个数字注明计入的报告数和所代表的机关数；表格数据不能自洽（勾稽关系不成立）的报告照原文计入，并标注“数据矛盾”。按时答复率取自报告正文，为自述数据。',
  '红黄绿：按各指标设定的阈值（方向、红线、黄线、最小样本量）着色；样本量不足的机关不着色，单独列出。',
  '显著变化：较上年大幅变动（件数为上年 3 倍以上或三分之一以下且至少 30 件；比率变动 20 个百分点以上且样本足够），或偏离同级机关中位数（稳健 z 值超过 3.5，即 0.6745 ×（值 − 中位数）÷ 中位数绝对偏差）。',
];

@Injectable()
export class BriefingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly analytics: AnalyticsService,
    private readonly quality: QualityService,
    private readonly league: LeagueService,
    private readonly followUps: FollowUpsService,
  ) {}

  async build(year: number, selection: AgencySelectionInput | null | undefined, scope: AgencyScope, now = new Date()): Promise<BriefingModel> {
    const agencyIds = await this.league.agencyIds(selection, scope);
    const years = Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i);
    const sel: AgencySelectionInput = selection ?? {};

    // Every input is read once for the whole briefing, side by side: the headline metrics' roll-up over the trend's
    // years in one query, the submissions, the breakdowns, and one read of the agencies' values that the headlines'
    // matched change, the league tables and the notable changes all use.
    const [name, series, watched, submissions, breakdowns, dataDate] = await Promise.all([
      this.scopeName(selection, agencyIds),
      this.analytics.rollupOver(agencyIds, years, metricDefinitions(HEADLINE_METRICS)),
      this.league.watch(year, agencyIds, HEADLINE_METRICS),
      this.quality.submissions([year], sel, scope),
      Promise.all(
        (['WITHHOLDING_REASONS', 'REVIEW_OUTCOMES', 'LITIGATION_OUTCOMES'] as BreakdownDimension[]).map((d) =>
          this.analytics.breakdown(d, sel, [year], true, scope),
        ),
      ),
      this.dataSource.query<{ at: Date | null }[]>(`SELECT max(created_at) AS at FROM report WHERE is_current AND agency_id = ANY($1::int[]) AND year <= $2`, [
        agencyIds,
        year,
      ]),
    ]);
    const { leagues, notableChanges } = watched;

    const headlines: BriefingHeadlineModel[] = HEADLINE_METRICS.map((metric) => {
      const def = METRIC_BY_CODE.get(metric)!;
      const point = series.find((p) => p.metric === metric && p.year === year);
      const values = watched.inputs.byMetric.get(metric) ?? [];
      const matched = matchedChange(metric, values, year);
      const sentence = headlineSentence({ zh: name.zh, en: name.en }, metric, point?.value ?? null, matched);
      return {
        metric,
        nameZh: def.nameZh,
        nameEn: def.nameEn,
        value: point?.value ?? null,
        reportsCounted: point?.reportsCounted ?? 0,
        agenciesCovered: point?.agenciesCovered ?? 0,
        matchedAgencies: matched.agencies,
        matchedCurrent: matched.current,
        matchedPrevious: matched.previous,
        change: changeClause(metric, matched).change,
        contradictedReports: values.filter((v) => v.year === year && v.value !== null && v.quality === 'CONTRADICTED').length,
        sentenceZh: sentence.zh,
        sentenceEn: sentence.en,
      };
    });

    const problems = await this.followUps.problems(year, agencyIds, scope, { submissions, leagues, notableChanges });
    const agencyById = new Map(submissions.map((s) => [Number(s.agency.id), s.agency]));
    const order = { missing: 0, contradicted: 1, late: 2, flagged: 3 } as const;
    const issues: BriefingIssueModel[] = problems
      .filter((p) => p.reason !== 'flagged')
      .sort((a, b) => order[a.reason] - order[b.reason] || compareNames(agencyById.get(a.agencyId)!.name, agencyById.get(b.agencyId)!.name))
      .map((p) => ({
        agency: agencyById.get(p.agencyId)!,
        reason: p.reason,
        detailZh: p.detailZh,
        detailEn: p.detailEn,
        reportId: p.reportId === null ? null : String(p.reportId),
      }));
    const submitted = submissionSentence(submissionFigures(submissions, year));

    const used = [...new Set([...HEADLINE_METRICS, ...leagues.map((t) => t.metric)])];
    return {
      year,
      scopeNameZh: name.zh,
      scopeNameEn: name.en,
      agenciesSelected: agencyIds.length,
      generatedAt: now.toISOString(),
      dataDate: dataDate[0]?.at ? new Date(dataDate[0].at).toISOString() : null,
      headlines,
      trend: TREND_METRICS.flatMap((metric) => series.filter((p) => p.metric === metric)),
      submissionSentenceZh: submitted.zh,
      submissionSentenceEn: submitted.en,
      issues,
      leagues,
      notableChanges,
      withholding: breakdowns[0]!,
      reviewOutcomes: breakdowns[1]!,
      litigationOutcomes: breakdowns[2]!,
      metricNotes: used.map((code) => {
        const d = METRIC_BY_CODE.get(code)!;
        return { code, nameZh: d.nameZh, formulaZh: d.formulaZh, denominatorZh: d.denominatorZh ?? null, caveatZh: d.caveatZh ?? null };
      }),
      methodologyZh: METHODOLOGY_ZH,
    };
  }

  /**
   * The notice (通报) of a year: every agency's problems as the data shows them now (missing, late, tables that do not
   * add up, red colours and notable changes), with the follow-up status the bureau has recorded for each; agencies
   * whose every item is exempt are left out.
   */
  async notice(
    year: number,
    selection: AgencySelectionInput | null | undefined,
    scope: AgencyScope,
  ): Promise<{ year: number; scopeNameZh: string; summaryZh: string; agencies: NoticeAgency[] }> {
    const agencyIds = await this.league.agencyIds(selection, scope);
    const name = await this.scopeName(selection, agencyIds);
    const submissions = await this.quality.submissions([year], selection, scope);
    const problems = await this.followUps.problems(year, agencyIds, scope, { submissions });
    const stored = await this.dataSource.query<{ agency_id: number; reason: string; status: string }[]>(
      `SELECT agency_id, reason, status FROM follow_up_item WHERE year = $1 AND agency_id = ANY($2::int[])`,
      [year, [...agencyIds]],
    );
    const statusOf = new Map(stored.map((r) => [`${r.agency_id}:${r.reason}`, r.status]));
    const names = new Map(submissions.map((s) => [Number(s.agency.id), s.agency.name]));
    const byAgency = new Map<number, NoticeAgency>();
    const order = { missing: 0, contradicted: 1, late: 2, flagged: 3 } as const;
    for (const p of [...problems].sort((a, b) => order[a.reason] - order[b.reason])) {
      const status = statusOf.get(`${p.agencyId}:${p.reason}`) ?? null;
      if (status === 'exempt') continue;
      const entry = byAgency.get(p.agencyId) ?? { name: names.get(p.agencyId)!, problems: [] };
      entry.problems.push({ reason: p.reason, detailZh: p.detailZh, status });
      byAgency.set(p.agencyId, entry);
    }
    const summary = submissionSentence(submissionFigures(submissions, year));
    const agencies = [...byAgency.values()].sort((a, b) => compareNames(a.name, b.name));
    return { year, scopeNameZh: name.zh, summaryZh: summary.zh, agencies };
  }

  /** How the sentences name the scope: the parent agency of a district or system, the one top government, or 所选机关. */
  private async scopeName(selection: AgencySelectionInput | null | undefined, agencyIds: readonly number[]): Promise<{ zh: string; en: string }> {
    const s = selection ?? {};
    if (s.parentId && !s.kinds?.length && !s.levels?.length) {
      const [a] = await this.analytics.agencies([Number(s.parentId)]);
      if (a) return { zh: a.name, en: a.name };
    }
    if (!s.parentId && !s.agencyIds?.length && !s.kinds?.length && !s.levels?.length) {
      const roots = await this.dataSource.query<{ name: string }[]>(
        `SELECT name FROM agency WHERE parent_id IS NULL AND kind = 'government' AND id = ANY($1::int[])`,
        [[...agencyIds]],
      );
      if (roots.length === 1) return { zh: roots[0]!.name, en: roots[0]!.name };
    }
    return { zh: '所选机关', en: 'The selected agencies' };
  }
}

/** A metric over the agencies whose own report has it in both years: Σ numerators (÷ Σ denominators for ratios). */
export function matchedChange(
  metric: string,
  values: readonly {
    agencyId: number;
    year: number;
    metric: string;
    scope: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }[],
  year: number,
): { agencies: number; current: number | null; previous: number | null } {
  const def = METRIC_BY_CODE.get(metric)!;
  const ratio = def.unit === 'ratio';
  const usable = (v: (typeof values)[number]) =>
    v.metric === metric && v.scope === 'self' && v.numerator !== null && (!ratio || (v.denominator !== null && v.denominator > 0));
  const prev = new Map(values.filter((v) => v.year === year - 1 && usable(v)).map((v) => [v.agencyId, v]));
  const pairs = values.filter((v) => v.year === year && usable(v) && prev.has(v.agencyId)).map((v) => [v, prev.get(v.agencyId)!] as const);
  if (!pairs.length) return { agencies: 0, current: null, previous: null };
  const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
  const of = (k: 0 | 1) => (ratio ? sum(pairs.map((p) => p[k].numerator)) / sum(pairs.map((p) => p[k].denominator)) : sum(pairs.map((p) => p[k].numerator)));
  return { agencies: pairs.length, current: of(0), previous: of(1) };
}
