/**
 * The report list's filters live in the URL query (`?agency=<id>&year=2020&page=2`), so a filtered list can
 * be bookmarked and shared. These functions are the only place that reads or writes those parameters.
 */
import { computed } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import { dataYears } from '../../filters/dashboard-filters';

export interface ReportListFilters {
  agencyId: string | null;
  year: number | null;
  page: number;
}

export const PAGE_SIZE = 20;

const first = (v: LocationQuery[string] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

function positiveInt(v: string | null): number | null {
  if (v === null || !/^\d{1,6}$/.test(v)) return null;
  const n = Number(v);
  return n > 0 ? n : null;
}

export function parseListQuery(query: LocationQuery): ReportListFilters {
  const agency = first(query.agency)?.trim() || null;
  return { agencyId: agency, year: positiveInt(first(query.year)), page: positiveInt(first(query.page)) ?? 1 };
}

/** Back to query parameters, leaving defaults out so URLs stay short. */
export function toListQuery(filters: ReportListFilters): LocationQueryRaw {
  const q: LocationQueryRaw = {};
  if (filters.agencyId) q.agency = filters.agencyId;
  if (filters.year) q.year = String(filters.year);
  if (filters.page > 1) q.page = String(filters.page);
  return q;
}

/** Data years a user can pick, newest first: last year back to 2019, and the one in the URL if it is outside. */
export function selectableYears(today: Date, current: number | null): number[] {
  const years = dataYears(today).reverse();
  if (current !== null && !years.includes(current)) {
    years.push(current);
    years.sort((a, b) => b - a);
  }
  return years;
}

export function useReportListFilters() {
  const route = useRoute();
  const router = useRouter();
  const filters = computed(() => parseListQuery(route.query));

  /** Changing a filter starts again at page 1; changing only the page keeps the filters. */
  function update(patch: Partial<ReportListFilters>) {
    const next = { ...filters.value, ...patch };
    if (!('page' in patch)) next.page = 1;
    void router.push({ query: toListQuery(next) });
  }

  const hasFilters = computed(() => filters.value.agencyId !== null || filters.value.year !== null);
  const clear = () => void router.push({ query: {} });

  return { filters, update, hasFilters, clear };
}
