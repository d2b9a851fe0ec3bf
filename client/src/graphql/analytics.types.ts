import type { MetricQuality, ReportScope } from '@ogi/domain';
/**
 * Shapes of the analytics API (the GraphQL contract of issue 4: compare, rollup, ranking, breakdown,
 * dataQuality, findings, submissions, agencyTree), field for field.
 */
import type { AgencySelectionInput } from '../filters/dashboard-filters';

export type { AgencySelectionInput };

export interface AgencyRef {
  id: string;
  name: string;
}

export interface MetricValueResult {
  agencyId: string;
  year: number;
  metric: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reportId: string | null;
  /** What the value rests on (MetricQuality); absent in answers that did not ask for it. */
  quality?: MetricQuality;
  /** The report's scope: self | region_aggregate | system_aggregate. */
  scope?: string;
  /** The metric on the printed tables, and with every total taken from its parts (they differ when a total contradicts its parts). */
  printedValue?: number | null;
  partsValue?: number | null;
  /** The sentences a self-reported value rests on. */
  evidence?: { kind: string; sentence: string }[];
}

export interface RollupValueResult {
  year: number;
  metric: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reportsCounted: number;
  /** Reports counted whose value is contradicted or uncertain. */
  reportsDoubtful?: number;
  agenciesCovered: number;
  /** Coverage: the agencies the value could have covered. */
  agenciesExpected?: number;
  /** The year-on-year comparison on the agencies counted in both years (the matched panel). */
  matchedAgencies?: number;
  matchedValue?: number | null;
  matchedPreviousValue?: number | null;
  coverageChanged?: boolean;
  /** 数据截至 (YYYY-MM-DD). */
  dataAsOf?: string | null;
}

export interface RankingItemResult {
  rank: number;
  agency: AgencyRef;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sample: number | null;
  reportId: string | null;
  /** What the value rests on. */
  quality: MetricQuality;
}

export type BreakdownDimension =
  'OUTCOMES' | 'WITHHOLDING_REASONS' | 'UNABLE_TO_PROVIDE' | 'NOT_PROCESSED' | 'OTHER_HANDLING' | 'APPLICANT_TYPES' | 'REVIEW_OUTCOMES' | 'LITIGATION_OUTCOMES';

export interface BreakdownRowResult {
  agencyId: string | null;
  year: number;
  key: string;
  labelZh: string;
  labelEn: string;
  value: number | null;
  share: number | null;
  /** What the row rests on: the scopes of its reports, the part's quality (an agency's row), coverage, quality counts. */
  scopes: ReportScope[];
  quality: MetricQuality | null;
  reportsCounted: number;
  reportsBlank: number;
  agenciesCovered: number;
  agenciesExpected: number;
  reportsContradicted: number;
  reportsUncertain: number;
  reportsUnverifiable: number;
  reportsCorrected: number;
}

export interface FindingRowResult {
  reportId: string;
  agency: AgencyRef;
  year: number;
  rule: string;
  severity: string;
  status: string;
  cells: string[];
  expected: number | null;
  actual: number | null;
  messageZh: string;
  messageEn: string;
}

/** ON_TIME | LATE | MISSING (a check after the deadline found none) | NOT_CHECKED (nobody has looked since the deadline) | NOT_DUE | DATE_UNKNOWN */
export type SubmissionStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'NOT_CHECKED' | 'NOT_DUE' | 'DATE_UNKNOWN';
/** What the server filters submissions by: a status, a report failing checks, or one listed on the agency's site but not imported. */
export type SubmissionKind = SubmissionStatus | 'FAILING' | 'PUBLISHED_NOT_IMPORTED';

/** What the agency's site shows for the year (from the listing checks of issue 7). */
export type DiscoveryStatus = 'IMPORTED' | 'PUBLISHED_NOT_IMPORTED' | 'NOT_FOUND' | 'FAILED' | 'NOT_CHECKED';

export interface SubmissionResult {
  agency: AgencyRef;
  year: number;
  status: SubmissionStatus;
  reportId: string | null;
  publishedOn: string | null;
  deadline: string;
  daysLate: number | null;
  failingChecks: number;
  discovery: DiscoveryStatus;
  discoveredUrl: string | null;
  discoveryDetail: string | null;
  /** An editor's mark that no report was published (then the status is MISSING unless a report has come since). */
  missingMark?: { note: string; markedBy: string; markedAt: string } | null;
}

export interface AgencyNodeResult {
  id: string;
  name: string;
  kind: string;
  level: string | null;
  parentId: string | null;
  childCount: number;
  reportCount: number;
}
