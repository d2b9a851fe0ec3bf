/**
 * The briefing's sentences, written from the data by fixed rules (no language model): each sentence states the
 * numbers it rests on and returns them, so a reader can trace every word to a figure of the API.
 */
import { METRIC_BY_CODE, type MetricDefinition } from '../metrics.js';
import { formatCount, formatDecimal, formatMetricValue } from './thresholds.js';

export interface Sentence {
  zh: string;
  en: string;
  /** The figures the sentence states, by name, as numbers (ratios as 0–1). */
  figures: Record<string, number | null>;
}

/** How a headline count is said of a whole scope ("全市共收到申请 X 件"). */
const COUNT_PHRASES: Record<string, { zh: string; en: string }> = {
  'applications.new': { zh: '共收到申请', en: 'received' },
  'applications.handled': { zh: '共办结申请', en: 'handled' },
  'review.total': { zh: '共被申请行政复议', en: 'faced administrative reviews:' },
  'litigation.total': { zh: '共被提起行政诉讼', en: 'faced lawsuits:' },
};

export interface MatchedChange {
  /** Agencies with a counted report in both years. */
  agencies: number;
  /** The metric over those agencies only, this year and last (for a ratio: sums divided). */
  current: number | null;
  previous: number | null;
}

function definition(code: string): MetricDefinition {
  const def = METRIC_BY_CODE.get(code);
  if (!def) throw new Error(`unknown metric ${code}`);
  return def;
}

const noMatched = (n: number) => ({ zh: `较上年（可比机关 ${n} 个）无法比较`, en: `cannot be compared with last year (${n} matched agencies)` });

/** "较上年（可比机关 N 个）增长 Y%" for a count; "…上升 Y 个百分点" for a ratio. */
export function changeClause(metric: string, matched: MatchedChange): { zh: string; en: string; change: number | null } {
  const def = definition(metric);
  const n = matched.agencies;
  const { current, previous } = matched;
  if (n === 0 || current === null || previous === null) return { ...noMatched(n), change: null };
  const head = `较上年（可比机关 ${formatCount(n)} 个）`;
  const headEn = `on last year (${formatCount(n)} matched agencies)`;
  if (def.unit === 'ratio') {
    const points = (current - previous) * 100;
    const shown = formatDecimal(Math.abs(points), 1);
    if (shown === formatDecimal(0, 1)) return { zh: `${head}持平`, en: `unchanged ${headEn}`, change: 0 };
    const [zh, en] = points > 0 ? ['上升', 'up'] : ['下降', 'down'];
    return { zh: `${head}${zh} ${shown} 个百分点`, en: `${en} ${shown} percentage points ${headEn}`, change: points / 100 };
  }
  if (previous === 0)
    return { zh: `${head}由 0 增至 ${formatCount(current)}，无法计算增幅`, en: `from 0 to ${formatCount(current)} ${headEn}: no growth rate`, change: null };
  const pct = ((current - previous) / previous) * 100;
  const shown = formatDecimal(Math.abs(pct), 1);
  if (shown === formatDecimal(0, 1)) return { zh: `${head}持平`, en: `unchanged ${headEn}`, change: 0 };
  const [zh, en] = pct > 0 ? ['增长', 'up'] : ['下降', 'down'];
  return { zh: `${head}${zh} ${shown}%`, en: `${en} ${shown}% ${headEn}`, change: pct / 100 };
}

/**
 * The headline of one metric for a scope: "全市共收到申请 12,345 件，较上年（可比机关 40 个）增长 8.2%。"
 * `value` is the scope's figure this year (every counted report); the change compares the matched agencies only.
 */
export function headlineSentence(scope: { zh: string; en: string }, metric: string, value: number | null, matched: MatchedChange): Sentence {
  const def = definition(metric);
  const figures = { value, matchedAgencies: matched.agencies, matchedCurrent: matched.current, matchedPrevious: matched.previous };
  if (value === null) {
    return { zh: `${scope.zh}${def.nameZh}：无可用数据。`, en: `${scope.en}: no data for ${def.nameEn}.`, figures };
  }
  const change = changeClause(metric, matched);
  figures.value = value;
  const phrase = COUNT_PHRASES[metric];
  if (phrase && def.unit !== 'ratio') {
    return {
      zh: `${scope.zh}${phrase.zh} ${formatCount(value)} 件，${change.zh}。`,
      en: `${scope.en} ${phrase.en} ${formatCount(value)}, ${change.en}.`,
      figures,
    };
  }
  return {
    zh: `${scope.zh}${def.nameZh}为 ${formatMetricValue(def, value)}，${change.zh}。`,
    en: `${scope.en}: ${def.nameEn} ${formatMetricValue(def, value)}, ${change.en}.`,
    figures,
  };
}

/** "应报 N 个机关，已报 A 个（按时 B 个、逾期 C 个），未报 D 个；表内数据不一致的 E 份。" */
export function submissionSentence(counts: {
  expected: number;
  onTime: number;
  late: number;
  dateUnknown: number;
  missing: number;
  contradicted: number;
}): Sentence {
  const submitted = counts.onTime + counts.late + counts.dateUnknown;
  const unknown = counts.dateUnknown ? `、发布日期不明 ${formatCount(counts.dateUnknown)} 个` : '';
  const unknownEn = counts.dateUnknown ? `, ${formatCount(counts.dateUnknown)} undated` : '';
  return {
    zh: `应报年报的机关 ${formatCount(counts.expected)} 个，已报 ${formatCount(submitted)} 个（按时 ${formatCount(counts.onTime)} 个、逾期 ${formatCount(counts.late)} 个${unknown}），未报 ${formatCount(counts.missing)} 个；表格数据不能自洽（勾稽关系不成立）的 ${formatCount(counts.contradicted)} 份。`,
    en: `${formatCount(counts.expected)} agencies were due to report: ${formatCount(submitted)} did (${formatCount(counts.onTime)} on time, ${formatCount(counts.late)} late${unknownEn}), ${formatCount(counts.missing)} did not; ${formatCount(counts.contradicted)} reports' tables do not add up.`,
    figures: { ...counts, submitted },
  };
}

/** "按实质公开率：红色 A 个、黄色 B 个、绿色 C 个；样本不足不评色 D 个，无数据 E 个。" */
export function leagueSentence(metric: string, counts: { red: number; yellow: number; green: number; small_sample: number; no_value: number }): Sentence {
  const def = definition(metric);
  return {
    zh: `按${def.nameZh}：红色 ${counts.red} 个、黄色 ${counts.yellow} 个、绿色 ${counts.green} 个；样本不足不评色 ${counts.small_sample} 个，无数据 ${counts.no_value} 个。`,
    en: `By ${def.nameEn}: ${counts.red} red, ${counts.yellow} yellow, ${counts.green} green; ${counts.small_sample} not coloured (sample too small), ${counts.no_value} without data.`,
    figures: { ...counts },
  };
}
