/**
 * What a breakdown figure rests on, in words for a chart's tooltip or caption: the scopes of its reports, how many
 * reports it counts of the agencies expected, and how many of those reports' values of the part are doubtful or
 * otherwise not plainly verified (and how many printed the part blank, left out of the sum).
 */
import type { MetricQuality, ReportScope } from '@ogi/domain';
import { type BreakdownRowResult } from '../graphql/api';
import { isDoubtful, type DescribedItem } from './metric-quality';

export type BreakdownBasis = Pick<
  BreakdownRowResult,
  | 'scopes'
  | 'quality'
  | 'reportsCounted'
  | 'reportsBlank'
  | 'agenciesCovered'
  | 'agenciesExpected'
  | 'reportsContradicted'
  | 'reportsUncertain'
  | 'reportsUnverifiable'
  | 'reportsCorrected'
>;

export interface BasisWords {
  /** e.g. 口径：本机关、地区汇总 */
  scopes: (scopes: readonly ReportScope[]) => string;
  /** e.g. 依据 3 份报告，覆盖 3/5 个机关 */
  coverage: (reports: number, covered: number, expected: number) => string;
  /** e.g. 表内矛盾 1 份 */
  qualityCount: (quality: MetricQuality, reports: number) => string;
  /** e.g. 另有 1 份报告此项空白，未计入 */
  blank: (reports: number) => string;
}

/** The states counted on a combined figure, worst first (verified values need no count). */
const COUNTED_STATES: readonly [MetricQuality, (b: BreakdownBasis) => number][] = [
  ['CONTRADICTED', (b) => b.reportsContradicted],
  ['UNCERTAIN', (b) => b.reportsUncertain],
  ['UNVERIFIABLE', (b) => b.reportsUnverifiable],
  ['CORRECTED', (b) => b.reportsCorrected],
];

/** Reports behind the figure whose value of the part the product knows may be wrong. */
export const doubtfulReports = (b: BreakdownBasis): number => b.reportsContradicted + b.reportsUncertain;

/** A figure is doubtful when its own value is (an agency's row), or when a report summed into it is. */
export const isDoubtfulBasis = (b: BreakdownBasis): boolean => (b.quality ? isDoubtful(b.quality) : doubtfulReports(b) > 0);

/**
 * The lines under a breakdown figure. An agency's row states its own quality (DescribedItem.quality), so only a
 * combined figure lists the counts by state.
 */
export function basisNotes(b: BreakdownBasis, words: BasisWords): string[] {
  const lines = [words.scopes(b.scopes), words.coverage(b.reportsCounted, b.agenciesCovered, b.agenciesExpected)];
  if (b.quality === null) {
    for (const [quality, count] of COUNTED_STATES) if (count(b) > 0) lines.push(words.qualityCount(quality, count(b)));
  }
  if (b.reportsBlank > 0) lines.push(words.blank(b.reportsBlank));
  return lines;
}

/** The facts a chart item carries for describedTooltip: the row's own quality (if any) and its basis in words. */
export function basisItem(b: BreakdownBasis, words: BasisWords): DescribedItem {
  return { quality: b.quality, notes: basisNotes(b, words) };
}
