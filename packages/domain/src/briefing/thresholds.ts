/**
 * Thresholds of the league table (红黄绿): per metric, which direction is good, the red and yellow bounds and the
 * least sample an agency needs before it is coloured at all. Shared by the server (which stores and applies them)
 * and the dashboard (which edits them), so a colour and its reason read the same everywhere.
 */
import { METRIC_BY_CODE, isRatioMetric, type MetricDefinition } from '../metrics.js';

/** `higher`: a low value is bad (red below the red bound). `lower`: a high value is bad (red above it). */
export const THRESHOLD_DIRECTIONS = ['higher', 'lower'] as const;
export type ThresholdDirection = (typeof THRESHOLD_DIRECTIONS)[number];

export interface ThresholdRule {
  metric: string;
  direction: ThresholdDirection;
  /** In the metric's own unit (ratios as 0–1). */
  red: number;
  yellow: number;
  /** Least sample (a ratio's denominator, else applications handled) for a colour; below it the agency is not coloured. */
  minSample: number;
}

/**
 * The defaults, used until an editor sets a metric's thresholds. The first two are the bounds other cities'
 * cockpits use (实质公开率 < 40 % red, < 45 % yellow; 复议纠错率 > 15 % red, > 10 % yellow; N ≥ 30); the third
 * applies the review bounds to litigation, where a court correcting a decision says the same about its quality.
 */
export const DEFAULT_THRESHOLDS: readonly ThresholdRule[] = [
  { metric: 'outcomes.substantiveDisclosureRate', direction: 'higher', red: 0.4, yellow: 0.45, minSample: 30 },
  { metric: 'review.correctionRate', direction: 'lower', red: 0.15, yellow: 0.1, minSample: 30 },
  { metric: 'litigation.correctionRate', direction: 'lower', red: 0.15, yellow: 0.1, minSample: 30 },
];

/** The largest least sample an editor may set (beyond it no agency would ever be coloured). */
export const MAX_MIN_SAMPLE = 100_000;

export const THRESHOLD_ERROR_CODES = ['UNKNOWN_METRIC', 'BOUNDS_OUT_OF_RANGE', 'BOUNDS_IN_WRONG_ORDER', 'INVALID_MIN_SAMPLE'] as const;
export type ThresholdErrorCode = (typeof THRESHOLD_ERROR_CODES)[number];

export interface ThresholdProblem {
  code: ThresholdErrorCode;
  messageZh: string;
  messageEn: string;
}

/** Why a rule cannot be stored, in words a clerk understands; null when it can. */
export function thresholdProblem(rule: ThresholdRule): ThresholdProblem | null {
  const def = METRIC_BY_CODE.get(rule.metric);
  if (!def) {
    return { code: 'UNKNOWN_METRIC', messageZh: `没有名为“${rule.metric}”的指标。`, messageEn: `There is no metric named "${rule.metric}".` };
  }
  const ratio = isRatioMetric(def) && def.unit === 'ratio';
  const inRange = (x: number) => Number.isFinite(x) && x >= 0 && (!ratio || x <= 1);
  if (!inRange(rule.red) || !inRange(rule.yellow)) {
    return ratio
      ? {
          code: 'BOUNDS_OUT_OF_RANGE',
          messageZh: `“${def.nameZh}”的红、黄线须在 0% 到 100% 之间。`,
          messageEn: `The red and yellow bounds of "${def.nameEn}" must lie between 0% and 100%.`,
        }
      : {
          code: 'BOUNDS_OUT_OF_RANGE',
          messageZh: `“${def.nameZh}”的红、黄线不能为负数。`,
          messageEn: `The red and yellow bounds of "${def.nameEn}" cannot be negative.`,
        };
  }
  const ordered = rule.direction === 'higher' ? rule.red <= rule.yellow : rule.red >= rule.yellow;
  if (!ordered) {
    return rule.direction === 'higher'
      ? {
          code: 'BOUNDS_IN_WRONG_ORDER',
          messageZh: `“${def.nameZh}”越高越好：红线不能高于黄线。`,
          messageEn: `Higher is better for "${def.nameEn}": the red bound cannot be above the yellow one.`,
        }
      : {
          code: 'BOUNDS_IN_WRONG_ORDER',
          messageZh: `“${def.nameZh}”越低越好：红线不能低于黄线。`,
          messageEn: `Lower is better for "${def.nameEn}": the red bound cannot be below the yellow one.`,
        };
  }
  if (!Number.isInteger(rule.minSample) || rule.minSample < 1 || rule.minSample > MAX_MIN_SAMPLE) {
    return {
      code: 'INVALID_MIN_SAMPLE',
      messageZh: `最小样本量须为 1 到 ${MAX_MIN_SAMPLE} 之间的整数。`,
      messageEn: `The least sample must be a whole number from 1 to ${MAX_MIN_SAMPLE}.`,
    };
  }
  return null;
}

