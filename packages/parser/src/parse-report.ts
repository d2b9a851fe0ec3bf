/**
 * The parser: bytes and a file name in, the parsed-report object out (shared/spec/parsed-report.md), with the
 * evidence of every cell, the narrative facts, and the findings of the consistency rules. Deterministic: the same
 * bytes always give the same result.
 */
import {
  APPLICATION_ROWS,
  DISCLOSURE_ROWS,
  REVIEW_GROUPS,
  ReportParseError,
  cellPath,
  checkReport,
  type CellEvidence,
  type Finding,
  type ParsedReport,
  type ParsedReportCore,
  type ReportScope,
  type Template,
} from '@ogi/domain';
import { sourceOf, type DocumentModel } from './document.js';
import { readDocument } from './read/read-document.js';
import { documentView, regionView } from './text-view.js';
import { readActiveDisclosure, type DisclosureRead } from './extract/active-disclosure.js';
import { readApplications, type ApplicationsRead } from './extract/applications.js';
import type { CellRead, UncertainRun } from './extract/cell-read.js';
import { readMetadata } from './extract/metadata.js';
import { readNarrative } from './extract/narrative.js';
import { readReviewLitigation, type ReviewRead } from './extract/review-litigation.js';
import { detectScope } from './extract/scope.js';
import { locateRegions, type Regions } from './extract/sections.js';

export const PARSER_VERSION = '1.0.0';
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Fewer official row labels than this in section 三 means the table is not there. */
const MIN_APPLICATION_LABELS = 5;

export interface ParseOptions {
  /**
   * The charset the bytes were served with (an HTTP Content-Type header), when known. It takes precedence over
   * a meta tag in the file; the content still overrules a declaration it contradicts (GBK declared, valid UTF-8).
   */
  charset?: string | null;
  /**
   * The same agency's report of the year before, when the caller holds it (ingest does). Its numbers are one
   * more constraint on readings the document alone leaves open: this year's 上年结转 is last year's 结转下年度,
   * and a 2019 row's 上一年项目数量 is last year's 上一年项目数量 plus its 本年增/减. It never overrides a cell
   * the document prints unambiguously.
   */
  previous?: PreviousReport | null;
}

/** What the parser uses of the previous year's report; its scope, when known, is kept unless this text says otherwise. */
export type PreviousReport = Pick<ParsedReportCore, 'year' | 'template' | 'activeDisclosure' | 'applications'> & { scope?: ReportScope };

/**
 * Reads one report. Throws only ReportParseError: a file built beyond any report's scale that still trips one
 * of the engine's own limits (call stack, string or array length) is refused as too large, and any other
 * failure to read it as a damaged file — never an error without a code.
 */
