/**
 * The consistency rules of parsed-report.md, checked on one parsed report (rules 1–4, 6) or on two
 * consecutive years of one agency (rule 5). Blank is not zero: a rule that needs a blank cell is reported
 * as unverifiable, naming the cells, and never passes or fails on a guessed 0. Its message still says what the
 * printed numbers give — whether the rule would hold were the blanks 0, and the value a blank total should
 * have — because many agencies leave zeros (and even totals) blank, and the clerk chasing them needs the number.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_TOTAL_INDEX,
  APPLICATION_ROWS,
  OTHER_HANDLING_SUBROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  REVIEW_TOTAL_INDEX,
} from '../report-layout.js';
import type { CellValue, NarrativeFact, ParsedReportCore, ReportScope } from '../parsed-report.js';
import { SCOPE_LABELS } from '../metric-quality.js';
import { RULE_DESCRIPTIONS, type Finding, type RuleCode } from './finding.js';

type Cell = { path: string; value: CellValue; label: string; labelEn: string };

const appPath = (row: string, col: number) => `applications.${row}[${col}]`;
const revPath = (group: string, col: number) => `reviewLitigation.${group}[${col}]`;
const rowLabel = (key: string) => APPLICATION_ROWS.find((r) => r.key === key)!;

function appCell(report: ParsedReportCore, row: string, col: number): Cell {
  const r = rowLabel(row);
  const c = APPLICANT_COLUMNS[col]!;
  return {
    path: appPath(row, col),
    value: report.applications[row]?.[col] ?? null,
    label: `${r.number}${shortLabel(r.label)}·${c.label}`,
    labelEn: `${r.en} · ${c.en}`,
  };
}

function shortLabel(label: string): string {
  return label.replace(/（区分处理的.*$/, '');
}

const sum = (cells: Cell[]) => cells.reduce((s, c) => s + (c.value ?? 0), 0);
const blanks = (cells: Cell[]) => cells.filter((c) => c.value === null);

/**
 * What the printed numbers of a unit (a row, a column, a group) give when its rule cannot be checked: the sum of
 * the printed parts against the printed result, or — when the result itself is blank — the value it should have.
 */
type BlankReading =
  /** The result is printed (in part): both sides summed with their blanks read as 0. */
  | { kind: 'compare'; expected: number; actual: number }
  /** The result is blank; `value` is the sum of the printed parts, exact when no part is blank. */
  | { kind: 'blankResult'; value: number; exact: boolean };

/** How a unit's rule would come out on its printed numbers (see BlankReading). */
function readBlanks(parts: Cell[], result: Cell[]): BlankReading | null {
  if (parts.every((c) => c.value === null)) return null;
  if (result.every((c) => c.value === null)) return { kind: 'blankResult', value: sum(parts), exact: blanks(parts).length === 0 };
  return { kind: 'compare', expected: sum(parts), actual: sum(result) };
}

interface UnverifiableUnit {
  zh: string;
  en: string;
  reading: BlankReading | null;
}

/** The sentences that say what the printed numbers give, for the units of one unverifiable rule. */
function blankReadingNotes(units: readonly UnverifiableUnit[]): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  const holds = units.filter((u) => u.reading?.kind === 'compare' && u.reading.expected === u.reading.actual);
  // Named when few; counted when many (a table of blank zeros would otherwise repeat every row here).
  if (holds.length > 3) {
    zh.push(`若空白按 0 计，其中 ${holds.length} 项相符`);
    en.push(`with blanks read as 0 it holds for ${holds.length} of them`);
  } else if (holds.length) {
    zh.push(`若空白按 0 计，${holds.map((u) => u.zh).join('、')}相符`);
    en.push(`with blanks read as 0 it holds for ${holds.map((u) => u.en).join(', ')}`);
  }
  for (const u of units) {
    const r = u.reading;
    if (r?.kind === 'compare' && r.expected !== r.actual) {
      zh.push(`${u.zh}即使空白按 0 计也不符：应为 ${r.expected}，表中为 ${r.actual}`);
      en.push(`${u.en} does not hold even with blanks read as 0: expected ${r.expected}, printed ${r.actual}`);
    } else if (r?.kind === 'blankResult') {
      zh.push(r.exact ? `${u.zh}的合计空白，按各项应为 ${r.value}` : `${u.zh}的合计空白，已填各项之和为 ${r.value}`);
      en.push(r.exact ? `${u.en}: the total is blank; its parts give ${r.value}` : `${u.en}: the total is blank; the printed parts add up to ${r.value}`);
    }
  }
  return { zh: zh.length ? `${zh.join('；')}。` : '', en: en.length ? ` ${en.map((e) => e[0]!.toUpperCase() + e.slice(1)).join('. ')}.` : '' };
}

