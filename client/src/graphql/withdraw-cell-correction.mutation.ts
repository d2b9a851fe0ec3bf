import { defineOperation } from './client';
import document from './withdraw-cell-correction.mutation.graphql?raw';

export interface WithdrawCellCorrectionVariables {
  reportId: string;
  path: string;
  reason: string;
}

export interface WithdrawCellCorrectionResult {
  withdrawCellCorrection: { correction: { id: string; status: string } };
}

export const WithdrawCellCorrectionMutation = defineOperation<WithdrawCellCorrectionResult, WithdrawCellCorrectionVariables>(document);
