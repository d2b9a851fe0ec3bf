/**
 * 报送与质量 as pure functions: the agency × year matrix of submissions (on time, late, missing, failing
 * checks), the status counts, and the chart of how often each check fails.
 */
import type { ChartOption } from '../../composables/echarts';
import type { GridColumn, GridRow, GridSort, GridTone } from '../../components/data-grid';
import type { DataTable } from '../../export/data-table';
import {
  type MatrixSortBy,
  type SortDirection,
  type SubmissionFilter,
  type RuleCountResult,
  type SubmissionMatrixRowResult,
  type SubmissionResult,
  type SubmissionStatus,
  type SubmissionYearSummaryResult,
} from '../../graphql/api';

export { ruleLabel } from '../../findings/rule-label';

export const STATUSES: readonly SubmissionStatus[] = ['ON_TIME', 'LATE', 'MISSING', 'NOT_CHECKED', 'DATE_UNKNOWN', 'NOT_DUE'];

const TONE: Record<SubmissionStatus, GridTone> = {
  ON_TIME: 'ok',
  LATE: 'warning',
  MISSING: 'error',
  NOT_CHECKED: 'muted',
  DATE_UNKNOWN: 'muted',
  NOT_DUE: 'muted',
};
/** Sorting a year's column puts the worst first: missing, then most days late, then failing checks. */
const SEVERITY_RANK: Record<SubmissionStatus, number> = { MISSING: 1000, LATE: 500, NOT_CHECKED: 200, DATE_UNKNOWN: 100, ON_TIME: 0, NOT_DUE: -1 };

export interface MatrixText {
  agencyColumn: string;
  status: (s: SubmissionStatus, daysLate: number | null) => string;
  checks: (count: number) => string;
  /** Said of a missing report the agency's site does list: published, but not imported. */
  publishedNotImported: string;
  problemsColumn: string;
  /** Said of a year an editor marked missing (rather than a listing check finding nothing). */
  markedMissing?: string;
}

/** Not held here, yet listed on the agency's site: the import failed or has not run — the first thing to chase. */
export const publishedButMissing = (s: SubmissionResult) => s.reportId === null && s.discovery === 'PUBLISHED_NOT_IMPORTED';

/** The tiles' counts over the years asked: the server's per-year summaries added up. */
export function summaryCounts(
  summaries: readonly SubmissionYearSummaryResult[],
): Record<SubmissionStatus, number> & { failing: number; publishedNotImported: number } {
  const counts = { ON_TIME: 0, LATE: 0, MISSING: 0, NOT_CHECKED: 0, DATE_UNKNOWN: 0, NOT_DUE: 0, failing: 0, publishedNotImported: 0 };
  for (const y of summaries) {
    counts.ON_TIME += y.onTime;
    counts.LATE += y.late;
    counts.MISSING += y.missing;
    counts.NOT_CHECKED += y.notChecked;
    counts.DATE_UNKNOWN += y.dateUnknown;
    counts.NOT_DUE += y.notDue;
    counts.failing += y.failing;
    counts.publishedNotImported += y.publishedNotImported;
  }
  return counts;
}

/** What a summary tile counts, and so what picking it keeps in the matrix. */
export type StatusFilter = SubmissionStatus | 'failing' | 'publishedNotImported';
export const STATUS_FILTERS: readonly StatusFilter[] = [...STATUSES, 'failing', 'publishedNotImported'];

export function isStatusFilter(value: string | null): value is StatusFilter {
  return value !== null && (STATUS_FILTERS as readonly string[]).includes(value);
}

/** A tile (as the URL names it) as the server's filter of the matrix. */
export function kindOf(filter: StatusFilter): SubmissionFilter {
  if (filter === 'failing') return 'FAILING';
  if (filter === 'publishedNotImported') return 'PUBLISHED_NOT_IMPORTED';
  return filter;
}

/** The matrix's default order: the agencies with most to chase first. */
export const DEFAULT_MATRIX_SORT: GridSort = { key: 'problems', dir: 'desc' };

/**
 * The grid's sort (a year's column, the problems column or the agency column) as the server sorts the matrix. A
 * sort the matrix does not have (a year no longer shown) falls back to the default.
 */
export function matrixOrder(sort: GridSort | null, years: readonly number[]): { sortBy: MatrixSortBy; sortYear: number | null; sortDirection: SortDirection } {
  const direction = (s: GridSort): SortDirection => (s.dir === 'asc' ? 'ASC' : 'DESC');
  if (sort?.key === 'agency') return { sortBy: 'AGENCY', sortYear: null, sortDirection: direction(sort) };
  if (sort?.key === 'problems') return { sortBy: 'PROBLEMS', sortYear: null, sortDirection: direction(sort) };
  const year = sort ? Number(sort.key) : NaN;
  if (sort && years.includes(year)) return { sortBy: 'YEAR', sortYear: year, sortDirection: direction(sort) };
  return { sortBy: 'PROBLEMS', sortYear: null, sortDirection: 'DESC' };
}

/** A page of the server's matrix as the submissions it holds, agency by agency in the server's order. */
export const submissionsOfRows = (rows: readonly SubmissionMatrixRowResult[]): SubmissionResult[] => rows.flatMap((r) => r.submissions);

