/**
 * Breakdowns: how one total splits into its parts — outcomes, withholding reasons, applicant types, review and
 * litigation outcomes. Each part names the cells it is read from and its label from the official layout, so the
 * API, the exports and the dashboard's charts label a part the same way.
 */
import { unitKeys, valueQuality, type CellStanding, type MetricQuality } from './metric-quality.js';
import { outcomeGroupTotal } from './metrics.js';
import type { Applications, CellValue, ReviewLitigation } from './parsed-report.js';
import { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX, APPLICATION_ROWS, OUTCOME_GROUP_LABELS, REVIEW_COLUMNS, type OutcomeGroup } from './report-layout.js';

export const BREAKDOWN_DIMENSIONS = [
  'OUTCOMES',
  'WITHHOLDING_REASONS',
  'UNABLE_TO_PROVIDE',
  'NOT_PROCESSED',
  'OTHER_HANDLING',
  'APPLICANT_TYPES',
  'REVIEW_OUTCOMES',
  'LITIGATION_OUTCOMES',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** The tables a part is computed from (only the rows it needs are filled in). */
export interface BreakdownInput {
  applications: Applications;
  reviewLitigation: ReviewLitigation;
}

export interface BreakdownPart {
  key: string;
  labelZh: string;
  labelEn: string;
  /** Cell paths it reads, as stored (`applications.granted[6]`): a part none of whose cells a report has is omitted. */
  cells: readonly string[];
  /** Its value in one report; null when a cell it needs is blank (blank is not zero). */
  value(input: BreakdownInput): CellValue;
}

export interface BreakdownDefinition {
  dimension: BreakdownDimension;
  labelZh: string;
  labelEn: string;
  parts: readonly BreakdownPart[];
}

const TOTAL = APPLICANT_TOTAL_INDEX;
const appPath = (row: string, column: number) => `applications.${row}[${column}]`;
const reviewPath = (group: string, column: number) => `reviewLitigation.${group}[${column}]`;
const cellOf = (rows: Applications | ReviewLitigation, row: string, column: number): CellValue => rows[row]?.[column] ?? null;

const OUTCOME_GROUPS = Object.keys(OUTCOME_GROUP_LABELS) as OutcomeGroup[];

/** A section 三 row, 总计 column. */
function rowPart(key: string, row: string, labelZh: string, labelEn: string): BreakdownPart {
  return { key, labelZh, labelEn, cells: [appPath(row, TOTAL)], value: (i) => cellOf(i.applications, row, TOTAL) };
}

function rowsOfGroup(group: OutcomeGroup): string[] {
  return APPLICATION_ROWS.filter((r) => r.group === group).map((r) => r.key);
}

function subRowParts(group: OutcomeGroup): BreakdownPart[] {
  return APPLICATION_ROWS.filter((r) => r.group === group && r.key.includes('.')).map((r) =>
    rowPart(r.key.split('.')[1]!, r.key, `${r.number}${r.label}`, r.en),
  );
}

const LITIGATION_GROUPS = ['litigationDirect', 'litigationAfterReview'] as const;
/** 结果维持, 结果纠正, 其他结果, 尚未审结 (not the 总计 column). */
const REVIEW_OUTCOME_COLUMNS = REVIEW_COLUMNS.slice(0, 4);

export const BREAKDOWNS: Record<BreakdownDimension, BreakdownDefinition> = {
  OUTCOMES: {
    dimension: 'OUTCOMES',
    labelZh: '办理结果',
    labelEn: 'Outcomes',
    parts: OUTCOME_GROUPS.map((group) => {
      const label = OUTCOME_GROUP_LABELS[group];
      const rows = rowsOfGroup(group);
      return {
        key: group,
        labelZh: `${label.number}${label.label}`,
        labelEn: label.en,
        cells: rows.map((r) => appPath(r, TOTAL)),
        value: (i: BreakdownInput) => (rows.length === 1 ? cellOf(i.applications, rows[0]!, TOTAL) : outcomeGroupTotal(i.applications, group)),
      };
    }),
  },
  WITHHOLDING_REASONS: { dimension: 'WITHHOLDING_REASONS', labelZh: '不予公开原因', labelEn: 'Withholding reasons', parts: subRowParts('withheld') },
  UNABLE_TO_PROVIDE: { dimension: 'UNABLE_TO_PROVIDE', labelZh: '无法提供的原因', labelEn: 'Unable to provide', parts: subRowParts('unableToProvide') },
  NOT_PROCESSED: { dimension: 'NOT_PROCESSED', labelZh: '不予处理的原因', labelEn: 'Not processed', parts: subRowParts('notProcessed') },
  OTHER_HANDLING: {
    dimension: 'OTHER_HANDLING',
    labelZh: '其他处理',
    labelEn: 'Other handling',
    parts: [
      ...subRowParts('otherHandling'),
      // The 2019 format (and some 2021 reports) print （六） as one undivided row.
      rowPart('undivided', 'otherHandling', '（六）其他处理（未细分）', 'Other handling (not itemised)'),
    ],
  },
  APPLICANT_TYPES: {
    dimension: 'APPLICANT_TYPES',
    labelZh: '申请人类型（本年新收）',
    labelEn: 'Applicant types (new applications)',
    parts: APPLICANT_COLUMNS.slice(0, TOTAL).map((col, c) => ({
      key: col.key,
      labelZh: col.label,
      labelEn: col.en,
      cells: [appPath('newReceived', c)],
      value: (i: BreakdownInput) => cellOf(i.applications, 'newReceived', c),
    })),
  },
  REVIEW_OUTCOMES: {
    dimension: 'REVIEW_OUTCOMES',
    labelZh: '行政复议结果',
    labelEn: 'Administrative review outcomes',
    parts: REVIEW_OUTCOME_COLUMNS.map((col, c) => ({
      key: col.key,
      labelZh: col.label,
      labelEn: col.en,
      cells: [reviewPath('review', c)],
      value: (i: BreakdownInput) => cellOf(i.reviewLitigation, 'review', c),
    })),
  },
  LITIGATION_OUTCOMES: {
    dimension: 'LITIGATION_OUTCOMES',
    labelZh: '行政诉讼结果（两类合计）',
    labelEn: 'Litigation outcomes (both kinds)',
    parts: REVIEW_OUTCOME_COLUMNS.map((col, c) => ({
      key: col.key,
      labelZh: col.label,
      labelEn: col.en,
      cells: LITIGATION_GROUPS.map((g) => reviewPath(g, c)),
      value: (i: BreakdownInput) => {
        const parts = LITIGATION_GROUPS.map((g) => cellOf(i.reviewLitigation, g, c));
        return parts.some((v) => v === null) ? null : parts.reduce<number>((s, v) => s + v!, 0);
      },
    })),
  },
};

export interface BreakdownShare {
  key: string;
  value: CellValue;
  /** value ÷ the sum of the parts' known values; null when that sum is 0 or the value is blank. */
  share: number | null;
}

/** Shares of parts whose values are known, of their sum. */
export function breakdownShares(values: readonly { key: string; value: CellValue }[]): BreakdownShare[] {
  const sum = values.reduce((s, v) => s + (v.value ?? 0), 0);
  return values.map((v) => ({ key: v.key, value: v.value, share: v.value === null || sum === 0 ? null : v.value / sum }));
}

/**
 * The quality of one part's value in one report, decided as a metric's is (valueQuality): from the cells the part
 * reads and what the report's findings and corrections say about them. A blank part is unverifiable.
 */
export function breakdownPartQuality(part: BreakdownPart, value: CellValue, standing: CellStanding): MetricQuality {
  return valueQuality(
    part.cells.map((path) => ({ path, units: unitKeys(path) })),
    value === null,
    standing,
  );
}
