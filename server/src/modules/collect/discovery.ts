/**
 * What an agency's own site shows for a year (the submissions view's discovery columns), from the current report
 * of the agency and year, where that report was fetched from, and the latest check of the agency's listing page.
 */
import type { DiscoveryState } from '@ogi/domain';

export interface Discovery {
  state: DiscoveryState;
  /** The report's address: where the check found it, or where the imported report was fetched from. */
  url: string | null;
  detail: string | null;
  checkedAt: Date | null;
}

export interface DiscoveryFacts {
  reportId: number | null;
  /** The address the current report was fetched from (a page before an attachment, the first fetch first). */
  reportUrl: string | null;
  /** The latest listing check of the agency and year, if any. */
  outcome: string | null;
  foundUrl: string | null;
  detail: string | null;
  checkedAt: Date | null;
}

export function discoveryOf(f: DiscoveryFacts): Discovery {
  // A report in the database is imported, however it came (upload, file, fetched).
  if (f.reportId !== null) {
    return { state: 'IMPORTED', url: f.reportUrl ?? (f.outcome === 'IMPORTED' ? f.foundUrl : null), detail: f.detail, checkedAt: f.checkedAt };
  }
  if (f.outcome === null || f.outcome === 'IMPORTED') return { state: 'NOT_CHECKED', url: null, detail: null, checkedAt: null };
  return { state: f.outcome as DiscoveryState, url: f.foundUrl, detail: f.detail, checkedAt: f.checkedAt };
}
