/**
 * The report page's metrics: each value the dictionary computes for the report, with its quality state, and — when
 * a printed total contradicts its parts — both readings and which one the metric uses (the reconciliation policy of
 * @ogi/domain's metric dictionary, with its reason).
 */
import { METRIC_BY_CODE, type MetricQuality } from '@ogi/domain';
import { type ReportMetricResult } from '../../graphql/api';

export type MetricBasis = 'printed' | 'parts';

export interface ReportMetricRow {
  code: string;
  value: number | null;
  quality: MetricQuality;
  printedValue: number | null;
  partsValue: number | null;
  /** The printed tables and their parts give different values: the page shows both. */
  differs: boolean;
  /** Which reading the metric uses, by the dictionary. */
  basis: MetricBasis;
  /** Why the metric uses the parts, when it does (zh, en). */
  basisReason: { zh: string; en: string } | null;
}

/** Values equal to the precision anything is shown with (a ratio's 4th decimal, a count's unit) count as equal. */
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

export function reportMetricRows(metrics: readonly ReportMetricResult[]): ReportMetricRow[] {
  return metrics.map((m) => {
    const reconciliation = METRIC_BY_CODE.get(m.code)?.reconciliation ?? null;
    return {
      code: m.code,
      value: m.value,
      quality: m.quality,
      printedValue: m.printedValue,
      partsValue: m.partsValue,
      // A narrative figure has no parts: nothing to set side by side.
      differs: m.partsValue !== null && !same(m.printedValue, m.partsValue),
      basis: reconciliation?.basis === 'parts' ? 'parts' : 'printed',
      basisReason: reconciliation ? { zh: reconciliation.reasonZh, en: reconciliation.reasonEn } : null,
    };
  });
}

/** The rows worth a reader's attention first: values whose readings differ, then those not verified. */
export function metricsNeedingAttention(rows: readonly ReportMetricRow[]): ReportMetricRow[] {
  return rows.filter((r) => r.differs || r.quality === 'CONTRADICTED' || r.quality === 'UNCERTAIN');
}
