/**
 * An editor's missing marks on the quality page: the agency-years one may mark (no report, deadline passed, not yet
 * shown missing) and those marked, each as one choice.
 */
import { type SubmissionResult } from '../../graphql/api';

export interface MarkChoice {
  /** `agencyId:year`, the select's value. */
  key: string;
  agencyId: string;
  agencyName: string;
  year: number;
  /** The mark in force (marked choices only). */
  note: string | null;
  markedBy: string | null;
}

const choiceOf = (s: SubmissionResult): MarkChoice => ({
  key: `${s.agency.id}:${s.year}`,
  agencyId: s.agency.id,
  agencyName: s.agency.name,
  year: s.year,
  note: s.missingMark?.note ?? null,
  markedBy: s.missingMark?.markedBy ?? null,
});

/**
 * What an editor may do about one agency-year's missing mark: mark it (未核查: no report, the deadline passed,
 * nobody found it missing), take the mark back (marked, and no report has come since), or nothing.
 */
export function markAction(s: SubmissionResult): 'mark' | 'unmark' | null {
  if (s.status === 'NOT_CHECKED') return 'mark';
  if (s.missingMark && s.reportId === null) return 'unmark';
  return null;
}

/** One agency-year as a choice of the form or of the matrix cell. */
export const markChoice = (s: SubmissionResult): MarkChoice => choiceOf(s);

const byYearThenName = (a: MarkChoice, b: MarkChoice) => b.year - a.year || a.agencyName.localeCompare(b.agencyName, 'zh-CN');

/** 未核查 agency-years: no report, the deadline passed, nobody has found it missing. Newest year first. */
export const markCandidates = (list: readonly SubmissionResult[]): MarkChoice[] =>
  list
    .filter((s) => markAction(s) === 'mark')
    .map(choiceOf)
    .sort(byYearThenName);

/** Agency-years an editor marked missing and no report has come for since. */
export const markedMissing = (list: readonly SubmissionResult[]): MarkChoice[] =>
  list
    .filter((s) => markAction(s) === 'unmark')
    .map(choiceOf)
    .sort(byYearThenName);