/** red / yellow / green; `small_sample` below the least sample (never green); `no_value` when the report gives none. */
export const THRESHOLD_COLOURS = ['red', 'yellow', 'green', 'small_sample', 'no_value'] as const;
export type ThresholdColour = (typeof THRESHOLD_COLOURS)[number];

export interface Classification {
  colour: ThresholdColour;
  reasonZh: string;
  reasonEn: string;
}

/** A value in the metric's unit, as a clerk reads it: ratios in per cent with one decimal, counts whole. */
export function formatMetricValue(def: Pick<MetricDefinition, 'unit'>, value: number): string {
  if (def.unit === 'ratio') return `${formatPercent(value)}%`;
  if (def.unit === 'per100') return formatDecimal(value, 1);
  if (def.unit === 'wan') return formatDecimal(value, 2);
  return formatCount(value);
}

/** 0.3856 → "38.6" (per cent, one decimal). */
export const formatPercent = (ratio: number): string => formatDecimal(ratio * 100, 1);
/** 12345 → "12,345". */
export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');
export function formatDecimal(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

/** The colour of one value and why, in both languages. */
export function classify(rule: ThresholdRule, value: number | null, sample: number | null): Classification {
  const def = METRIC_BY_CODE.get(rule.metric);
  if (!def) throw new Error(`unknown metric ${rule.metric}`);
  const v = (x: number) => formatMetricValue(def, x);
  if (value === null) return { colour: 'no_value', reasonZh: '报告未给出该指标所需的数字', reasonEn: 'The report does not give the figures this metric needs' };
  if (sample === null || sample < rule.minSample) {
    const n = sample === null ? '未知' : formatCount(sample);
    return {
      colour: 'small_sample',
      reasonZh: `样本 ${n} 件，少于 ${formatCount(rule.minSample)} 件，不评色`,
      reasonEn: `Sample ${sample === null ? 'unknown' : formatCount(sample)}, below ${formatCount(rule.minSample)}: not coloured`,
    };
  }
  const [cmpZh, cmpEn] = rule.direction === 'higher' ? ['低于', 'below'] : ['高于', 'above'];
  const worse = (bound: number) => (rule.direction === 'higher' ? value < bound : value > bound);
  if (worse(rule.red))
    return { colour: 'red', reasonZh: `${v(value)} ${cmpZh}红线 ${v(rule.red)}`, reasonEn: `${v(value)} is ${cmpEn} the red bound ${v(rule.red)}` };
  if (worse(rule.yellow))
    return { colour: 'yellow', reasonZh: `${v(value)} ${cmpZh}黄线 ${v(rule.yellow)}`, reasonEn: `${v(value)} is ${cmpEn} the yellow bound ${v(rule.yellow)}` };
  const [okZh, okEn] = rule.direction === 'higher' ? ['不低于', 'not below'] : ['不高于', 'not above'];
  return { colour: 'green', reasonZh: `${v(value)} ${okZh}黄线 ${v(rule.yellow)}`, reasonEn: `${v(value)} is ${okEn} the yellow bound ${v(rule.yellow)}` };
}

/** The rules in force: the stored ones, and the defaults for metrics no one has set. */
export function effectiveThresholds(stored: readonly ThresholdRule[]): ThresholdRule[] {
  const byMetric = new Map(DEFAULT_THRESHOLDS.map((r) => [r.metric, r]));
  for (const r of stored) byMetric.set(r.metric, r);
  return [...byMetric.values()];
}
