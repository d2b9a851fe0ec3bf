import { defineOperation } from './client';
import document from './reports.query.graphql?raw';
import type { SeverityValue } from './types';

export interface ReportsQueryVariables {
  agencyId?: string | null;
  year?: number | null;
  take?: number;
  skip?: number;
}

export interface ReportListItem {
  id: string;
  year: number;
  template: string;
  publishedOn: string | null;
  deadline: string;
  daysLate: number | null;
  agency: { id: string; name: string };
  findings: { severity: SeverityValue }[];
}

export interface ReportsQueryResult {
  reports: { total: number; items: ReportListItem[] };
}

export const ReportsQuery = defineOperation<ReportsQueryResult, ReportsQueryVariables>(document);
