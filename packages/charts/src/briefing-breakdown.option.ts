/**
 * The briefing's breakdown charts (withholding reasons, review and litigation outcomes): one horizontal bar per
 * part, largest on top, labelled with its count and share. The dashboard's briefing page draws the same option
 * that the server renders into the DOCX.
 */
import { BRIEFING_COLOURS } from './briefing-trend.option.js';

/** One part of a breakdown, the scope combined: its count (null when no counted report gives it) and share (0–1). */
export interface BriefingBreakdownPart {
  label: string;
  value: number | null;
  share: number | null;
}

/** What a breakdown part rests on, as the API's breakdown rows give it (combined over the scope). */
export interface BriefingBreakdownBasis {
  reportsCounted: number;
  agenciesCovered: number;
  agenciesExpected: number;
  reportsContradicted: number;
  reportsUncertain: number;
}

/** The line under a breakdown chart: how many reports and agencies it rests on, and how many reports are doubtful. */
export interface BreakdownCoverage {
  /** The most reports any part of the chart counts (parts a report prints blank count fewer). */
  reports: number;
  /** The most agencies any part covers, of those expected. */
  covered: number;
  expected: number;
  /**
   * The most reports whose value is contradicted or uncertain in any one part: the parts of one report share their
   * doubt when one rule touches them all (a review group's 总计), so the parts' counts are not added.
   */
  doubtful: number;
}

/** The coverage of a chart's parts; null when it has none. */
export function breakdownCoverage(parts: readonly BriefingBreakdownBasis[]): BreakdownCoverage | null {
  if (!parts.length) return null;
  return {
    reports: Math.max(...parts.map((p) => p.reportsCounted)),
    covered: Math.max(...parts.map((p) => p.agenciesCovered)),
    expected: Math.max(...parts.map((p) => p.agenciesExpected)),
    doubtful: Math.max(...parts.map((p) => p.reportsContradicted + p.reportsUncertain)),
  };
}

export interface BriefingBreakdownText {
  countAxis: string;
  /** The bar's label, e.g. "12 件（34.5%）". */
  barLabel: (value: number, share: number | null) => string;
}

/** Parts with a count, largest last (ECharts draws a category axis from the bottom, so the largest ends on top). */
export function breakdownBars(parts: readonly BriefingBreakdownPart[]): BriefingBreakdownPart[] {
  return parts.filter((p) => p.value !== null && p.value > 0).sort((a, b) => a.value! - b.value! || b.label.localeCompare(a.label, 'zh-CN'));
}

/** Height in pixels that fits the bars without squeezing their labels. */
export const breakdownChartHeight = (bars: number) => Math.max(120, 40 + bars * 28);

export function buildBriefingBreakdownOption(parts: readonly BriefingBreakdownPart[], text: BriefingBreakdownText, fontFamily?: string) {
  const bars = breakdownBars(parts);
  return {
    animation: false,
    aria: { enabled: true },
    color: [BRIEFING_COLOURS[0]],
    textStyle: fontFamily ? { fontFamily } : {},
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    xAxis: { type: 'value' as const, name: text.countAxis, minInterval: 1 },
    yAxis: { type: 'category' as const, data: bars.map((b) => b.label), axisLabel: { width: 220, overflow: 'truncate' as const } },
    series: [
      {
        type: 'bar' as const,
        data: bars.map((b) => b.value),
        barMaxWidth: 20,
        label: {
          show: true,
          position: 'right' as const,
          formatter: (p: { dataIndex: number }) => text.barLabel(bars[p.dataIndex]!.value!, bars[p.dataIndex]!.share),
        },
      },
    ],
  };
}
