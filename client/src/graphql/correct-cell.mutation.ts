import { defineOperation } from './client';
import document from './correct-cell.mutation.graphql?raw';
import type { CellCorrectionResult } from './report-corrections.query';

export interface CorrectCellVariables {
  reportId: string;
  path: string;
  /** null = the document prints nothing there (blank). */
  value: number | null;
  reason: string;
}

export interface CorrectCellResult {
  correctCell: { correction: CellCorrectionResult };
}

export const CorrectCellMutation = defineOperation<CorrectCellResult, CorrectCellVariables>(document);
