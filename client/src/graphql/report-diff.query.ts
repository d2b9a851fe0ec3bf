import { defineOperation } from './client';
import document from './report-diff.query.graphql?raw';

export interface DiffVersion {
  id: string;
  version: number;
  ingestedAt: string;
  sourceFileName: string;
}

/** publishedOn | daysLate | template | scope | printedAgencyName, each as text (null = not stated). */
export interface FieldChangeResult {
  field: string;
  from: string | null;
  to: string | null;
}

export interface CellChangeResult {
  path: string;
  label: string;
  labelEn: string;
  /** null = blank, or no such cell in that version (then its raw is null too). */
  fromValue: number | null;
  toValue: number | null;
  fromRaw: string | null;
  toRaw: string | null;
}

export interface ReportDiffResult {
  reportDiff: { from: DiffVersion; to: DiffVersion; fields: FieldChangeResult[]; cells: CellChangeResult[] };
}

export const ReportDiffQuery = defineOperation<ReportDiffResult, { fromId: string; toId: string }>(document);
