/**
 * What the quality page, the overview and the briefing need of a province's submissions, without sending every
 * agency × year row: the counts per year and status (the tiles), and the agency × year matrix as rows of agencies,
 * filtered by a tile and sorted by a column on the server so that a page of it can be sent. Pure functions over the
 * rows `QualityService.submissions` computes (statuses follow from today's date, so they are not stored).
 */
import type { MatrixSortBy, SortDirection, SubmissionFilter, SubmissionStatus } from '@ogi/domain';
import type { MemoryKeyPart } from '../../common/pagination/keyset.js';
import type { AgencyModel } from '../agencies/models/agency.model.js';
import type { SubmissionModel } from './models/submission.model.js';

type SubmissionFacts = Pick<SubmissionModel, 'status' | 'reportId' | 'failingChecks' | 'discovery' | 'daysLate'>;

/** Not held here, yet listed on the agency's site: the import failed or has not run — the first thing to chase. */
const publishedNotImported = (s: SubmissionFacts) => s.reportId === null && s.discovery === 'PUBLISHED_NOT_IMPORTED';

export function matchesFilter(s: SubmissionFacts, filter: SubmissionFilter): boolean {
  if (filter === 'FAILING') return s.failingChecks > 0;
  if (filter === 'PUBLISHED_NOT_IMPORTED') return publishedNotImported(s);
  return s.status === filter;
}

/** The rows of the kinds asked (any of them); every row when none is asked. */
export function onlyKinds<S extends SubmissionFacts>(rows: S[], only: readonly SubmissionFilter[] | null | undefined): S[] {
  return only?.length ? rows.filter((s) => only.some((f) => matchesFilter(s, f))) : rows;
}

export interface SubmissionYearSummary {
  year: number;
  agencies: number;
  onTime: number;
  late: number;
  missing: number;
  notChecked: number;
  dateUnknown: number;
  notDue: number;
  failing: number;
  publishedNotImported: number;
}

const STATUS_FIELD: Record<SubmissionStatus, keyof SubmissionYearSummary> = {
  ON_TIME: 'onTime',
  LATE: 'late',
  MISSING: 'missing',
  NOT_CHECKED: 'notChecked',
  DATE_UNKNOWN: 'dateUnknown',
  NOT_DUE: 'notDue',
};

/** One summary per year asked (newest first), zeros included, counting each agency × year row once per tile it falls in. */
export function summarizeSubmissions(rows: readonly SubmissionModel[], years: readonly number[]): SubmissionYearSummary[] {
  const byYear = new Map<number, SubmissionYearSummary>();
  for (const year of [...new Set(years)].sort((a, b) => b - a)) {
    byYear.set(year, { year, agencies: 0, onTime: 0, late: 0, missing: 0, notChecked: 0, dateUnknown: 0, notDue: 0, failing: 0, publishedNotImported: 0 });
  }
  for (const s of rows) {
    const summary = byYear.get(s.year);
    if (!summary) continue;
    summary.agencies++;
    const field = STATUS_FIELD[s.status as SubmissionStatus];
    if (field) summary[field]++;
    if (s.failingChecks > 0) summary.failing++;
    if (publishedNotImported(s)) summary.publishedNotImported++;
  }
  return [...byYear.values()];
}

/** One agency's row of the matrix: its submission for each year asked (newest first) and how many of them need chasing. */
export interface SubmissionMatrixRow {
  agency: AgencyModel;
  submissions: SubmissionModel[];
  /** Years missing or late, plus reports failing checks. */
  problems: number;
}

/** Sorting a year's column puts the worst first: missing, then most days late, then failing checks. */
const SEVERITY_RANK: Record<SubmissionStatus, number> = { MISSING: 1000, LATE: 500, NOT_CHECKED: 200, DATE_UNKNOWN: 100, ON_TIME: 0, NOT_DUE: -1 };

export function severityOf(s: SubmissionFacts): number {
  return (SEVERITY_RANK[s.status as SubmissionStatus] ?? 0) + (s.daysLate ?? 0) + s.failingChecks;
}

function problemsOf(submissions: readonly SubmissionFacts[]): number {
  let problems = 0;
  for (const s of submissions) {
    if (s.status === 'MISSING' || s.status === 'LATE') problems++;
    if (s.failingChecks > 0) problems++;
  }
  return problems;
}

/**
 * The matrix rows of the agencies with at least one submission matching `filter` (in `filterYear`, when given; every
 * agency without a filter), each with all its years for context. The rows come in no particular order.
 */
export function matrixRows(rows: readonly SubmissionModel[], filter: SubmissionFilter | null, filterYear: number | null): SubmissionMatrixRow[] {
  const byAgency = new Map<string, SubmissionMatrixRow>();
  for (const s of rows) {
    const row = byAgency.get(s.agency.id) ?? { agency: s.agency, submissions: [], problems: 0 };
    row.submissions.push(s);
    byAgency.set(s.agency.id, row);
  }
  const kept = [...byAgency.values()].filter(
    (row) => filter === null || row.submissions.some((s) => (filterYear === null || s.year === filterYear) && matchesFilter(s, filter)),
  );
  for (const row of kept) {
    row.submissions.sort((a, b) => b.year - a.year);
    row.problems = problemsOf(row.submissions);
  }
  return kept;
}

export interface MatrixOrder {
  by: MatrixSortBy;
  /** The year whose column is sorted (by YEAR only). */
  year: number | null;
  direction: SortDirection;
}

/** The default order: the agencies with most to chase first. */
export const DEFAULT_MATRIX_ORDER: MatrixOrder = { by: 'PROBLEMS', year: null, direction: 'DESC' };

const byName: MemoryKeyPart<SubmissionMatrixRow> = { type: 'text', direction: 'ASC', of: (r) => r.agency.name };
const byId: MemoryKeyPart<SubmissionMatrixRow> = { type: 'int', direction: 'ASC', of: (r) => Number(r.agency.id) };

/**
 * The matrix's order as a cursor key: the column sorted, then agency name and id (ties read A→Z whichever way the
 * column goes). A year column sorts by the severity of that year's submission.
 */
export function matrixOrderKey(order: MatrixOrder): MemoryKeyPart<SubmissionMatrixRow>[] {
  if (order.by === 'AGENCY')
    return [
      { ...byName, direction: order.direction },
      { ...byId, direction: order.direction },
    ];
  if (order.by === 'PROBLEMS') return [{ type: 'int', direction: order.direction, of: (r) => r.problems }, byName, byId];
  const year = order.year;
  return [
    {
      type: 'int',
      direction: order.direction,
      of: (r) => {
        const s = r.submissions.find((x) => x.year === year);
        // An agency-year outside the years asked has no cell: it sorts below every status whichever the direction.
        return s ? severityOf(s) : order.direction === 'DESC' ? -1_000_000 : 1_000_000;
      },
    },
    byName,
    byId,
  ];
}

/** The name of the matrix inside its cursors: a cursor of one order is refused by another. */
export const matrixListName = (order: MatrixOrder) => `submissionMatrix:${order.by}:${order.year ?? ''}:${order.direction}`;
