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

const byYearThenName = (a: MarkChoice, b: MarkChoice) => b.year - a.year || a.agencyName.localeCompare(b.agencyName, 'zh-CN');

/** 未核查 agency-years: no report, the deadline passed, nobody has found it missing. Newest year first. */
export const markCandidates = (list: readonly SubmissionResult[]): MarkChoice[] =>
  list
    .filter((s) => s.status === 'NOT_CHECKED')
    .map(choiceOf)
    .sort(byYearThenName);

/** Agency-years an editor marked missing and no report has come for since. */
export const markedMissing = (list: readonly SubmissionResult[]): MarkChoice[] =>
  list
    .filter((s) => s.missingMark && s.reportId === null)
    .map(choiceOf)
    .sort(byYearThenName);
