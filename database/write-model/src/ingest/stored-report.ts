/**
 * Reading and writing the stored form of a report inside a transaction: the pieces the ingest path, corrections
 * and re-parsing share, so a report's findings and metrics are always derived the same way.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROW_BY_KEY,
  DISCLOSURE_ROWS,
  RULE_DESCRIPTIONS,
  REVIEW_COLUMNS,
  checkAcrossYears,
  cellStanding,
  scopeMismatch,
  deriveMetrics,
  REVIEW_GROUPS,
  type AgencyKind,
  type CellValue,
  type Finding,
  type MetricQuality,
  type NarrativeFact,
  type NarrativeFactKind,
  type ParsedReport,
  type ParsedReportCore,
  type ReportScope,
  type Template,
} from '@ogi/domain';
import type { EntityManager, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import type { CellRow } from './cell-rows.js';
import { NarrativeFactEntity, ReportCellEntity, ReportFindingEntity, ReportMetricEntity, writeBreakdownParts } from '@ogi/database';

export interface CurrentReportRef {
  id: number;
  version: number;
  contentHash: string;
  sha256: string;
}

/** The current version of an agency's report for a year, locked for the rest of the transaction. */
export async function currentReport(m: EntityManager, agencyId: number, year: number): Promise<CurrentReportRef | null> {
  const rows: { id: number; version: number; content_hash: string; sha256: string }[] = await m.query(
    `SELECT r.id, r.version, r.content_hash, f.sha256
       FROM report r JOIN source_file f ON f.id = r.source_file_id
      WHERE r.agency_id = $1 AND r.year = $2 AND r.is_current
        FOR UPDATE OF r`,
    [agencyId, year],
  );
  const r = rows[0];
  return r ? { id: r.id, version: r.version, contentHash: r.content_hash, sha256: r.sha256 } : null;
}

/**
 * The version of an agency's report for a year whose parsed contents have this hash (the current one first, else
 * the latest), or null. Called with the agency locked, so no version appears meanwhile.
 */
export async function versionWithContent(m: EntityManager, agencyId: number, year: number, contentHash: string): Promise<CurrentReportRef | null> {
  const rows: { id: number; version: number; content_hash: string; sha256: string }[] = await m.query(
    `SELECT r.id, r.version, r.content_hash, f.sha256
       FROM report r JOIN source_file f ON f.id = r.source_file_id
      WHERE r.agency_id = $1 AND r.year = $2 AND r.content_hash = $3
      ORDER BY r.is_current DESC, r.version DESC
      LIMIT 1`,
    [agencyId, year, contentHash],
  );
  const r = rows[0];
  return r ? { id: r.id, version: r.version, contentHash: r.content_hash, sha256: r.sha256 } : null;
}

/** The section 三 carry rows of a stored report, as the cross-year rule reads them. */
export async function storedCarryCore(m: EntityManager, reportId: number, year: number, template: Template): Promise<ParsedReportCore> {
  const cells: { row_key: string; column_key: string; value: string | null }[] = await m.query(
    `SELECT row_key, column_key, value FROM report_cell
      WHERE report_id = $1 AND section = 'applications' AND row_key IN ('carriedOver', 'carriedForward')`,
    [reportId],
  );
  const applications: Record<string, CellValue[]> = {};
  for (const c of cells) {
    const row = (applications[c.row_key] ??= APPLICANT_COLUMNS.map(() => null));
    row[Number(c.column_key)] = c.value === null ? null : Number(c.value);
  }
  return { schemaVersion: 1, agency: null, year, template, publishedOn: null, activeDisclosure: {}, applications, reviewLitigation: {} };
}

export interface StoredReport {
  id: number;
  agencyId: number;
  agencyKind: AgencyKind;
  year: number;
  template: Template;
  publishedOn: string | null;
  deadline: string;
  daysLate: number | null;
  isCurrent: boolean;
  /** The tables as the cells now stand (corrections applied), limited to the template's layout. */
  core: ParsedReportCore;
  narrative: NarrativeFact[];
}

