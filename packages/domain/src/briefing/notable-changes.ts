/**
 * Notable changes: a year-on-year jump of one agency's figure, and an agency far from its peers (robust
 * statistics: the median and the median absolute deviation, which a few extreme agencies cannot drag along).
 * Each flag explains itself in words that state the numbers it rests on.
 */
import { METRIC_BY_CODE, type MetricDefinition } from '../metrics.js';
import { formatDecimal, formatMetricValue, formatPercent } from './thresholds.js';

/** `jump`: a year-on-year change of one agency's figure; `outlier`: an agency far from its peers. */
export const NOTABLE_CHANGE_KINDS = ['jump', 'outlier'] as const;
export type NotableChangeKind = (typeof NOTABLE_CHANGE_KINDS)[number];

export interface NotableChange {
  kind: NotableChangeKind;
  metric: string;
  messageZh: string;
  messageEn: string;
}

/** Bounds of the rules; the defaults are what the briefing uses. */
export interface NotableChangeOptions {
  /** A count must reach this in one of the two years before a jump counts (20 → 60 applications is noise). */
  minCount: number;
  /** A count at least this many times last year's, or at most its inverse, is a jump. */
  countFactor: number;
  /** A ratio moving at least this many percentage points is a jump. */
  ratioPoints: number;
  /** A ratio needs this sample (its denominator) in each year compared, or among peers. */
  minSample: number;
  /** Robust z-score (0.6745 · (x − median) / MAD) beyond which an agency is an outlier (Iglewicz and Hoaglin's 3.5). */
  robustZ: number;
  /** …and at least this far from the median, in percentage points for ratios (a tight group makes a tiny MAD). */
  minGapPoints: number;
  /** A count is an outlier only at this multiple of its peers' median or more (low counts are not a problem). */
  peerCountFactor: number;
  /** Fewer peers than this say nothing about what is usual. */
  minPeers: number;
}

export const NOTABLE_CHANGE_DEFAULTS: NotableChangeOptions = {
  minCount: 30,
  countFactor: 3,
  ratioPoints: 20,
  minSample: 30,
  robustZ: 3.5,
  minGapPoints: 10,
  peerCountFactor: 3,
  minPeers: 5,
};

const isRatio = (def: MetricDefinition) => def.unit === 'ratio';
const unitZh = (def: MetricDefinition) =>
  def.unit === 'applications' || def.unit === 'cases' || def.unit === 'documents' || def.unit === 'decisions' ? ' 件' : '';
const shown = (def: MetricDefinition, x: number) => `${formatMetricValue(def, x)}${unitZh(def)}`;
/** 4 → "4", 2.5 → "2.5". */
const times = (x: number) => formatDecimal(x, 1).replace(/\.0$/, '');

function definition(code: string): MetricDefinition {
  const def = METRIC_BY_CODE.get(code);
  if (!def) throw new Error(`unknown metric ${code}`);
  return def;
}

/** A jump of one agency's metric from last year to this, or null. */
export function yearOnYearJump(
  metric: string,
  current: { value: number | null; sample: number | null },
  previous: { value: number | null; sample: number | null },
  options: NotableChangeOptions = NOTABLE_CHANGE_DEFAULTS,
): NotableChange | null {
  const def = definition(metric);
  const cur = current.value;
  const prev = previous.value;
  if (cur === null || prev === null) return null;
  const trail = `（${shown(def, prev)} → ${shown(def, cur)}）`;
  const trailEn = ` (${formatMetricValue(def, prev)} → ${formatMetricValue(def, cur)})`;
  if (isRatio(def)) {
    if ((current.sample ?? 0) < options.minSample || (previous.sample ?? 0) < options.minSample) return null;
    const points = (cur - prev) * 100;
    if (Math.abs(points) < options.ratioPoints) return null;
    const [zh, en] = points > 0 ? ['上升', 'rose'] : ['下降', 'fell'];
    return {
      kind: 'jump',
      metric,
      messageZh: `${def.nameZh}较上年${zh} ${formatDecimal(Math.abs(points), 1)} 个百分点${trail}`,
      messageEn: `${def.nameEn} ${en} ${formatDecimal(Math.abs(points), 1)} percentage points on last year${trailEn}`,
    };
  }
  if (Math.max(cur, prev) < options.minCount) return null;
  if (prev === 0) {
    return {
      kind: 'jump',
      metric,
      messageZh: `${def.nameZh}由上年的 0 增至 ${shown(def, cur)}`,
      messageEn: `${def.nameEn} went from 0 last year to ${formatMetricValue(def, cur)}`,
    };
  }
  const factor = cur / prev;
  if (factor >= options.countFactor) {
    // 增长 N 倍 is the increase over last year's figure: 20 → 100 is 增长 4 倍.
    const growth = times(factor - 1);
    return {
      kind: 'jump',
      metric,
      messageZh: `${def.nameZh}较上年增长 ${growth} 倍${trail}`,
      messageEn: `${def.nameEn} were ${times(factor)} times last year's${trailEn}`,
    };
  }
  if (factor <= 1 / options.countFactor) {
    const fall = formatPercent(1 - factor);
    return {
      kind: 'jump',
      metric,
      messageZh: `${def.nameZh}较上年减少 ${fall}%${trail}`,
      messageEn: `${def.nameEn} fell ${fall}% on last year${trailEn}`,
    };
  }
  return null;
}

