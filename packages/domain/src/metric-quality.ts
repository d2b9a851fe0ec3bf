/**
 * What a metric value rests on. Every stored metric value carries one quality state, computed when the metric is
 * derived (import, correction, re-parse, bulk load) from the cells the metric reads and the findings about them.
 */
import { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX, APPLICATION_ROWS, OTHER_HANDLING_SUBROWS, REVIEW_GROUPS, REVIEW_TOTAL_INDEX } from './report-layout.js';
import type { CellValue } from './parsed-report.js';
import type { Finding, RuleCode } from './consistency/finding.js';

export const SCOPE_LABELS: Record<'self' | 'region_aggregate' | 'system_aggregate', { zh: string; en: string }> = {
  self: { zh: '本机关', en: 'own work' },
  region_aggregate: { zh: '地区汇总', en: 'region aggregate' },
  system_aggregate: { zh: '系统汇总', en: 'system aggregate' },
};

export const METRIC_QUALITY_STATES = ['VERIFIED', 'UNVERIFIABLE', 'CONTRADICTED', 'UNCERTAIN', 'CORRECTED', 'SELF_REPORTED'] as const;
export type MetricQuality = (typeof METRIC_QUALITY_STATES)[number];

export const METRIC_QUALITY_LABELS: Record<MetricQuality, { zh: string; en: string; descriptionZh: string; descriptionEn: string }> = {
  VERIFIED: {
    zh: '已核验',
    en: 'Verified',
    descriptionZh: '涉及此数所用单元格的每条勾稽关系都成立。',
    descriptionEn: 'Every rule touching the cells it uses holds.',
  },
  UNVERIFIABLE: {
    zh: '无法核验',
    en: 'Unverifiable',
    descriptionZh: '所用单元格或核对它们所需的单元格空白，无法核对。',
    descriptionEn: 'A cell it uses, or one needed to check them, is blank.',
  },
  CONTRADICTED: {
    zh: '表内矛盾',
    en: 'Contradicted',
    descriptionZh: '涉及此数所用单元格的勾稽关系不成立，数字不可靠；排名默认不计。',
    descriptionEn: 'A rule touching the cells it uses fails; left out of rankings by default.',
  },
  UNCERTAIN: {
    zh: '读数存疑',
    en: 'Uncertain',
    descriptionZh: '所用单元格有多种读法（数字粘连）或人工更正已失效；排名默认不计。',
    descriptionEn: 'A cell it uses admits several readings (or a correction went stale); left out of rankings by default.',
  },
  CORRECTED: {
    zh: '已人工更正',
    en: 'Corrected',
    descriptionZh: '所用单元格经编辑人工更正，更正后各项勾稽关系成立。',
    descriptionEn: "A cell it uses carries an editor's correction, and the rules hold after it.",
  },
  SELF_REPORTED: {
    zh: '报告自述',
    en: 'Self-reported',
    descriptionZh: '取自报告正文的陈述，表格无从核对。',
    descriptionEn: 'Taken from a statement in the text; the tables cannot check it.',
  },
};

/** Values a ranking leaves out unless asked to include them (and counts): the product knows they may be wrong. */
export const RANKING_EXCLUDED_QUALITIES: readonly MetricQuality[] = ['CONTRADICTED', 'UNCERTAIN'];

/**
 * Rules whose outcome decides a value's quality: those about the report's own cells. The cross-year carry check
 * is left out on purpose: it depends on another report, which may arrive later, and is shown as a finding instead.
 */
const TABLE_RULES: ReadonlySet<RuleCode> = new Set<RuleCode>([
  'S3_BALANCE',
  'S3_OUTCOME_SUM',
  'S3_ROW_SUM',
  'S4_GROUP_SUM',
  'NEGATIVE_COUNT',
  'NARRATIVE_MISMATCH',
  'CELL_MISSING',
]);

const CELL = /^applications\.([\w.]+)\[(\d+)\]$|^reviewLitigation\.(\w+)\[(\d+)\]$/;

const OUTCOME_ROWS = APPLICATION_ROWS.filter((r) => r.role === 'outcome').map((r) => r.key);

/** What the cells of a report say about themselves: failed, unchecked, uncertain and corrected cells. */
export interface CellStanding {
  contradicted: ReadonlySet<string>;
  /** Blank cells, and the units (see unitKeys) of rules that could not be checked. */
  unverifiable: ReadonlySet<string>;
  uncertain: ReadonlySet<string>;
  corrected: ReadonlySet<string>;
}