export async function parseReport(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<ParsedReport> {
  try {
    return await readReport(bytes, fileName, options);
  } catch (err) {
    if (err instanceof ReportParseError) throw err;
    const refusal =
      err instanceof RangeError
        ? new ReportParseError('FILE_TOO_LARGE', '文件的结构超出了年报的正常规模（例如一个表格有几十万行），无法读取。')
        : new ReportParseError('CORRUPT_FILE', '文件内容异常，无法读取，文件可能已损坏。');
    // The engine's own error stays attached for the logs.
    refusal.cause = err;
    throw refusal;
  }
}

async function readReport(bytes: Uint8Array, fileName: string, options: ParseOptions): Promise<ParsedReport> {
  if (bytes.length > MAX_INPUT_BYTES) throw new ReportParseError('FILE_TOO_LARGE');
  const doc = await readDocument(bytes, fileName, options.charset ?? null);
  doc.focus = focusWindow(doc.text);
  const regions = locateRegions(doc);
  const tableSpans = [regions.activeDisclosure, regions.applications, regions.reviewLitigation].filter((r): r is [number, number] => r !== null);
  const narrative = readNarrative(doc.text, tableSpans, doc.focus);
  const meta = readMetadata(doc);

  const applications = regions.applications
    ? readApplications(doc, regions.applications[0], regions.applications[1], {
        template: null,
        narrative,
        previous: usablePrevious(options.previous, meta.year),
      })
    : null;
  if (!applications || applications.labelsFound < MIN_APPLICATION_LABELS) refuse(doc, meta.year);
  if (meta.year !== null && meta.year <= 2018 && isLegacy(doc)) throw new ReportParseError('PRE_2019_FORMAT');

  const template = detectTemplate(doc, regions, applications!, meta.year);
  const disclosure = regions.activeDisclosure
    ? readActiveDisclosure(doc, regions.activeDisclosure[0], regions.activeDisclosure[1], template, narrative, {
        collapsed: applications!.collapsed,
        previous: usablePrevious(options.previous, meta.year)?.template === template ? options.previous! : null,
      })
    : null;
  const review = regions.reviewLitigation
    ? readReviewLitigation(doc, regions.reviewLitigation[0], regions.reviewLitigation[1], narrative, { collapsed: applications!.collapsed })
    : null;

  const cells: CellEvidence[] = [];
  const core: ParsedReportCore = {
    schemaVersion: 1,
    agency: meta.agency,
    year: meta.year,
    template,
    publishedOn: meta.publishedOn,
    activeDisclosure: assembleDisclosure(doc, template, disclosure, cells),
    applications: assembleApplications(doc, applications!, cells),
    reviewLitigation: assembleReview(doc, review, cells),
  };
  const uncertain = [...(disclosure?.uncertain ?? []), ...applications!.uncertain, ...(review?.uncertain ?? [])];
  const scope = detectScope(doc.text, tableSpans, meta.agency, usablePrevious(options.previous, meta.year)?.scope ?? null);
  const findings: Finding[] = [...checkReport(core, narrative), ...uncertainReadings(uncertain)];
  return {
    ...core,
    scope: scope.scope,
    format: doc.format,
    encoding: doc.encoding,
    text: doc.text,
    cells,
    narrative,
    findings,
    notes: [...(disclosure?.notes ?? []), ...applications!.notes, ...(review?.notes ?? []), ...(scope.note ? [scope.note] : [])],
    parserVersion: PARSER_VERSION,
  };
}

/** The previous report, when it is really the year before this one (a report of unknown year gets none). */
function usablePrevious(previous: PreviousReport | null | undefined, year: number | null): PreviousReport | null {
  return previous && year !== null && previous.year === year - 1 ? previous : null;
}

/** Documents longer than this are read in a window around their tables. */
const LARGE_TEXT = 1_000_000;
const WINDOW_BEFORE = 300_000;
const WINDOW_AFTER = 500_000;

function focusWindow(text: string): [number, number] {
  if (text.length <= LARGE_TEXT) return [0, text.length];
  const anchor = /勾\s*稽|申\s*请\s*人\s*情\s*况|本\s*年\s*新\s*收/.exec(text);
  if (!anchor) return [0, LARGE_TEXT];
  return [Math.max(0, anchor.index - WINDOW_BEFORE), Math.min(text.length, anchor.index + WINDOW_AFTER)];
}

/** No section 三 table: say why, as precisely as the document allows. */
function refuse(doc: DocumentModel, year: number | null): never {
  if (isLegacy(doc) || (year !== null && year <= 2018 && /政府信息公开/.test(doc.text))) throw new ReportParseError('PRE_2019_FORMAT');
  const titled = /政府信息公开(工作)?年度?报告/.test(doc.text.slice(0, 5000)) || /政府信息公开(工作)?年度?报告/.test(doc.containerTitle ?? '');
  if (titled) throw new ReportParseError('TABLES_NOT_FOUND', '这是一份政府信息公开年报，但找不到“收到和处理政府信息公开申请情况”表格（表格可能是图片）。');
  throw new ReportParseError('NOT_AN_ANNUAL_REPORT');
}

/** The 2008-era statistics table (受理依申请公开信息总数, 同意公开答复数…) and no new-format labels. */
function isLegacy(doc: DocumentModel): boolean {
  const v = documentView(doc).view;
  const legacy = ['政府信息公开情况统计表', '受理依申请公开信息总数', '同意公开答复数', '同意部分公开答复数', '对申请的答复总数'].filter((s) =>
    v.includes(s),
  ).length;
  const modern = ['本年新收政府信息公开申请数量', '属于国家秘密', '本机关不掌握相关政府信息', '信访举报投诉类申请'].filter((s) => v.includes(s)).length;
  return legacy >= 2 && modern === 0;
}

const MARKERS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量'];
const MARKERS_2019 = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '采购项目数量',
  '采购总金额',
  '政府集中采购',
  '第二十条第(九)项',
];

/** The format version, from the tables' labels (section 二 decides); the year only breaks a tie. */
function detectTemplate(doc: DocumentModel, regions: Regions, applications: ApplicationsRead, year: number | null): Template {
  const [s, e] = regions.activeDisclosure ?? [0, regions.applications?.[0] ?? doc.text.length];
  const v = regionView(doc, s, e).view;
  const count = (markers: string[]) => markers.filter((m) => v.includes(m)).length;
  const v2021 = count(MARKERS_2021);
  const v2019 = count(MARKERS_2019);
  if (v2021 !== v2019) return v2021 > v2019 ? '2021' : '2019';
  if (!applications.otherHandlingAsOneRow) return '2021';
  return year !== null && year >= 2021 ? '2021' : '2019';
}

function evidence(doc: DocumentModel, section: CellEvidence['section'], row: string, column: string | number, read: CellRead | null): CellEvidence {
  // Written out field by field: spreading a shared base object here cost a fifth of the whole parse.
  const path = cellPath(section, row, column);
  if (!read) return { path, section, row, column, value: null, state: 'EMPTY', raw: '', confidence: 1, source: null };
  const e: CellEvidence = {
    path,
    section,
    row,
    column,
    value: read.value,
    state: read.state,
    raw: read.raw,
    confidence: read.confidence,
    source: read.end >= read.start && read.raw !== '' ? sourceOf(doc, read.start, read.end) : sourceOf(doc, read.start, read.start),
  };
  if (read.alternatives?.length) e.alternatives = read.alternatives;
  if (read.unitRaw) e.unitRaw = read.unitRaw;
  if (read.decidedBy) e.decidedBy = read.decidedBy;
  return e;
}

