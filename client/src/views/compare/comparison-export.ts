/** The server's comparison export (`GET /api/exports/comparison.csv|xlsx`), with the page's filters as parameters. */
import type { AgencySelectionFilter } from '../../filters/dashboard-filters';

export function comparisonExportUrl(format: 'csv' | 'xlsx', s: AgencySelectionFilter, years: readonly number[], metrics: readonly string[], lang: 'zh' | 'en'): string {
  const q = new URLSearchParams();
  if (s.agencyIds.length) q.set('agencyIds', s.agencyIds.join(','));
  else if (s.parentId) q.set('parentId', s.parentId);
  if (s.kinds.length) q.set('kinds', s.kinds.join(','));
  q.set('years', years.join(','));
  q.set('metrics', metrics.join(','));
  q.set('lang', lang);
  return `/api/exports/comparison.${format}?${q.toString()}`;
}