/** Accumulates findings; unverifiable units of one rule are merged into a single finding. */
class FindingCollector {
  readonly findings: Finding[] = [];
  private readonly unverifiable = new Map<RuleCode, { units: UnverifiableUnit[]; cells: Set<string> }>();

  fail(rule: RuleCode, cells: Cell[], expected: number, actual: number, unitZh: string, unitEn: string, detailZh = '', detailEn = '') {
    const d = RULE_DESCRIPTIONS[rule];
    this.findings.push({
      rule,
      severity: d.severity,
      status: 'failed',
      cells: cells.map((c) => c.path),
      expected,
      actual,
      message: {
        zh: `${unitZh}：应为 ${expected}，表中为 ${actual}（差 ${actual - expected}）。${detailZh}`.trim(),
        en: `${unitEn}: expected ${expected}, printed ${actual} (off by ${actual - expected}).${detailEn ? ` ${detailEn}` : ''}`,
      },
    });
  }

  cannotCheck(rule: RuleCode, unitZh: string, unitEn: string, missing: Cell[], reading: BlankReading | null = null) {
    let u = this.unverifiable.get(rule);
    if (!u) this.unverifiable.set(rule, (u = { units: [], cells: new Set() }));
    u.units.push({ zh: unitZh, en: unitEn, reading });
    for (const c of missing) u.cells.add(c.path);
  }

  push(f: Finding) {
    this.findings.push(f);
  }

  /** A count below zero is an error wherever it is printed. */
  negative(cell: Cell) {
    if (cell.value === null || cell.value >= 0) return;
    this.findings.push({
      rule: 'NEGATIVE_COUNT',
      severity: 'error',
      status: 'failed',
      cells: [cell.path],
      expected: null,
      actual: cell.value,
      message: { zh: `${cell.label} 为负数（${cell.value}）。`, en: `${cell.labelEn} is negative (${cell.value}).` },
    });
  }

  done(): Finding[] {
    for (const [rule, u] of this.unverifiable) {
      const d = RULE_DESCRIPTIONS[rule];
      const notes = blankReadingNotes(u.units);
      this.findings.push({
        rule,
        severity: 'warning',
        status: 'unverifiable',
        cells: [...u.cells],
        expected: null,
        actual: null,
        message: {
          zh: `无法核对“${d.zh}”：${u.units.map((x) => x.zh).join('、')} 所需单元格空白。${notes.zh}`,
          en: `Cannot check "${d.en}" for ${u.units.map((x) => x.en).join(', ')}: cells it needs are blank.${notes.en}`,
        },
      });
    }
    return this.findings;
  }
}

/** The outcome rows a report actually prints: the single （六） row or its three sub-rows. */
function printedOutcomeRows(report: ParsedReportCore): string[] {
  const hasSubRows = OTHER_HANDLING_SUBROWS.some((k) => report.applications[k]?.some((v) => v !== null));
  return APPLICATION_ROWS.filter((r) => r.role === 'outcome')
    .map((r) => r.key)
    .filter((k) => (k === 'otherHandling' ? !hasSubRows : k.startsWith('otherHandling.') ? hasSubRows : true));
}

function printedRows(report: ParsedReportCore): string[] {
  return ['newReceived', 'carriedOver', ...printedOutcomeRows(report), 'total', 'carriedForward'];
}

