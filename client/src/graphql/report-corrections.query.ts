import { defineOperation } from './client';
import document from './report-corrections.query.graphql?raw';

/** active | stale (the source reads differently now) | superseded | withdrawn */
export type CorrectionStatus = 'active' | 'stale' | 'superseded' | 'withdrawn';

export interface CellCorrectionResult {
  id: string;
  path: string;
  value: number | null;
  originalValue: number | null;
  reason: string;
  status: CorrectionStatus;
  by: string;
  at: string;
}

export interface ReportCorrectionsResult {
  report: { id: string; corrections: (CellCorrectionResult & { originalRaw: string })[] } | null;
}

export const ReportCorrectionsQuery = defineOperation<ReportCorrectionsResult, { id: string }>(document);
