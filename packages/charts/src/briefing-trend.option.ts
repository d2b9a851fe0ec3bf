/**
 * The briefing's trend chart: applications received and handled as bars, the disclosure and on-time rates as lines
 * on a per-cent axis, one category per year. The same option is drawn by the dashboard's briefing page and
 * rendered on the server into the DOCX.
 */

/** One year of the trend; rates as 0–1, null where no counted report gives the figure. */
export interface BriefingTrendPoint {
  year: number;
  received: number | null;
  handled: number | null;
  disclosureRate: number | null;
  onTimeRate: number | null;
}

export interface BriefingTrendText {
  received: string;
  handled: string;
  disclosureRate: string;
  onTimeRate: string;
  countAxis: string;
  yearLabel: (year: number) => string;
}

/** The colours of the briefing's charts: readable in print and for colour-blind readers (blue, light blue, orange, green). */
export const BRIEFING_COLOURS = ['#2f6db5', '#8fb3de', '#d9822b', '#3a9e5c'] as const;

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Points from roll-up rows (`{ year, metric, value }`), oldest first, one per year asked. */
export function briefingTrendPoints(rows: readonly { year: number; metric: string; value: number | null }[], years: readonly number[]): BriefingTrendPoint[] {
  const value = (year: number, metric: string) => rows.find((r) => r.year === year && r.metric === metric)?.value ?? null;
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      received: value(year, 'applications.new'),
      handled: value(year, 'applications.handled'),
      disclosureRate: value(year, 'outcomes.disclosureRate'),
      onTimeRate: value(year, 'timeliness.onTimeRate'),
    }));
}

/**
 * Without animation and with labels on the bars, so that a printed or rendered chart shows its numbers; a year
 * without data stays on the axis as a gap.
 */
export function buildBriefingTrendOption(points: readonly BriefingTrendPoint[], text: BriefingTrendText, fontFamily?: string) {
  return {
    animation: false,
    aria: { enabled: true },
    color: [...BRIEFING_COLOURS],
    textStyle: fontFamily ? { fontFamily } : {},
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, data: [text.received, text.handled, text.disclosureRate, text.onTimeRate] },
    tooltip: { trigger: 'axis' as const },
    xAxis: { type: 'category' as const, data: points.map((p) => text.yearLabel(p.year)) },
    yAxis: [
      { type: 'value' as const, name: text.countAxis, minInterval: 1 },
      { type: 'value' as const, name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar' as const, name: text.received, data: points.map((p) => p.received), barMaxWidth: 32, label: { show: true, position: 'top' as const } },
      { type: 'bar' as const, name: text.handled, data: points.map((p) => p.handled), barMaxWidth: 32 },
      {
        type: 'line' as const,
        name: text.disclosureRate,
        yAxisIndex: 1,
        data: points.map((p) => percent(p.disclosureRate)),
        connectNulls: false,
        symbolSize: 7,
      },
      { type: 'line' as const, name: text.onTimeRate, yAxisIndex: 1, data: points.map((p) => percent(p.onTimeRate)), connectNulls: false, symbolSize: 7 },
    ],
  };
}
