import type { MetricQuality } from '@ogi/domain';
import { defineOperation } from './client';
import document from './report-metrics.query.graphql?raw';

export interface ReportMetricResult {
  code: string;
  /** The value the metric uses (printed or from the parts, by the dictionary). */
  value: number | null;
  quality: MetricQuality;
  printedValue: number | null;
  partsValue: number | null;
}

export interface ReportMetricsResult {
  report: { id: string; metrics: ReportMetricResult[] } | null;
}

export const ReportMetricsQuery = defineOperation<ReportMetricsResult, { id: string }>(document);
