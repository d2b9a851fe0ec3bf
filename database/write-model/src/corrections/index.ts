/** `@ogi/write-model/corrections`: editors' cell corrections, audited, with findings and metrics derived again. */
export {
  CORRECTION_ERROR_CODES,
  CorrectionError,
  MAX_REASON_LENGTH,
  correctCell,
  correctionsOf,
  reapplyCorrections,
  withdrawCorrection,
  type CellCorrection,
  type CorrectCellInput,
  type CorrectionErrorCode,
} from './cell-corrections.js';
export { recomputeReport } from './recompute.js';