/** Checks rules 1–4 and 6, blank cells and negative counts on one report. */
export function checkReport(report: ParsedReportCore, narrative: readonly NarrativeFact[] = []): Finding[] {
  const out = new FindingCollector();
  if (Object.keys(report.applications).length > 0) checkApplications(report, out);
  if (Object.keys(report.reviewLitigation).length > 0) checkReviewLitigation(report, out);
  checkNarrative(report, narrative, out);
  return out.done();
}

function checkApplications(report: ParsedReportCore, out: FindingCollector) {
  const rows = printedRows(report);
  const outcomes = printedOutcomeRows(report);

  // Blank cells, reported once for the whole table.
  // Cells (with their labels) are built only for the blanks: building all of them cost a tenth of a parse.
  const missing = rows.flatMap((r) => APPLICANT_COLUMNS.flatMap((_, c) => ((report.applications[r]?.[c] ?? null) === null ? [appCell(report, r, c)] : [])));
  if (missing.length) {
    const emptyColumns = APPLICANT_COLUMNS.map((col, c) => ({ col, c })).filter(({ c }) => rows.every((r) => (report.applications[r]?.[c] ?? null) === null));
    const colNote = emptyColumns.length
      ? `其中整列空白：${emptyColumns.map((e) => e.col.label).join('、')}。`
      : `空白单元格：${missing
          .slice(0, 6)
          .map((m) => m.label)
          .join('、')}${missing.length > 6 ? ' 等' : ''}。`;
    out.push({
      rule: 'CELL_MISSING',
      severity: 'warning',
      status: 'unverifiable',
      cells: missing.map((m) => m.path),
      expected: null,
      actual: null,
      message: {
        zh: `第三部分表格有 ${missing.length} 个单元格空白（空白不按 0 计）。${colNote}`,
        en: `${missing.length} cells of the section 三 table are blank (not counted as 0).${
          emptyColumns.length ? ` Whole columns blank: ${emptyColumns.map((e) => e.col.en).join(', ')}.` : ''
        }`,
      },
    });
  }

  for (const r of rows)
    for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
      if ((report.applications[r]?.[c] ?? 0) < 0) out.negative(appCell(report, r, c));
    }

  for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
    const col = APPLICANT_COLUMNS[c]!;
    const columnZh = `“${col.label}”列`;
    const columnEn = `column ${col.en}`;
    const cellsOf = (keys: string[]) => keys.map((k) => appCell(report, k, c));
    // A column the document left wholly blank is reported once, as missing, above.
    if (rows.every((r) => (report.applications[r]?.[c] ?? null) === null)) {
      out.cannotCheck('S3_BALANCE', columnZh, columnEn, cellsOf(rows));
      out.cannotCheck('S3_OUTCOME_SUM', columnZh, columnEn, cellsOf(rows));
      continue;
    }

    // Rule 2 is read first: whether the 办理总计 side of rule 1 is backed by its own parts.
    const outcomeCells = cellsOf(outcomes);
    const total = appCell(report, 'total', c);
    const totalBackedByParts = blanks([...outcomeCells, total]).length === 0 && sum(outcomeCells) === total.value;

    // Rule 1.
    const inputs = cellsOf(['newReceived', 'carriedOver']);
    const outputs = cellsOf(['total', 'carriedForward']);
    const rule1Missing = blanks([...inputs, ...outputs]);
    if (rule1Missing.length) out.cannotCheck('S3_BALANCE', columnZh, columnEn, rule1Missing, readBlanks(inputs, outputs));
    else if (sum(inputs) !== sum(outputs)) {
      if (totalBackedByParts)
        // The outcome rows add up to 办理总计, so the handled side stands on its own figures: the faulty figures are
        // on the 新收 + 上年结转 side, and the finding names those cells (the expected value is what the handled side gives).
        out.fail(
          'S3_BALANCE',
          inputs,
          sum(outputs),
          sum(inputs),
          `${columnZh} 本年新收+上年结转`,
          `${columnEn}, new + carried over`,
          `办理总计与各项办理结果之和相符（${total.value}），差错在本年新收或上年结转一侧。`,
          `Total handled agrees with the sum of its outcome rows (${total.value}), so the error is on the new + carried over side.`,
        );
      else
        out.fail(
          'S3_BALANCE',
          [...inputs, ...outputs],
          sum(inputs),
          sum(outputs),
          `${columnZh} 新收+上年结转 与 办理总计+结转下年度`,
          `${columnEn}, new + carried over vs total handled + carried forward`,
        );
    }

    // Rule 2.
    const rule2Missing = blanks([...outcomeCells, total]);
    if (rule2Missing.length) out.cannotCheck('S3_OUTCOME_SUM', columnZh, columnEn, rule2Missing, readBlanks(outcomeCells, [total]));
    else if (sum(outcomeCells) !== total.value)
      out.fail('S3_OUTCOME_SUM', [...outcomeCells, total], sum(outcomeCells), total.value!, `${columnZh}（七）总计`, `${columnEn}, total handled`);
  }

  // Rule 3.
  for (const r of rows) {
    const row = rowLabel(r);
    const parts = APPLICANT_COLUMNS.slice(0, APPLICANT_TOTAL_INDEX).map((_, c) => appCell(report, r, c));
    const total = appCell(report, r, APPLICANT_TOTAL_INDEX);
    if ([...parts, total].every((x) => x.value === null)) continue; // a row not printed at all
    const unitZh = `“${row.number}${shortLabel(row.label)}”行`;
    const unitEn = `row ${row.en}`;
    const missingCells = blanks([...parts, total]);
    if (missingCells.length) out.cannotCheck('S3_ROW_SUM', unitZh, unitEn, missingCells, readBlanks(parts, [total]));
    else if (sum(parts) !== total.value) out.fail('S3_ROW_SUM', [...parts, total], sum(parts), total.value!, `${unitZh}总计`, `${unitEn}, total`);
  }
}

