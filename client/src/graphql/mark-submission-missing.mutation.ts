import type { SubmissionStatus } from './analytics.types';
import { defineOperation } from './client';
import document from './mark-submission-missing.mutation.graphql?raw';

export interface SubmissionMissingMarkVariables {
  agencyId: string;
  year: number;
  /** Marking: what was checked; taking back: why. */
  note: string;
}

export interface MarkSubmissionMissingResult {
  markSubmissionMissing: { year: number; status: SubmissionStatus; missingMark: { note: string; markedBy: string; markedAt: string } | null };
}

export const MarkSubmissionMissingMutation = defineOperation<MarkSubmissionMissingResult, SubmissionMissingMarkVariables>(document);
