import { defineOperation } from './client';
import type { AgencySelectionInput } from './analytics.types';
import document from './briefing.query.graphql?raw';

export interface BriefingAgency {
  id: string;
  name: string;
}

export interface ThresholdSummary {
  direction: string;
  red: number;
  yellow: number;
  minSample: number;
  version: number;
  isDefault: boolean;
}

export interface LeagueRowResult {
  agency: BriefingAgency;
  /** red | yellow | green | small_sample | no_value */
  colour: string;
  value: number | null;
  sample: number | null;
  /** verified | self_reported | contradicted */
  quality: string;
  reasonZh: string;
  reasonEn: string;
  reportId: string;
}

export interface LeagueTableResult {
  metric: string;
  metricNameZh: string;
  metricNameEn: string;
  sentenceZh: string;
  sentenceEn: string;
  agenciesSelected: number;
  agenciesWithReport: number;
  threshold: ThresholdSummary;
  rows: LeagueRowResult[];
}

export interface BreakdownPart {
  labelZh: string;
  labelEn: string;
  value: number | null;
  share: number | null;
  reportsCounted: number;
  agenciesCovered: number;
  agenciesExpected: number;
  reportsContradicted: number;
  reportsUncertain: number;
}

export interface BriefingResult {
  briefing: {
    year: number;
    scopeNameZh: string;
    scopeNameEn: string;
    agenciesSelected: number;
    generatedAt: string;
    dataDate: string | null;
    headlines: {
      metric: string;
      nameZh: string;
      nameEn: string;
      value: number | null;
      reportsCounted: number;
      agenciesCovered: number;
      matchedAgencies: number;
      change: number | null;
      contradictedReports: number;
      sentenceZh: string;
      sentenceEn: string;
    }[];
    trend: { year: number; metric: string; value: number | null; reportsCounted: number }[];
    submissionSentenceZh: string;
    submissionSentenceEn: string;
    issues: { agency: BriefingAgency; reason: string; detailZh: string; detailEn: string; reportId: string | null }[];
    leagues: LeagueTableResult[];
    notableChanges: { agency: BriefingAgency; kind: string; metric: string; messageZh: string; messageEn: string; quality: string; reportId: string }[];
    withholding: BreakdownPart[];
    reviewOutcomes: BreakdownPart[];
    litigationOutcomes: BreakdownPart[];
    metricNotes: { code: string; nameZh: string; formulaZh: string; denominatorZh: string | null; caveatZh: string | null }[];
    methodologyZh: string[];
  };
}

export interface BriefingVariables {
  year: number;
  selection?: AgencySelectionInput | null;
}

export const BriefingQuery = defineOperation<BriefingResult, BriefingVariables>(document);
