/**
 * The one ingest path: file bytes → parser → PostgreSQL, in one transaction per file.
 *
 * - Idempotent: the same bytes (sha256) are stored once; a file whose parsed contents equal the current version
 *   of that agency and year is "already present" too.
 * - A changed report for an agency and year becomes a new current version; earlier versions stay.
 * - A file the parser refuses is answered with its code and message, and nothing is written.
 * - A failure never throws out of `ingest*`: one bad file never stops a batch.
 *
 * The server's IngestService, `pnpm ingest`, the upload route and `db:reset` seeding all come through here.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  APPLICANT_COLUMNS,
  PARSE_ERROR_MESSAGES,
  RULE_DESCRIPTIONS,
  checkAcrossYears,
  computeMetrics,
  daysLate,
  inferAgencyKind,
  inferAgencyLevel,
  publicationDeadline,
  type AgencyKind,
  type CellValue,
  type Finding,
  type ParseErrorCode,
  type ParsedReport,
  type ParsedReportCore,
  type Template,
} from '@ogi/domain';
import type { DataSource, EntityManager, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { NarrativeFactEntity } from '../entities/narrative-fact.entity.js';
import { ReportCellEntity } from '../entities/report-cell.entity.js';
import { ReportFindingEntity } from '../entities/report-finding.entity.js';
import { ReportMetricEntity } from '../entities/report-metric.entity.js';
import { cellRows } from './cell-rows.js';
import { reportContentHash, sha256Hex } from './content-hash.js';
import { INGEST_ERROR_MESSAGES, type IngestErrorCode, type IngestFailureCode } from './ingest-errors.js';

/** What the ingestor needs from a parser: ParserPool fits. Never throws for bad input. */
export interface ReportParser {
  parse(
    bytes: Uint8Array,
    fileName: string,
  ): Promise<{ ok: true; report: ParsedReport } | { ok: false; error: { code: ParseErrorCode; message: string } }>;
}

export interface StoredReportRef {
  reportId: number;
  agencyId: number;
  agencyName: string;
  year: number;
  version: number;
}

export type IngestResult = (
  | ({ status: 'stored'; fileName: string; replacedReportId: number | null } & StoredReportRef)
  | ({ status: 'duplicate'; fileName: string; reason: 'sameFile' | 'sameContent' } & StoredReportRef)
  | { status: 'failed'; fileName: string; error: { code: IngestFailureCode; message: string } }
) & {
  /** The file on disk, when it was read from one. */
  path?: string;
};

export interface ReportIngestorOptions {
  /** Largest file accepted, in bytes. */
  maxBytes?: number;
  /** Told about unexpected errors (database failures); the file is still answered with STORE_FAILED. */
  onError?: (fileName: string, err: unknown) => void;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Thrown inside the transaction to roll it back when a concurrent import stored the same bytes first. */
class SameFileStoredConcurrently extends Error {}

const failed = (fileName: string, code: IngestFailureCode, message?: string): IngestResult => ({
  status: 'failed',
  fileName,
  error: { code, message: message ?? messageOf(code) },
});

function messageOf(code: IngestFailureCode): string {
  if (code in INGEST_ERROR_MESSAGES) return INGEST_ERROR_MESSAGES[code as IngestErrorCode].zh;
  return PARSE_ERROR_MESSAGES[code as ParseErrorCode].zh;
}

/** Agency names as printed carry stray spaces (OCR, line breaks); they never mean anything. */
export function normaliseAgencyName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}

export class ReportIngestor {
  private readonly maxBytes: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly parser: ReportParser,
    private readonly options: ReportIngestorOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /** Reads and ingests one file from disk. */
  async ingestPath(path: string): Promise<IngestResult> {
    const fileName = basename(path);
    const read = async (): Promise<IngestResult> => {
      try {
        const info = await stat(path);
        if (!info.isFile()) return failed(fileName, 'FILE_NOT_FOUND');
        if (info.size > this.maxBytes) return failed(fileName, 'FILE_TOO_LARGE');
        return await this.ingest(await readFile(path), fileName);
      } catch {
        return failed(fileName, 'FILE_NOT_FOUND');
      }
    };
    return { ...(await read()), path };
  }