/** A stored report rebuilt from its rows: what the consistency rules and the metrics read. */
export async function loadStoredReport(m: EntityManager, reportId: number): Promise<StoredReport | null> {
  const rows: {
    id: number;
    agency_id: number;
    kind: AgencyKind;
    year: number;
    template: Template;
    printed_agency_name: string | null;
    published_on: string | null;
    deadline: string;
    days_late: number | null;
    is_current: boolean;
  }[] = await m.query(
    `SELECT r.id, r.agency_id, a.kind, r.year, r.template, r.printed_agency_name,
            to_char(r.published_on, 'YYYY-MM-DD') AS published_on, to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
            r.days_late, r.is_current
       FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.id = $1`,
    [reportId],
  );
  const r = rows[0];
  if (!r) return null;
  const cells: { section: string; row_key: string; column_key: string; value: string | null }[] = await m.query(
    'SELECT section, row_key, column_key, value FROM report_cell WHERE report_id = $1',
    [reportId],
  );
  const template = r.template;
  const disclosureFields = new Map(DISCLOSURE_ROWS[template].map((row) => [row.key, new Set(row.fields.map((f) => f.key))]));
  const core: ParsedReportCore = {
    schemaVersion: 1,
    agency: r.printed_agency_name,
    year: r.year,
    template,
    publishedOn: r.published_on,
    activeDisclosure: {},
    applications: {},
    reviewLitigation: {},
  };
  const reviewKeys = new Set<string>(REVIEW_GROUPS.map((g) => g.key));
  for (const c of cells) {
    const value = c.value === null ? null : Number(c.value);
    if (c.section === 'activeDisclosure') {
      if (!disclosureFields.get(c.row_key)?.has(c.column_key)) continue;
      (core.activeDisclosure[c.row_key] ??= {})[c.column_key] = value;
    } else if (c.section === 'applications') {
      const layout = APPLICATION_ROW_BY_KEY.get(c.row_key);
      const col = Number(c.column_key);
      if (!layout || !layout.templates.includes(template) || !Number.isInteger(col) || col < 0 || col >= APPLICANT_COLUMNS.length) continue;
      (core.applications[c.row_key] ??= APPLICANT_COLUMNS.map(() => null))[col] = value;
    } else if (c.section === 'reviewLitigation') {
      const col = Number(c.column_key);
      if (!reviewKeys.has(c.row_key) || !Number.isInteger(col) || col < 0 || col >= REVIEW_COLUMNS.length) continue;
      (core.reviewLitigation[c.row_key] ??= REVIEW_COLUMNS.map(() => null))[col] = value;
    }
  }
  const narrativeRows: { kind: NarrativeFactKind; value: string; sentence: string; start_offset: number; end_offset: number }[] = await m.query(
    'SELECT kind, value, sentence, start_offset, end_offset FROM narrative_fact WHERE report_id = $1 ORDER BY start_offset, id',
    [reportId],
  );
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyKind: r.kind,
    year: r.year,
    template,
    publishedOn: r.published_on,
    deadline: r.deadline,
    daysLate: r.days_late,
    isCurrent: r.is_current,
    core,
    narrative: narrativeRows.map((n) => ({ kind: n.kind, value: Number(n.value), sentence: n.sentence, start: n.start_offset, end: n.end_offset })),
  };
}

export function latePublication(publishedOn: string, deadline: string, late: number, kind: AgencyKind): Finding {
  const d = RULE_DESCRIPTIONS.LATE_PUBLICATION;
  const whoZh = kind === 'government' ? '政府' : '部门';
  return {
    rule: 'LATE_PUBLICATION',
    severity: d.severity,
    status: 'failed',
    cells: [],
    expected: 0,
    actual: late,
    message: {
      zh: `${publishedOn} 公布，晚于${whoZh}年报的法定期限 ${deadline}，迟了 ${late} 天。`,
      en: `Published on ${publishedOn}, ${late} day(s) after the legal deadline of ${deadline}.`,
    },
  };
}

export async function insertFindings(m: EntityManager, reportId: number, findings: readonly Finding[]): Promise<void> {
  await insertMany(
    m,
    ReportFindingEntity,
    findings.map((f) => ({
      reportId,
      rule: f.rule,
      severity: f.severity,
      status: f.status,
      cells: f.cells,
      expected: finiteOrNull(f.expected),
      actual: finiteOrNull(f.actual),
      messageZh: f.message.zh,
      messageEn: f.message.en,
    })),
  );
}

