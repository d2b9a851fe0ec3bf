import { defineOperation } from './client';
import document from './thresholds.query.graphql?raw';

export interface ThresholdResult {
  metric: string;
  metricNameZh: string;
  /** higher | lower */
  direction: string;
  /** In the metric's unit; ratios as 0–1. */
  red: number;
  yellow: number;
  minSample: number;
  version: number;
  isDefault: boolean;
  reason: string | null;
  setBy: string | null;
  setAt: string | null;
}

export interface ThresholdsResult {
  thresholds: ThresholdResult[];
}

export const ThresholdsQuery = defineOperation<ThresholdsResult>(document);
