import type { SubmissionStatus } from './analytics.types';
import { defineOperation } from './client';
import type { SubmissionMissingMarkVariables } from './mark-submission-missing.mutation';
import document from './unmark-submission-missing.mutation.graphql?raw';

export interface UnmarkSubmissionMissingResult {
  unmarkSubmissionMissing: { year: number; status: SubmissionStatus };
}

export const UnmarkSubmissionMissingMutation = defineOperation<UnmarkSubmissionMissingResult, SubmissionMissingMarkVariables>(document);