export async function insertMany<T extends ObjectLiteral>(m: EntityManager, entity: new () => T, rows: QueryDeepPartialEntity<T>[]): Promise<void> {
  // Chunks keep each statement well under PostgreSQL's 65 535 bind parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export const finiteOrNull = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * The report_metric rows of a report (without its id): the dictionary's metrics that apply to its format, with
 * both readings and each value's quality from the report's findings and the cells an editor corrected.
 */
export function metricRows(
  core: ParsedReportCore,
  narrative: readonly NarrativeFact[],
  findings: readonly Finding[],
  correctedCells: Iterable<string> = [],
): MetricRow[] {
  const records = deriveMetrics(
    {
      template: core.template,
      applications: core.applications,
      reviewLitigation: core.reviewLitigation,
      activeDisclosure: core.activeDisclosure,
      narrative,
    },
    findings,
    correctedCells,
  );
  return records.map((v) => ({
    metricCode: v.code,
    value: finiteOrNull(v.value),
    numerator: finiteOrNull(v.numerator),
    denominator: finiteOrNull(v.denominator),
    quality: v.quality,
    printedValue: finiteOrNull(v.printedValue),
    partsValue: finiteOrNull(v.partsValue),
  }));
}

export interface MetricRow {
  metricCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  quality: MetricQuality;
  printedValue: number | null;
  partsValue: number | null;
}

/**
 * Replaces a report's metrics with those derived from its tables, findings and corrections, and its breakdown
 * parts with those of its stored cells: every writer of a report's derived figures goes through here.
 */
export async function writeMetrics(
  m: EntityManager,
  reportId: number,
  core: ParsedReportCore,
  narrative: readonly NarrativeFact[],
  findings: readonly Finding[],
  correctedCells: Iterable<string> = [],
): Promise<void> {
  const corrected = [...correctedCells];
  await m.query('DELETE FROM report_metric WHERE report_id = $1', [reportId]);
  await insertMany(
    m,
    ReportMetricEntity,
    metricRows(core, narrative, findings, corrected).map((r) => ({ reportId, ...r })),
  );
  await writeBreakdownParts(m, reportId, cellStanding(findings, corrected));
}

/**
 * The scope check of an agency's reports against its usual scope in the registry, made again for every report of
 * the agency (after an import, a correction's recompute, or a change of the usual scope). No usual scope, no check.
 */
export async function refreshScopeFindings(m: EntityManager, agencyId: number): Promise<void> {
  await m.query(`DELETE FROM report_finding WHERE rule = 'SCOPE_MISMATCH' AND report_id IN (SELECT id FROM report WHERE agency_id = $1)`, [agencyId]);
  const rows: { id: number; scope: ReportScope; usual_scope: ReportScope | null }[] = await m.query(
    'SELECT r.id, r.scope, a.usual_scope FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.agency_id = $1',
    [agencyId],
  );
  for (const r of rows) {
    const finding = r.usual_scope ? scopeMismatch(r.scope, r.usual_scope) : null;
    if (finding) await insertFindings(m, r.id, [finding]);
  }
}

export interface ParsedContents {
  reportId: number;
  report: ParsedReport;
  cells: readonly CellRow[];
  agencyId: number;
  agencyKind: AgencyKind;
  year: number;
  template: Template;
  deadline: string;
  daysLate: number | null;
  /** The version in use: the following year's carry check is then made against it. */
  isCurrent: boolean;
}

/**
 * Writes what the parser read into an (emptied) report: cells, the parser's findings with the late-publication
 * and cross-year checks, narrative facts, metrics; and, for the version in use, the following year's carry check.
 * Shared by a new import and a re-parse, so both store a parse the same way.
 */
export async function writeParsedContents(m: EntityManager, c: ParsedContents): Promise<void> {
  const { reportId, report, year, template } = c;
  await insertMany(
    m,
    ReportCellEntity,
    c.cells.map((cell) => ({ ...cell, reportId })),
  );

  const findings: Finding[] = [...(report.findings ?? [])];
  if (c.daysLate !== null && c.daysLate > 0 && report.publishedOn && !findings.some((f) => f.rule === 'LATE_PUBLICATION')) {
    findings.push(latePublication(report.publishedOn, c.deadline, c.daysLate, c.agencyKind));
  }
  const previous = await currentReport(m, c.agencyId, year - 1);
  if (previous) findings.push(...checkAcrossYears(report, await storedCarryCore(m, previous.id, year - 1, template)));
  await insertFindings(m, reportId, findings);

  await insertMany(
    m,
    NarrativeFactEntity,
    (report.narrative ?? []).map((n) => ({ reportId, kind: n.kind, value: n.value, sentence: n.sentence, startOffset: n.start, endOffset: n.end })),
  );
  await writeMetrics(m, reportId, report, report.narrative ?? [], findings);
  await refreshScopeFindings(m, c.agencyId);

  if (c.isCurrent) {
    const following = await currentReport(m, c.agencyId, year + 1);
    if (following) {
      await m.query(`DELETE FROM report_finding WHERE report_id = $1 AND rule = 'CROSS_YEAR_CARRY'`, [following.id]);
      const followingCore = await storedCarryCore(m, following.id, year + 1, template);
      await insertFindings(m, following.id, checkAcrossYears(followingCore, report));
    }
  }
}
