/**
 * The parsed-report object (shared/spec/parsed-report.md, version 1) and the extra keys our parser adds:
 * per-cell evidence, narrative facts, the report's scope and its own findings.
 */
import type { Template, TableSection } from './report-layout.js';
import type { Finding } from './consistency/finding.js';

/** A numeric cell: a number, or null when the document prints nothing there ("blank is not zero"). */
export type CellValue = number | null;

export type ActiveDisclosure = Record<string, Record<string, CellValue>>;
export type Applications = Record<string, CellValue[]>;
export type ReviewLitigation = Record<string, CellValue[]>;

/** The contract fields, exactly as the spec lists them. */
export interface ParsedReportCore {
  schemaVersion: 1;
  agency: string | null;
  year: number | null;
  template: Template | null;
  publishedOn: string | null;
  activeDisclosure: ActiveDisclosure;
  applications: Applications;
  reviewLitigation: ReviewLitigation;
}

/** How a cell was printed: a number, a printed zero, nothing, a "not applicable" mark, or other text. */
export const CELL_STATES = ['NUMERIC', 'ZERO', 'EMPTY', 'NA', 'TEXT'] as const;
export type CellState = (typeof CELL_STATES)[number];

/** Where a value was read. Offsets are into `ParsedReport.text` (the normalised text of the document). */
export type CellSource =
  | { kind: 'text'; line: number; start: number; end: number }
  | { kind: 'html'; table: number; row: number; cell: number; start: number; end: number }
  | { kind: 'pdf'; page: number; x: number; y: number; width: number; height: number; start: number; end: number }
  | { kind: 'docx'; table: number; row: number; cell: number; start: number; end: number }
  /** A spreadsheet cell; `table` is the sheet's index. */
  | { kind: 'xlsx'; table: number; row: number; cell: number; start: number; end: number };

export interface CellEvidence {
  /** `applications.newReceived[0]`, `activeDisclosure.fees.amountWan`, `reviewLitigation.review[4]`. */
  path: string;
  section: TableSection;
  row: string;
  /** Field key (section 二) or column index (sections 三 and 四). */
  column: string | number;
  value: CellValue;
  state: CellState;
  /** The characters the value was read from, as printed (a glued run shows the whole run). */
  raw: string;
  /** 1 = read from a cell of its own; lower when a split, a positional reading or a unit conversion was needed. */
  confidence: number;
  source: CellSource | null;
  /** Other readings the document allows, most plausible first (glued digit runs). */
  alternatives?: CellValue[];
  /** The unit as printed, when one was (money). */
  unitRaw?: string;
  /**
   * Which evidence settled a value the print alone did not (a glued run, a collapsed run, a lost blank): the
   * row's 总计, the table's column rules, the previous year's report — in Chinese, for the clerk.
   */
  decidedBy?: string;
}

/**
 * What the report says in its sections 一, 五 and 六 that bears on the tables. `extendedReplies`: replies given
 * after the extension the 条例 allows (延期答复 N 件): not late, but not within the first term.
 */
export const NARRATIVE_FACT_KINDS = [
  'applicationsReceived',
  'applicationsHandled',
  'applicationsCarriedForward',
  'reviews',
  'lawsuits',
  'onTimeRate',
  'allOnTime',
  'overdueReplies',
  'extendedReplies',
  'processingFeeYuan',
  'normativeDocumentsIssued',
] as const;
export type NarrativeFactKind = (typeof NARRATIVE_FACT_KINDS)[number];

export interface NarrativeFact {
  kind: NarrativeFactKind;
  value: number;
  /** The sentence it came from. */
  sentence: string;
  start: number;
  end: number;
}

export const REPORT_SCOPES = ['self', 'region_aggregate', 'system_aggregate'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

/** The container a report arrived in, detected from its content. */
export const REPORT_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx', 'doc', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ParsedReport extends ParsedReportCore {
  /** The scope the report covers, from its own wording (全市/全区/全县… = region aggregate). */
  scope: ReportScope;
  /** The container the report arrived in, detected from the content. */
  format: ReportFormat;
  encoding: string;
  /** The normalised text every offset points into. */
  text: string;
  cells: CellEvidence[];
  narrative: NarrativeFact[];
  findings: Finding[];
  /** Things the parser noticed that are not rule breaks (a heading it had to guess, a stray value it ignored). */
  notes: string[];
  parserVersion: string;
}

export function cellPath(section: TableSection, row: string, column: string | number): string {
  return typeof column === 'number' ? `${section}.${row}[${column}]` : `${section}.${row}.${column}`;
}