function matchesStatus(s: SubmissionResult, filter: StatusFilter): boolean {
  if (filter === 'failing') return s.failingChecks > 0;
  if (filter === 'publishedNotImported') return publishedButMissing(s);
  return s.status === filter;
}

/**
 * The submissions of the agencies with at least one submission of the picked kind (a tile): the matrix then
 * lists those agencies, with all their years for context.
 */
export function agenciesWithStatus(submissions: readonly SubmissionResult[], filter: StatusFilter | null): readonly SubmissionResult[] {
  if (!filter) return submissions;
  const ids = new Set(submissions.filter((s) => matchesStatus(s, filter)).map((s) => s.agency.id));
  return submissions.filter((s) => ids.has(s.agency.id));
}

/** One row per agency, one column per year; a cell links to the report (or, when missing, to the agency). */
export function submissionMatrix(
  submissions: readonly SubmissionResult[],
  years: readonly number[],
  text: MatrixText,
): { columns: GridColumn[]; rows: GridRow[]; table: DataTable } {
  const byAgency = new Map<string, { name: string; cells: Map<number, SubmissionResult> }>();
  for (const s of submissions) {
    const entry = byAgency.get(s.agency.id) ?? { name: s.agency.name, cells: new Map() };
    entry.cells.set(s.year, s);
    byAgency.set(s.agency.id, entry);
  }
  const columns: GridColumn[] = [
    { key: 'agency', label: text.agencyColumn },
    // A year's first sort puts the worst first (missing, then most days late); its status stays on one line.
    ...years.map((y) => ({ key: String(y), label: String(y), firstSort: 'desc' as const, minWidth: '9em' })),
    { key: 'problems', label: text.problemsColumn, numeric: true },
  ];
  const cellText = (s: SubmissionResult) =>
    `${text.status(s.status, s.daysLate)}${s.status === 'MISSING' && s.missingMark && text.markedMissing ? ` · ${text.markedMissing}` : ''}${publishedButMissing(s) ? ` · ${text.publishedNotImported}` : ''}${s.failingChecks > 0 ? ` · ${text.checks(s.failingChecks)}` : ''}`;
  const rows: GridRow[] = [...byAgency.entries()].map(([id, a]) => {
    let problems = 0;
    const cells: GridRow['cells'] = { agency: { sort: a.name, text: a.name, to: { name: 'agency', params: { id } } } };
    for (const y of years) {
      const s = a.cells.get(y);
      if (!s) {
        cells[String(y)] = { sort: null, text: '' };
        continue;
      }
      if (s.status === 'MISSING' || s.status === 'LATE') problems++;
      if (s.failingChecks > 0) problems++;
      cells[String(y)] = {
        sort: SEVERITY_RANK[s.status] + (s.daysLate ?? 0) + s.failingChecks,
        text: cellText(s),
        tone: (s.failingChecks > 0 && s.status === 'ON_TIME') || publishedButMissing(s) ? 'error' : TONE[s.status],
        to: s.reportId ? { name: 'report', params: { id: s.reportId } } : { name: 'agency', params: { id } },
        // hover: the dates, and what the check of the agency's site found
        title: [s.publishedOn ? `${s.publishedOn} / ${s.deadline}` : s.deadline, s.discoveryDetail, s.discoveredUrl].filter(Boolean).join('\n'),
        // the agency-year itself, for an action on the cell (an editor's missing mark)
        data: s,
      };
    }
    cells.problems = { sort: problems, text: String(problems), tone: problems ? 'error' : 'muted' };
    return { key: id, cells };
  });
  const table: DataTable = {
    columns: [text.agencyColumn, ...years.map(String)],
    rows: [...byAgency.values()].map((a) => [a.name, ...years.map((y) => (a.cells.get(y) ? cellText(a.cells.get(y)!) : null))]),
  };
  return { columns, rows, table };
}

const SEVERITY_COLOURS: Record<string, string> = { error: '#c0392b', warning: '#d68910', info: '#2e6da4' };

/** Horizontal bars, most frequent rule on top, coloured by severity; each bar carries its rule code. */
export function buildRuleCountsOption(counts: readonly RuleCountResult[], label: (rule: string) => string, unit: string): ChartOption {
  const byRule = new Map<string, { rule: string; severity: string; count: number }>();
  for (const c of counts) {
    const e = byRule.get(c.rule);
    // A rule can count at several severities; the bar shows the sum in the colour of the worst.
    if (e) {
      e.count += c.count;
      if (c.severity === 'error' || (c.severity === 'warning' && e.severity === 'info')) e.severity = c.severity;
    } else byRule.set(c.rule, { ...c });
  }
  const rows = [...byRule.values()].sort((a, b) => b.count - a.count);
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)} ${unit}` },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => label(r.rule)), axisLabel: { width: 260, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        label: { show: true, position: 'right' },
        data: rows.map((r) => ({ value: r.count, rule: r.rule, name: label(r.rule), itemStyle: { color: SEVERITY_COLOURS[r.severity] ?? '#5d6d7e' } })),
      },
    ],
  };
}
