/**
 * Hand-written shapes of what the API returns, shared by the operations' result types.
 * They follow the GraphQL schema (server/schema.gql) field for field; replace with generated types once
 * codegen is set up.
 */

import type { Severity } from '@ogi/domain';

/** A table cell's evidence. `value` null means the document prints nothing (or text) there. */
export interface CellResult {
  path: string;
  value: number | null;
  /** NUMERIC | ZERO | EMPTY | NA | TEXT */
  state: string;
  raw: string;
  confidence: number;
  alternatives: (number | null)[] | null;
  /** Where the value was read in `Report.text` (start inclusive, end exclusive); null when not read from text. */
  sourceStart: number | null;
  sourceEnd: number | null;
  /** The PDF page it was read on, for PDF reports. */
  sourcePage: number | null;
  /** Whether an editor's correction is in force: `value` is then the corrected value. */
  corrected: boolean;
  /** What the parser read, when corrected (null otherwise, or when the parser read a blank). */
  originalValue: number | null;
  /** The correction in force: the value set, why, who and when. */
  correction: CellCorrectionInForce | null;
}

/** An editor's correction in force on a cell. */
export interface CellCorrectionInForce {
  id: string;
  /** null = corrected to blank. */
  value: number | null;
  reason: string;
  /** The user name of the editor. */
  by: string;
  /** ISO 8601. */
  at: string;
}

/** The closed set of @ogi/domain, as the API answers it. */
export type SeverityValue = Severity;

export interface FindingResult {
  rule: string;
  severity: SeverityValue;
  /** failed | unverifiable | notice */
  status: string;
  cells: string[];
  expected: number | null;
  actual: number | null;
  messageZh: string;
  messageEn: string;
}

export interface ApplicationRowResult {
  key: string;
  number: string;
  label: string;
  group: string | null;
  /** Seven values in APPLICANT_COLUMNS order; null = blank. */
  values: (number | null)[];
  cells: (CellResult | null)[];
}

export interface ReviewRowResult {
  key: string;
  label: string;
  /** Five values in REVIEW_COLUMNS order; null = blank. */
  values: (number | null)[];
  cells: (CellResult | null)[];
}

export interface DisclosureFieldResult {
  key: string;
  label: string;
  value: number | null;
  cell: CellResult | null;
}

export interface DisclosureRowResult {
  key: string;
  label: string;
  fields: DisclosureFieldResult[];
}