const BALANCE_ROWS = new Set(['newReceived', 'carriedOver', 'total', 'carriedForward']);
const OUTCOME_SUM_ROWS = new Set([...OUTCOME_ROWS, 'total']);

/**
 * The rule units a cell belongs to, as keys: its column under rules 1 and 2, its row under rule 3, its group under
 * rule 4. An unverifiable finding names only blank cells, but its rule could not be checked for any cell of the unit.
 */
export function unitKeys(cell: string): string[] {
  const m = CELL.exec(cell);
  if (!m) return [];
  if (m[3] !== undefined) return [`S4_GROUP_SUM:${m[3]}`];
  const row = m[1]!;
  const keys = [`S3_ROW_SUM:${row}`];
  if (BALANCE_ROWS.has(row)) keys.push(`S3_BALANCE:${m[2]}`);
  if (OUTCOME_SUM_ROWS.has(row)) keys.push(`S3_OUTCOME_SUM:${m[2]}`);
  return keys;
}

/** The standing of a report's cells from its findings and its editors' active corrections (cell paths). */
export function cellStanding(findings: readonly Finding[], correctedCells: Iterable<string> = []): CellStanding {
  const contradicted = new Set<string>();
  const unverifiable = new Set<string>();
  const uncertain = new Set<string>();
  for (const f of findings) {
    if (f.rule === 'UNCERTAIN_READING' || f.rule === 'CORRECTION_STALE') {
      for (const c of f.cells) uncertain.add(c);
      continue;
    }
    if (!TABLE_RULES.has(f.rule)) continue;
    if (f.status === 'failed') for (const c of f.cells) contradicted.add(c);
    else if (f.status === 'unverifiable') {
      for (const c of f.cells) {
        unverifiable.add(c);
        if (f.rule === 'CELL_MISSING') continue;
        const m = CELL.exec(c);
        if (!m) continue;
        if (f.rule === 'S4_GROUP_SUM') unverifiable.add(`S4_GROUP_SUM:${m[3]}`);
        else if (f.rule === 'S3_ROW_SUM') unverifiable.add(`S3_ROW_SUM:${m[1]}`);
        else if (f.rule === 'S3_BALANCE' || f.rule === 'S3_OUTCOME_SUM') unverifiable.add(`${f.rule}:${m[2]}`);
      }
    }
  }
  return { contradicted, unverifiable, uncertain, corrected: new Set(correctedCells) };
}

/**
 * The quality of a value from the cells it read (each with its unit keys): contradicted before uncertain before
 * unverifiable before corrected. A blank cell read makes it unverifiable. A figure from the text alone is
 * self-reported (its table cells, the base it is weighed by, still make it contradicted or uncertain when they are).
 */
export function valueQuality(
  read: Iterable<{ path: string; units: readonly string[] }>,
  blanks: boolean,
  standing: CellStanding,
  selfReported = false,
): MetricQuality {
  let contradicted = false;
  let uncertain = false;
  let unverifiable = blanks;
  let corrected = false;
  for (const c of read) {
    if (standing.contradicted.has(c.path)) contradicted = true;
    if (standing.uncertain.has(c.path)) uncertain = true;
    if (standing.unverifiable.size && (standing.unverifiable.has(c.path) || c.units.some((u) => standing.unverifiable.has(u)))) unverifiable = true;
    if (standing.corrected.has(c.path)) corrected = true;
  }
  if (contradicted) return 'CONTRADICTED';
  if (uncertain) return 'UNCERTAIN';
  if (selfReported) return 'SELF_REPORTED';
  if (unverifiable) return 'UNVERIFIABLE';
  return corrected ? 'CORRECTED' : 'VERIFIED';
}

type Rows = Record<string, CellValue[]>;

const allKnown = (xs: readonly CellValue[]): xs is number[] => xs.every((x) => x !== null && x !== undefined);
const add = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * The tables with every total a rule can recompute taken from its parts (the reconciliation policy's "parts"
 * reading; the printed tables are never changed):
 * - a row's 总计 column = the sum of its six applicant columns;
 * - a column's （七）总计 = the sum of its outcome rows;
 * - where rule 1 fails in a column whose 办理总计 is backed by its outcome rows, 本年新收 = 办理总计 + 结转下年度 −
 *   上年结转 (the handled side stands on its own figures);
 * - a section 四 group's 总计 = 维持 + 纠正 + 其他 + 尚未审结.
 * A total stays as printed where a part it needs is blank.
 */
