/**
 * The bureau's pages as pure functions of their data: download addresses of the DOCX files, the trend chart (the
 * shared @ogi/charts builder the server also renders into the DOCX), thresholds between the form (per cent) and
 * the API (0–1), and the actions a follow-up item offers to whom.
 */
import {
  breakdownBars,
  breakdownChartHeight,
  breakdownCoverage,
  briefingTrendPoints,
  buildBriefingBreakdownOption,
  buildBriefingTrendOption,
  type BriefingBreakdownText,
  type BriefingTrendText,
} from '@ogi/charts';
import { METRIC_BY_CODE, mayAccess, type FollowUpStatus, type Role } from '@ogi/domain';
import type { ChartOption } from '../../composables/echarts';
import type { DataTable } from '../../export/data-table';
import { type BreakdownPart, type BriefingResult, type ThresholdColour } from '../../graphql/api';

export type BriefingDocument = 'briefing' | 'notice';

/** `GET /api/briefing.docx` / `notice.docx` for a year and, optionally, an agency with everything under it. */
export function documentUrl(kind: BriefingDocument, year: number, parentId: string | null): string {
  const params = new URLSearchParams({ year: String(year) });
  if (parentId) {
    params.set('parentId', parentId);
    params.set('includeDescendants', 'true');
  }
  return `/api/${kind}.docx?${params.toString()}`;
}

/** The selection of the briefing query: all agencies, or an agency with everything under it. */
export const briefingSelection = (parentId: string | null) => (parentId ? { parentId, includeDescendants: true, includeParent: true } : null);

type Briefing = BriefingResult['briefing'];
export type BriefingLeague = Briefing['leagues'][number];

/**
 * Rows of each league table the page shows at first: the worst first, so the red and yellow agencies come before
 * the rest; the API sends no more (the DOCX has every row), and the page offers the whole table on request.
 */
export const LEAGUE_ROWS_SHOWN = 20;

const COLOURS: readonly ThresholdColour[] = ['red', 'yellow', 'green', 'small_sample', 'no_value'];

/** What a league table on the page does not show: how many agencies, and how many of each colour (none left out silently). */
export function leagueHidden(table: Pick<BriefingLeague, 'counts' | 'agenciesWithReport'>, shown: readonly { colour: ThresholdColour }[]) {
  const byColour = COLOURS.map((colour) => ({ colour, count: table.counts[colour] - shown.filter((r) => r.colour === colour).length })).filter(
    (c) => c.count > 0,
  );
  return { total: table.agenciesWithReport - shown.length, byColour };
}

export function trendChart(b: Briefing, text: BriefingTrendText): { option: ChartOption; table: DataTable } {
  const years = [...new Set(b.trend.map((p) => p.year))];
  const points = briefingTrendPoints(b.trend, years);
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    option: buildBriefingTrendOption(points, text) as ChartOption,
    table: {
      columns: ['', text.received, text.handled, `${text.disclosureRate} (%)`, `${text.onTimeRate} (%)`],
      rows: points.map((p) => [p.year, p.received, p.handled, pct(p.disclosureRate), pct(p.onTimeRate)]),
    },
  };
}

/**
 * A breakdown's bar chart (the shared builder the DOCX uses too), with its height and data table; null when no
 * part has a count, so the page shows its table alone.
 */
export function breakdownChart(
  parts: readonly BreakdownPart[],
  label: (p: BreakdownPart) => string,
  text: BriefingBreakdownText & { part: string; count: string; share: string },
): { option: ChartOption; table: DataTable; height: number } | null {
  const named = parts.map((p) => ({ label: label(p), value: p.value, share: p.share }));
  const bars = breakdownBars(named).length;
  if (!bars) return null;
  return {
    option: buildBriefingBreakdownOption(named, text) as ChartOption,
    height: breakdownChartHeight(bars),
    table: {
      columns: [text.part, text.count, `${text.share} (%)`],
      rows: named.map((p) => [p.label, p.value, p.share === null ? null : Math.round(p.share * 1000) / 10]),
    },
  };
}

/**
 * The line under a breakdown chart (the DOCX has the same): the reports and agencies its figures rest on and the
 * most reports doubtful in any one part; null when the breakdown has no parts.
 */
export function breakdownCaption(
  parts: readonly BreakdownPart[],
  words: { coverage: (reports: number, covered: number, expected: number) => string; doubtful: (reports: number) => string; noDoubt: () => string },
): string | null {
  const c = breakdownCoverage(parts);
  if (!c) return null;
  return `${words.coverage(c.reports, c.covered, c.expected)}${c.doubtful ? words.doubtful(c.doubtful) : words.noDoubt()}`;
}

/** Whether a metric's thresholds are entered in per cent (ratios) or in its own unit. */
export const isPercentMetric = (metric: string) => METRIC_BY_CODE.get(metric)?.unit === 'ratio';

/** A bound as the form shows it: a ratio 0.45 as 45. */
export function boundToForm(metric: string, bound: number): number {
  return isPercentMetric(metric) ? Math.round(bound * 1_000_000) / 10_000 : bound;
}

/** A bound as the API takes it: 45 (per cent) as 0.45. */
export function boundFromForm(metric: string, value: number): number {
  return isPercentMetric(metric) ? Math.round(value * 10_000) / 1_000_000 : value;
}

export type FollowUpAction = 'remind' | 'resolve' | 'exempt' | 'notes' | 'answer' | 'contact';

/** What a role may do with an item in a status (the server checks the same). */
export function followUpActions(role: Role | null | undefined, status: FollowUpStatus): FollowUpAction[] {
  const actions: FollowUpAction[] = [];
  const open = status === 'pending' || status === 'reminded';
  if (mayAccess(role, 'edit')) {
    if (status === 'pending') actions.push('remind');
    if (open) actions.push('resolve', 'exempt');
    actions.push('notes', 'contact');
  }
  if (mayAccess(role, 'ingest')) actions.push('answer');
  return actions;
}

/** The status an action sets, for those that set one. */
export const STATUS_OF_ACTION: Partial<Record<FollowUpAction, FollowUpStatus>> = { remind: 'reminded', resolve: 'resolved', exempt: 'exempt' };
