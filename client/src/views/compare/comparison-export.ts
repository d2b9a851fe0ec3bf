/** The server's comparison export (`GET /api/exports/comparison.csv|xlsx`), with the page's filters as parameters. */
import { toSelectionInput, type AgencySelectionFilter } from '../../filters/dashboard-filters';

/**
 * The export's address for the page's selection: built from the same `AgencySelection` the page's query sends
 * (one translation of the filters for both), so the file holds exactly the agencies the page shows.
 */
export function comparisonExportUrl(
  format: 'csv' | 'xlsx',
  s: AgencySelectionFilter,
  years: readonly number[],
  metrics: readonly string[],
  lang: 'zh' | 'en',
): string {
  const selection = toSelectionInput(s);
  const q = new URLSearchParams();
  if (selection.agencyIds) q.set('agencyIds', selection.agencyIds.join(','));
  if (selection.parentId) q.set('parentId', selection.parentId);
  if (selection.includeDescendants) q.set('includeDescendants', 'true');
  if (selection.kinds) q.set('kinds', selection.kinds.join(','));
  if (selection.levels) q.set('levels', selection.levels.join(','));
  q.set('years', years.join(','));
  q.set('metrics', metrics.join(','));
  q.set('lang', lang);
  return `/api/exports/comparison.${format}?${q.toString()}`;
}
