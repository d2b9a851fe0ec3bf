import { defineOperation } from './client';
import document from './search-reports.query.graphql?raw';

export interface SearchHit {
  /** The words with some text around their first occurrence (… where cut). */
  snippet: string;
  /** Where the first occurrence starts in the report's text. */
  offset: number;
  report: { id: string; year: number; scope: string; agency: { id: string; name: string } };
}

export const SearchReportsQuery = defineOperation<{ searchReports: { total: number; items: SearchHit[] } }, { query: string; take: number; skip: number }>(
  document,
);