export function tablesFromParts(applications: Rows, reviewLitigation: Rows): { applications: Rows; reviewLitigation: Rows; changed: boolean } {
  const apps: Rows = Object.fromEntries(Object.entries(applications).map(([k, v]) => [k, [...v]]));
  const subRows = OTHER_HANDLING_SUBROWS.some((k) => apps[k]?.some((v) => v !== null));
  const outcomes = OUTCOME_ROWS.filter((k) => (k === 'otherHandling' ? !subRows : k.startsWith('otherHandling.') ? subRows : true)).filter((k) => apps[k]);
  for (const row of Object.values(apps)) {
    const parts = row.slice(0, APPLICANT_TOTAL_INDEX);
    if (parts.length === APPLICANT_TOTAL_INDEX && allKnown(parts)) row[APPLICANT_TOTAL_INDEX] = add(parts);
  }
  let changed = false;
  const total = apps['total'];
  if (total && outcomes.length) {
    for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
      const parts = outcomes.map((k) => apps[k]![c] ?? null);
      const printedTotal = applications['total']?.[c] ?? null;
      if (!allKnown(parts)) continue;
      const fromParts = add(parts);
      total[c] = fromParts;
      const nr = apps['newReceived'];
      const co = apps['carriedOver']?.[c] ?? null;
      const cf = apps['carriedForward']?.[c] ?? null;
      const nrc = nr?.[c] ?? null;
      if (!nr || co === null || cf === null || nrc === null || printedTotal === null) continue;
      if (printedTotal === fromParts && nrc + co !== fromParts + cf) nr[c] = fromParts + cf - co;
    }
  }
  const review: Rows = {};
  for (const g of REVIEW_GROUPS) {
    const row = reviewLitigation[g.key];
    if (!row) continue;
    const copy = [...row];
    const parts = copy.slice(0, REVIEW_TOTAL_INDEX);
    if (parts.length === REVIEW_TOTAL_INDEX && allKnown(parts)) copy[REVIEW_TOTAL_INDEX] = add(parts);
    review[g.key] = copy;
    if (copy.some((v, i) => v !== (row[i] ?? null))) changed = true;
  }
  for (const [k, row] of Object.entries(apps)) if (row.some((v, i) => v !== (applications[k]![i] ?? null))) changed = true;
  return { applications: apps, reviewLitigation: review, changed };
}

/**
 * Tables that record which cells are read: a metric's formula runs on them unchanged, and the paths it touched
 * (blank or not) decide its quality.
 */
export function recordingTables<T extends { applications: Rows; reviewLitigation: Rows; activeDisclosure: Record<string, Record<string, CellValue>> }>(
  input: T,
  read: Set<string>,
  blank: Set<string>,
): T {
  const rows = (section: string, table: Rows): Rows =>
    new Proxy(table, {
      get(target, row) {
        if (typeof row !== 'string') return undefined;
        const values = target[row] ?? [];
        return new Proxy(values, {
          get(arr, index) {
            const value: unknown = Reflect.get(arr, index);
            if (typeof index === 'string' && /^\d+$/.test(index)) {
              read.add(`${section}.${row}[${index}]`);
              if (value === null || value === undefined) blank.add(`${section}.${row}[${index}]`);
            }
            return value;
          },
        });
      },
    });
  const fields = (table: Record<string, Record<string, CellValue>>) =>
    new Proxy(table, {
      get(target, row) {
        if (typeof row !== 'string') return undefined;
        const values = target[row] ?? {};
        return new Proxy(values, {
          get(obj, field) {
            const value: unknown = Reflect.get(obj, field);
            if (typeof field === 'string') {
              read.add(`activeDisclosure.${row}.${field}`);
              if (value === null || value === undefined) blank.add(`activeDisclosure.${row}.${field}`);
            }
            return value;
          },
        });
      },
    });
  return {
    ...input,
    applications: rows('applications', input.applications),
    reviewLitigation: rows('reviewLitigation', input.reviewLitigation),
    activeDisclosure: fields(input.activeDisclosure),
  };
}
