import type { AgencyRef } from './analytics.types';
import { defineOperation } from './client';
import document from './agency-profile.query.graphql?raw';
import type { SeverityValue } from './types';

export interface AgencyProfileQueryVariables {
  id: string;
}

export interface AgencyProfileReport {
  id: string;
  year: number;
  template: string;
  publishedOn: string | null;
  deadline: string;
  daysLate: number | null;
  version: number;
  findings: { severity: SeverityValue }[];
}

export interface AgencyReportUrl {
  year: number;
  url: string;
}

export interface AgencyProfile extends AgencyRef {
  kind: string;
  level: string | null;
  aliases: string[];
  listingUrl: string | null;
  /** Known addresses of its reports, by data year (newest first). */
  reportUrls: AgencyReportUrl[];
  parent: AgencyRef | null;
  reports: AgencyProfileReport[];
}

export interface AgencyProfileQueryResult {
  agency: AgencyProfile | null;
}

export const AgencyProfileQuery = defineOperation<AgencyProfileQueryResult, AgencyProfileQueryVariables>(document);