function assembleDisclosure(doc: DocumentModel, template: Template, read: DisclosureRead | null, cells: CellEvidence[]): ParsedReportCore['activeDisclosure'] {
  const out: ParsedReportCore['activeDisclosure'] = {};
  for (const row of DISCLOSURE_ROWS[template]) {
    const fields: Record<string, number | null> = {};
    for (const f of row.fields) {
      const r = read?.rows.get(row.key)?.get(f.key) ?? null;
      fields[f.key] = r?.value ?? null;
      cells.push(evidence(doc, 'activeDisclosure', row.key, f.key, r));
    }
    out[row.key] = fields;
  }
  return out;
}

function assembleApplications(doc: DocumentModel, read: ApplicationsRead, cells: CellEvidence[]): ParsedReportCore['applications'] {
  const out: ParsedReportCore['applications'] = {};
  for (const row of APPLICATION_ROWS) {
    const printed = read.rows.get(row.key);
    if (!printed) continue;
    out[row.key] = Array.from({ length: 7 }, (_, c) => {
      const r = printed[c] ?? null;
      cells.push(evidence(doc, 'applications', row.key, c, r));
      return r?.value ?? null;
    });
  }
  return out;
}

function assembleReview(doc: DocumentModel, read: ReviewRead | null, cells: CellEvidence[]): ParsedReportCore['reviewLitigation'] {
  const out: ParsedReportCore['reviewLitigation'] = {};
  for (const g of REVIEW_GROUPS) {
    const printed = read?.groups.get(g.key) ?? [];
    out[g.key] = Array.from({ length: 5 }, (_, c) => {
      const r = printed[c] ?? null;
      cells.push(evidence(doc, 'reviewLitigation', g.key, c, r));
      return r?.value ?? null;
    });
  }
  return out;
}

/**
 * One finding per reading the parser had to choose: a glued run of digits (naming the other splits), or a row of
 * text whose blank cells left no trace (its values' columns are a guess).
 */
function uncertainReadings(runs: readonly UncertainRun[]): Finding[] {
  const show = (values: readonly (number | null)[]) => values.map((v) => (v === null ? '空' : String(v))).join(' ');
  return runs.map((run) => ({
    rule: 'UNCERTAIN_READING' as const,
    severity: 'info' as const,
    status: 'notice' as const,
    cells: run.paths,
    expected: null,
    actual: null,
    message:
      run.kind === 'unit'
        ? {
            zh: `金额“${run.raw}”在单元格和表头都未注明单位；暂按万元读作 ${show(run.chosen)} 万元，若单位是元则为 ${run.others.map(show).join('，或 ')} 万元。请核对原件。`,
            en: `The amount "${run.raw}" has no unit in its cell or header; read as ${show(run.chosen)} (10k CNY), but if it is in CNY it is ${run.others
              .map(show)
              .join(', or ')} (10k CNY). Please check the original.`,
          }
        : run.kind === 'collapsed'
          ? {
              zh: `该行印作“${run.raw}”，相邻相同的数字只印了一次，表格的合计不能唯一确定每个数字占几列；暂读作 ${show(run.chosen)}，也可能是 ${run.others.map(show).join('，或 ')}。请核对原件。`,
              en: `This row prints "${run.raw}" with each run of equal neighbouring cells printed once, and the table's sums do not settle how many cells each number fills; read as ${show(run.chosen)}, but ${run.others
                .map(show)
                .join(', or ')} is also possible. Please check the original.`,
            }
          : run.kind === 'columns'
            ? {
                zh: `该行只印出数字“${run.raw}”，空白单元格没有留下痕迹，表格的合计不能确定各数字所在的列；暂读作 ${show(run.chosen)}${
                  run.others.length ? `，也可能是 ${run.others.map(show).join('，或 ')}` : ''
                }。请核对原件。`,
                en: `This row prints only "${run.raw}" and its blank cells left no trace, and the table's sums do not settle which column each number is in; tentatively read as ${show(run.chosen)}${
                  run.others.length ? `, but ${run.others.map(show).join(', or ')} is also possible` : ''
                }. Please check the original.`,
              }
            : {
                zh: `数字“${run.raw}”粘连在一起，有多种拆分；已按最可能的读作 ${show(run.chosen)}，也可能是 ${run.others.map(show).join('，或 ')}。请核对原件。`,
                en: `The digits "${run.raw}" were printed without separators; read as ${show(run.chosen)}, but ${run.others
                  .map(show)
                  .join(', or ')} is also possible. Please check the original.`,
              },
  }));
}
