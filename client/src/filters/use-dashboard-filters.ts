import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { parseDashboardQuery, toDashboardQuery, type DashboardFilters } from './dashboard-filters';

/** The URL's filters as reactive state, and a way to change them (each change is a history entry). */
export function useDashboardFilters() {
  const route = useRoute();
  const router = useRouter();
  const filters = computed(() => parseDashboardQuery(route.query));

  function update(patch: Partial<DashboardFilters>) {
    void router.push({ query: toDashboardQuery({ ...filters.value, ...patch }, route.query) });
  }

  /** A page's own parameter (chart type, sort column…): read as a string, written or removed. */
  function param(name: string): string | null {
    const v = route.query[name];
    return (Array.isArray(v) ? v[0] : v) ?? null;
  }
  function setParams(values: Record<string, string | null>, replace = false) {
    const q = { ...route.query };
    for (const [k, v] of Object.entries(values)) {
      if (v === null || v === '') delete q[k];
      else q[k] = v;
    }
    void (replace ? router.replace({ query: q }) : router.push({ query: q }));
  }

  return { filters, update, param, setParams };
}