function checkReviewLitigation(report: ParsedReportCore, out: FindingCollector) {
  for (const g of REVIEW_GROUPS) {
    const values = report.reviewLitigation[g.key] ?? [];
    const cells: Cell[] = REVIEW_COLUMNS.map((col, i) => ({
      path: revPath(g.key, i),
      value: values[i] ?? null,
      label: `${g.label}·${col.label}`,
      labelEn: `${g.en} · ${col.en}`,
    }));
    for (const cell of cells) out.negative(cell);
    const parts = cells.slice(0, REVIEW_TOTAL_INDEX);
    const total = cells[REVIEW_TOTAL_INDEX]!;
    if (cells.every((c) => c.value === null)) {
      out.cannotCheck('S4_GROUP_SUM', g.label, g.en, cells);
      continue;
    }
    const missingCells = blanks(cells);
    if (missingCells.length) out.cannotCheck('S4_GROUP_SUM', g.label, g.en, missingCells, readBlanks(parts, [total]));
    else if (sum(parts) !== total.value) out.fail('S4_GROUP_SUM', cells, sum(parts), total.value!, `${g.label}总计`, `${g.en} total`);
  }
}

/**
 * Rule 6. A narrative "受理" count may include the carried-over applications (some reports say so), so it agrees
 * when it equals either 新收 or 新收 + 上年结转.
 */
