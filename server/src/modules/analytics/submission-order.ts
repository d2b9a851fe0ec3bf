import type { MemoryKeyPart } from '../../common/pagination/keyset.js';
import type { SubmissionModel } from './models/submission.model.js';

/** The submissions list's name inside its cursors. */
export const SUBMISSION_LIST = 'submissions';

/**
 * The order of the submissions list (newest year first, then agency name, then agency id — one row per agency and
 * year), as a cursor key. Submissions are computed in code (statuses follow from dates), so they are paged in memory.
 */
export const SUBMISSION_ORDER: readonly MemoryKeyPart<SubmissionModel>[] = [
  { type: 'int', direction: 'DESC', of: (s) => s.year },
  { type: 'text', direction: 'ASC', of: (s) => s.agency.name },
  { type: 'int', direction: 'ASC', of: (s) => Number(s.agency.id) },
];
