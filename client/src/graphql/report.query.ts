import { defineOperation } from './client';
import document from './report.query.graphql?raw';
import type { ApplicationRowResult, DisclosureRowResult, FindingResult, ReviewRowResult } from './types';

export interface ReportQueryVariables {
  id: string;
}

export interface ReportVersion {
  id: string;
  version: number;
  isCurrent: boolean;
  ingestedAt: string;
  sourceFileName: string;
  format: string;
}

export interface ReportDetail {
  id: string;
  year: number;
  template: string;
  scope: string;
  printedAgencyName: string | null;
  publishedOn: string | null;
  deadline: string;
  daysLate: number | null;
  sourceFileName: string;
  format: string;
  version: number;
  isCurrent: boolean;
  ingestedAt: string;
  parserVersion: string;
  /** The normalised text of the document; cells' source offsets point into it. */
  text: string;
  /** Every version of this agency and year, newest first. */
  versions: ReportVersion[];
  agency: { id: string; name: string };
  activeDisclosure: DisclosureRowResult[];
  applications: ApplicationRowResult[];
  reviewLitigation: ReviewRowResult[];
  findings: FindingResult[];
}

export interface ReportQueryResult {
  report: ReportDetail | null;
}

export const ReportQuery = defineOperation<ReportQueryResult, ReportQueryVariables>(document);