/** The median of a non-empty list (the mean of the two middle values when their number is even). */
export function median(xs: readonly number[]): number {
  if (!xs.length) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The median absolute deviation from the median. */
export function medianAbsoluteDeviation(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

export interface PeerValue<K> {
  key: K;
  value: number | null;
  sample: number | null;
}

export interface PeerOutlier<K> extends NotableChange {
  key: K;
  value: number;
  median: number;
  /** Infinity when the peers' MAD is 0 (most of them print the same value). */
  robustZ: number;
}

/**
 * The agencies far from the median of their peers (`peerLabelZh`, e.g. 同级部门). Only agencies with a value and,
 * for a ratio, the least sample take part, in the statistics and as candidates.
 */
export function peerOutliers<K>(
  metric: string,
  peers: readonly PeerValue<K>[],
  peerLabel: { zh: string; en: string },
  options: NotableChangeOptions = NOTABLE_CHANGE_DEFAULTS,
): PeerOutlier<K>[] {
  const def = definition(metric);
  const ratio = isRatio(def);
  const usable = peers.filter((p): p is PeerValue<K> & { value: number } => p.value !== null && (!ratio || (p.sample ?? 0) >= options.minSample));
  if (usable.length < options.minPeers) return [];
  const values = usable.map((p) => p.value);
  const m = median(values);
  const mad = medianAbsoluteDeviation(values);
  const out: PeerOutlier<K>[] = [];
  for (const p of usable) {
    const gap = p.value - m;
    const z = mad === 0 ? (gap === 0 ? 0 : gap > 0 ? Infinity : -Infinity) : (0.6745 * gap) / mad;
    if (Math.abs(z) <= options.robustZ) continue;
    const [zh, en] = gap > 0 ? ['高于', 'above'] : ['低于', 'below'];
    if (ratio) {
      const points = Math.abs(gap) * 100;
      if (points < options.minGapPoints) continue;
      out.push({
        kind: 'outlier',
        metric,
        key: p.key,
        value: p.value,
        median: m,
        robustZ: z,
        messageZh: `${def.nameZh}${zh}${peerLabel.zh}中位数 ${formatDecimal(points, 1).replace(/\.0$/, '')} 个百分点（${formatMetricValue(def, p.value)}，中位数 ${formatMetricValue(def, m)}）`,
        messageEn: `${def.nameEn} ${formatDecimal(points, 1).replace(/\.0$/, '')} percentage points ${en} the median of ${peerLabel.en} (${formatMetricValue(def, p.value)}, median ${formatMetricValue(def, m)})`,
      });
    } else {
      // A count is compared as a multiple of the median (a median of 0 compares nothing).
      if (m <= 0 || gap < 0) continue;
      const factor = p.value / m;
      if (factor < options.peerCountFactor) continue;
      out.push({
        kind: 'outlier',
        metric,
        key: p.key,
        value: p.value,
        median: m,
        robustZ: z,
        messageZh: `${def.nameZh}为${peerLabel.zh}中位数的 ${times(factor)} 倍（${shown(def, p.value)}，中位数 ${shown(def, m)}）`,
        messageEn: `${def.nameEn} is ${times(factor)} times the median of ${peerLabel.en} (${formatMetricValue(def, p.value)}, median ${formatMetricValue(def, m)})`,
      });
    }
  }
  return out;
}