  /** Parses and stores one file. Never throws. */
  async ingest(bytes: Uint8Array, fileName: string): Promise<IngestResult> {
    try {
      if (bytes.byteLength === 0) return failed(fileName, 'EMPTY_FILE');
      if (bytes.byteLength > this.maxBytes) return failed(fileName, 'FILE_TOO_LARGE');
      const sha256 = sha256Hex(bytes);
      const known = await this.findBySha(this.dataSource.manager, sha256);
      if (known) return { status: 'duplicate', fileName, reason: 'sameFile', ...known };

      const outcome = await this.parser.parse(bytes, fileName);
      if (!outcome.ok) return failed(fileName, outcome.error.code, outcome.error.message);
      return await this.store(outcome.report, bytes, fileName);
    } catch (err) {
      this.options.onError?.(fileName, err);
      return failed(fileName, 'STORE_FAILED');
    }
  }

  /**
   * Stores an already parsed report with the bytes it was read from. Used by `ingest`; tests use it directly to
   * store a report built from an expected-parse file.
   */
  async store(report: ParsedReport, bytes: Uint8Array, fileName: string): Promise<IngestResult> {
    const agencyName = report.agency ? normaliseAgencyName(report.agency) : '';
    if (!agencyName) return failed(fileName, 'NO_AGENCY_NAME');
    if (report.year === null || !Number.isInteger(report.year) || report.year < 2000 || report.year > 2100) {
      return failed(fileName, 'NO_DATA_YEAR');
    }
    if (report.template !== '2019' && report.template !== '2021') return failed(fileName, 'NO_TEMPLATE');
    const year = report.year;
    const template = report.template;
    const sha256 = sha256Hex(bytes);
    const contentHash = reportContentHash(report);

    try {
      return await this.dataSource.transaction(async (m) => {
        const agency = await this.resolveAgency(m, agencyName);
        // Serialise imports for one agency: version numbers and the "current" flag stay consistent.
        await m.query('SELECT id FROM agency WHERE id = $1 FOR UPDATE', [agency.id]);

        const current = await currentReport(m, agency.id, year);
        if (current && current.contentHash === contentHash) {
          return {
            status: 'duplicate' as const,
            fileName,
            reason: 'sameContent' as const,
            reportId: current.id,
            agencyId: agency.id,
            agencyName: agency.name,
            year,
            version: current.version,
          };
        }

        const inserted: { id: number }[] = await m.query(
          `INSERT INTO source_file (sha256, file_name, format, byte_size, content)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING RETURNING id`,
          [sha256, fileName, report.format, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
        );
        if (!inserted[0]) throw new SameFileStoredConcurrently();
        const sourceFileId = inserted[0].id;

        const [{ next_version: version }] = (await m.query(
          'SELECT COALESCE(MAX(version), 0) + 1 AS next_version FROM report WHERE agency_id = $1 AND year = $2',
          [agency.id, year],
        )) as [{ next_version: number }];
        if (current) await m.query('UPDATE report SET is_current = false WHERE id = $1', [current.id]);

        const deadline = publicationDeadline(year, agency.kind);
        const late = report.publishedOn ? daysLate(report.publishedOn, deadline) : null;
        const [{ id: reportId }] = (await m.query(
          `INSERT INTO report (agency_id, year, template, scope, printed_agency_name, published_on, deadline, days_late,
                               source_file_id, content_hash, raw_text, parser_version, version, is_current)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, true) RETURNING id`,
          [
            agency.id,
            year,
            template,
            report.scope ?? 'self',
            report.agency,
            report.publishedOn,
            deadline,
            late,
            sourceFileId,
            contentHash,
            report.text ?? '',
            report.parserVersion ?? 'unknown',
            version,
          ],
        )) as [{ id: number }];

        const cells = cellRows(report, template);
        await insertMany(m, ReportCellEntity, cells.map((c) => ({ ...c, reportId })));

        const findings: Finding[] = [...(report.findings ?? [])];
        if (late !== null && late > 0 && !findings.some((f) => f.rule === 'LATE_PUBLICATION')) {
          findings.push(latePublication(report.publishedOn!, deadline, late, agency.kind));
        }
        const previous = await currentReport(m, agency.id, year - 1);
        if (previous) findings.push(...checkAcrossYears(report, await storedCore(m, previous.id, year - 1, template)));
        await insertFindings(m, reportId, findings);

        await insertMany(
          m,
          NarrativeFactEntity,
          (report.narrative ?? []).map((n) => ({
            reportId,
            kind: n.kind,
            value: n.value,
            sentence: n.sentence,
            startOffset: n.start,
            endOffset: n.end,
          })),
        );

        const metrics = computeMetrics({
          template,
          applications: report.applications,
          reviewLitigation: report.reviewLitigation,
          activeDisclosure: report.activeDisclosure,
          narrative: report.narrative ?? [],
        });
        await insertMany(
          m,
          ReportMetricEntity,
          [...metrics].map(([metricCode, v]) => ({
            reportId,
            metricCode,
            value: finiteOrNull(v.value),
            numerator: finiteOrNull(v.numerator),
            denominator: finiteOrNull(v.denominator),
          })),
        );

        // The following year's carry-over is now checked against this version.
        const following = await currentReport(m, agency.id, year + 1);
        if (following) {
          await m.query(`DELETE FROM report_finding WHERE report_id = $1 AND rule = 'CROSS_YEAR_CARRY'`, [following.id]);
          const followingCore = await storedCore(m, following.id, year + 1, template);
          await insertFindings(m, following.id, checkAcrossYears(followingCore, report));
        }

        return {
          status: 'stored' as const,
          fileName,
          replacedReportId: current?.id ?? null,
          reportId,
          agencyId: agency.id,
          agencyName: agency.name,
          year,
          version,
        };
      });
    } catch (err) {
      if (err instanceof SameFileStoredConcurrently) {
        const known = await this.findBySha(this.dataSource.manager, sha256);
        if (known) return { status: 'duplicate', fileName, reason: 'sameFile', ...known };
      }
      throw err;
    }
  }

  private async findBySha(m: EntityManager, sha256: string): Promise<StoredReportRef | null> {
    const rows: { report_id: number; agency_id: number; agency_name: string; year: number; version: number }[] = await m.query(
      `SELECT r.id AS report_id, r.agency_id, a.name AS agency_name, r.year, r.version
         FROM source_file f JOIN report r ON r.source_file_id = f.id JOIN agency a ON a.id = r.agency_id
        WHERE f.sha256 = $1`,
      [sha256],
    );
    const r = rows[0];
    return r ? { reportId: r.report_id, agencyId: r.agency_id, agencyName: r.agency_name, year: r.year, version: r.version } : null;
  }

  /** The agency of that exact name, else the one with that alias, else a new one (kind and level from the name). */
  private async resolveAgency(m: EntityManager, name: string): Promise<{ id: number; name: string; kind: AgencyKind }> {
    const find = async () => {
      const rows: { id: number; name: string; kind: AgencyKind }[] = await m.query(
        `SELECT id, name, kind FROM agency WHERE name = $1
         UNION ALL
         SELECT a.id, a.name, a.kind FROM agency_alias x JOIN agency a ON a.id = x.agency_id WHERE x.alias = $1
         LIMIT 1`,
        [name],
      );
      return rows[0] ?? null;
    };
    const existing = await find();
    if (existing) return existing;
    await m.query(`INSERT INTO agency (name, kind, level) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [
      name,
      inferAgencyKind(name),
      inferAgencyLevel(name),
    ]);
    const created = await find();
    if (!created) throw new Error(`agency ${name} vanished after insert`);
    return created;
  }
}

async function currentReport(
  m: EntityManager,
  agencyId: number,
  year: number,
): Promise<{ id: number; version: number; contentHash: string } | null> {
  const rows: { id: number; version: number; content_hash: string }[] = await m.query(
    'SELECT id, version, content_hash FROM report WHERE agency_id = $1 AND year = $2 AND is_current FOR UPDATE',
    [agencyId, year],
  );
  const r = rows[0];
  return r ? { id: r.id, version: r.version, contentHash: r.content_hash } : null;
}

/** The section 三 carry rows of a stored report, as the cross-year rule reads them. */
async function storedCore(m: EntityManager, reportId: number, year: number, template: Template): Promise<ParsedReportCore> {
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

function latePublication(publishedOn: string, deadline: string, late: number, kind: AgencyKind): Finding {
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

async function insertFindings(m: EntityManager, reportId: number, findings: readonly Finding[]): Promise<void> {
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

async function insertMany<T extends ObjectLiteral>(m: EntityManager, entity: new () => T, rows: QueryDeepPartialEntity<T>[]): Promise<void> {
  // Chunks keep each statement well under PostgreSQL's 65 535 bind parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await m.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 500)).execute();
  }
}

const finiteOrNull = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