function checkNarrative(report: ParsedReportCore, facts: readonly NarrativeFact[], out: FindingCollector) {
  const t = (row: string) => report.applications[row]?.[APPLICANT_TOTAL_INDEX] ?? null;
  const rt = (g: string) => report.reviewLitigation[g]?.[REVIEW_TOTAL_INDEX] ?? null;
  const add = (...xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((s, x) => s + x!, 0));

  for (const fact of facts) {
    let candidates: { value: number | null; cells: string[] }[];
    let whatZh: string;
    let whatEn: string;
    switch (fact.kind) {
      case 'applicationsReceived':
        whatZh = '收到申请数';
        whatEn = 'applications received';
        candidates = [
          { value: t('newReceived'), cells: [appPath('newReceived', 6)] },
          { value: add(t('newReceived'), t('carriedOver')), cells: [appPath('newReceived', 6), appPath('carriedOver', 6)] },
        ];
        break;
      case 'applicationsHandled':
        whatZh = '办结申请数';
        whatEn = 'applications handled';
        candidates = [{ value: t('total'), cells: [appPath('total', 6)] }];
        break;
      case 'applicationsCarriedForward':
        whatZh = '结转下年度申请数';
        whatEn = 'applications carried forward';
        candidates = [{ value: t('carriedForward'), cells: [appPath('carriedForward', 6)] }];
        break;
      case 'reviews':
        whatZh = '行政复议案件数';
        whatEn = 'administrative reviews';
        candidates = [{ value: rt('review'), cells: [revPath('review', 4)] }];
        break;
      case 'lawsuits':
        whatZh = '行政诉讼案件数';
        whatEn = 'lawsuits';
        candidates = [
          {
            value: add(rt('litigationDirect'), rt('litigationAfterReview')),
            cells: [revPath('litigationDirect', 4), revPath('litigationAfterReview', 4)],
          },
        ];
        break;
      default:
        continue;
    }
    const known = candidates.filter((c) => c.value !== null);
    if (!known.length || known.some((c) => c.value === fact.value)) continue;
    const first = known[0]!;
    out.push({
      rule: 'NARRATIVE_MISMATCH',
      severity: 'warning',
      status: 'failed',
      cells: first.cells,
      expected: first.value,
      actual: fact.value,
      message: {
        zh: `正文称${whatZh}为 ${fact.value}，表格为 ${first.value}。原句：“${fact.sentence}”`,
        en: `The text gives ${fact.value} ${whatEn}; the table says ${first.value}. Sentence: "${fact.sentence}"`,
      },
    });
  }
}

/**
 * Rule 5, across two reports of one agency: this year's 上年结转 equals last year's 结转下年度, column by column.
 */
export function checkAcrossYears(current: ParsedReportCore, previous: ParsedReportCore): Finding[] {
  const findings: Finding[] = [];
  const now = current.applications['carriedOver'];
  const before = previous.applications['carriedForward'];
  if (!now || !before) return findings;
  const mismatched: { c: number; expected: number; actual: number }[] = [];
  for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
    const a = now[c] ?? null;
    const e = before[c] ?? null;
    if (a === null || e === null) continue;
    if (a !== e) mismatched.push({ c, expected: e, actual: a });
  }
  for (const m of mismatched) {
    const col = APPLICANT_COLUMNS[m.c]!;
    findings.push({
      rule: 'CROSS_YEAR_CARRY',
      severity: 'warning',
      status: 'failed',
      cells: [appPath('carriedOver', m.c)],
      expected: m.expected,
      actual: m.actual,
      message: {
        zh: `“${col.label}”列：本年“上年结转”为 ${m.actual}，但${previous.year ?? '上一'}年报告的“结转下年度继续办理”为 ${m.expected}。`,
        en: `Column ${col.en}: carried over this year is ${m.actual}, but the ${previous.year ?? 'previous'} report carried forward ${m.expected}.`,
      },
    });
  }
  return findings;
}

/**
 * A report whose detected scope differs from the agency's usual one: either the detection is wrong or the agency
 * changed what it reports; a clerk should look before its figures are compared with the agency's other years.
 */
export function scopeMismatch(reportScope: ReportScope, usualScope: ReportScope): Finding | null {
  if (reportScope === usualScope) return null;
  const d = RULE_DESCRIPTIONS.SCOPE_MISMATCH;
  const [r, u] = [SCOPE_LABELS[reportScope], SCOPE_LABELS[usualScope]];
  return {
    rule: 'SCOPE_MISMATCH',
    severity: d.severity,
    status: 'failed',
    cells: [],
    expected: null,
    actual: null,
    message: {
      zh: `本报告识别为“${r.zh}”口径，而该机关登记的常规口径为“${u.zh}”。请核对报告范围，再与该机关其他年份比较。`,
      en: `This report reads as ${r.en}, while the agency usually reports its ${u.en}. Check its scope before comparing it with the agency's other years.`,
    },
  };
}
