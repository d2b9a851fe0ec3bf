/**
 * The dashboard's filters live in the URL query, so a link reproduces the view. These pure functions are the
 * only place that reads or writes the shared parameters:
 *
 *   year=2024                one data year (overview, outcomes, review, quality detail)
 *   years=2022,2023,2024     several years (compare, the submissions matrix)
 *   agencies=12,15           chosen agencies
 *   parent=7&kinds=department  "all departments of 7" (with descendants=1: everything under 7)
 *   metrics=a,b              metric codes of the dictionary (compare)
 *
 * A page keeps its own extra parameters (chart type, sort) next to these; unknown parameters are left alone.
 */
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, isOneOf, type AgencyKind, type AgencyLevel } from '@ogi/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { AgencySelection } from '../graphql/api';

/** The first data year of the current formats (reports published in 2020). Earlier reports are not read. */
export const FIRST_YEAR = 2019;

/** Which agencies a view covers. All empty: every agency. Explicit ids and a parent group are exclusive. */
export interface AgencySelectionFilter {
  agencyIds: string[];
  parentId: string | null;
  kinds: AgencyKind[];
  levels: AgencyLevel[];
  includeDescendants: boolean;
}

export interface DashboardFilters {
  year: number | null;
  years: number[];
  selection: AgencySelectionFilter;
  metrics: string[];
}

export const EMPTY_SELECTION: AgencySelectionFilter = { agencyIds: [], parentId: null, kinds: [], levels: [], includeDescendants: false };

export const first = (v: LocationQuery[string] | undefined): string | null => (Array.isArray(v) ? v[0] : v) ?? null;

export function yearValue(v: string | null): number | null {
  if (v === null || !/^\d{4}$/.test(v)) return null;
  const n = Number(v);
  return n >= FIRST_YEAR && n <= 2100 ? n : null;
}

/** A comma list: trimmed, without blanks or repeats, at most `max` items (a pasted URL cannot ask for 10⁶ ids). */
export function listValue(v: string | null, max = 5000): string[] {
  if (!v) return [];
  const out: string[] = [];
  for (const part of v.split(',')) {
    const item = part.trim();
    if (item && !out.includes(item)) out.push(item);
    if (out.length >= max) break;
  }
  return out;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CODE = /^[A-Za-z0-9_.-]{1,80}$/;

export function parseDashboardQuery(query: LocationQuery): DashboardFilters {
  const agencyIds = listValue(first(query.agencies)).filter((id) => ID.test(id));
  const parent = first(query.parent)?.trim() ?? '';
  const parentId = agencyIds.length === 0 && ID.test(parent) ? parent : null;
  const years = listValue(first(query.years), 50)
    .map((y) => yearValue(y))
    .filter((y): y is number => y !== null)
    .sort((a, b) => a - b);
  return {
    year: yearValue(first(query.year)),
    years,
    selection: {
      agencyIds,
      parentId,
      kinds: listValue(first(query.kinds), 10).filter((k) => isOneOf(AGENCY_KIND_VALUES, k)),
      levels: listValue(first(query.levels), 10).filter((k) => isOneOf(AGENCY_LEVEL_VALUES, k)),
      includeDescendants: parentId !== null && first(query.descendants) === '1',
    },
    metrics: listValue(first(query.metrics), 50).filter((m) => CODE.test(m)),
  };
}

/** Back to query parameters, leaving empty values out so URLs stay short. Other parameters are kept. */
export function toDashboardQuery(filters: DashboardFilters, keep: LocationQuery = {}): LocationQueryRaw {
  const q: LocationQueryRaw = { ...keep };
  for (const key of ['year', 'years', 'agencies', 'parent', 'kinds', 'levels', 'descendants', 'metrics']) delete q[key];
  const s = filters.selection;
  if (filters.year !== null) q.year = String(filters.year);
  if (filters.years.length) q.years = filters.years.join(',');
  if (s.agencyIds.length) q.agencies = s.agencyIds.join(',');
  else if (s.parentId) {
    q.parent = s.parentId;
    if (s.includeDescendants) q.descendants = '1';
  }
  if (s.kinds.length) q.kinds = s.kinds.join(',');
  if (s.levels.length) q.levels = s.levels.join(',');
  if (filters.metrics.length) q.metrics = filters.metrics.join(',');
  return q;
}

export const isAllAgencies = (s: AgencySelectionFilter) => s.agencyIds.length === 0 && s.parentId === null && s.kinds.length === 0 && s.levels.length === 0;

/** The filter as the API's `AgencySelection` input. */
export function toSelectionInput(s: AgencySelectionFilter): AgencySelection {
  const input: AgencySelection = {};
  if (s.agencyIds.length) input.agencyIds = s.agencyIds;
  else if (s.parentId) {
    input.parentId = s.parentId;
    if (s.includeDescendants) input.includeDescendants = true;
  }
  if (s.kinds.length) input.kinds = s.kinds;
  if (s.levels.length) input.levels = s.levels;
  return input;
}

/** Data years a report can cover, oldest first: 2019 up to last year. */
export function dataYears(today: Date = new Date()): number[] {
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= today.getFullYear() - 1; y++) years.push(y);
  return years;
}

/**
 * Keeps the previous list when the new one has the same items, for `computed((previous) => …)`: a change of
 * another URL parameter (a sort) then does not look like a new list of years and redo a page's charts.
 */
export function sameList<T>(previous: readonly T[] | undefined, next: T[]): T[] {
  return previous && previous.length === next.length && previous.every((x, i) => x === next[i]) ? (previous as T[]) : next;
}
