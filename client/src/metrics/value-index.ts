/** Metric values of many agencies and years, indexed for the lookups pages make by the tens of thousands. */
import { type MetricValueResult } from '../graphql/api';

/**
 * Values by agency, then metric, then year. Nested maps rather than one map of joined keys: a page of 3,000
 * agencies looks values up tens of thousands of times, and building a key string for each is what costs.
 */
export type ValueIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<number, MetricValueResult>>>;

export function indexValues(values: readonly MetricValueResult[]): ValueIndex {
  const index = new Map<string, Map<string, Map<number, MetricValueResult>>>();
  for (const v of values) {
    let byMetric = index.get(v.agencyId);
    if (!byMetric) index.set(v.agencyId, (byMetric = new Map()));
    let byYear = byMetric.get(v.metric);
    if (!byYear) byMetric.set(v.metric, (byYear = new Map()));
    byYear.set(v.year, v);
  }
  return index;
}

export const valueAt = (index: ValueIndex, agencyId: string, year: number, metric: string) => index.get(agencyId)?.get(metric)?.get(year) ?? null;
