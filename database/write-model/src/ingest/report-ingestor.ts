/**
 * The one ingest path: file bytes → parser → PostgreSQL, in one transaction per file.
 *
 * - Idempotent: the same bytes (sha256) are stored once; a file whose parsed contents equal any stored version
 *   of that agency and year (current or earlier, whatever its encoding) is a duplicate of that version too.
 * - A changed report for an agency and year becomes a new current version; earlier versions stay.
 * - A file the parser refuses is answered with its code and message, and nothing is written.
 * - A failure never throws out of `ingest*`: one bad file never stops a batch.
 *
 * The server's IngestService, `pnpm ingest`, the upload route and `db:reset` seeding all come through here.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  daysLate,
  inferAgencyKind,
  inferAgencyLevel,
  ingestFailureMessage,
  normaliseAgencyName,
  publicationDeadline,
  type AgencyKind,
  type IngestFailureCode,
  type ParsedReport,
  type ReportScope,
} from '@ogi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { reparseReport } from '../reparse/reparse.js';
import type { ReportParser } from './report-parser.js';
import { previousYearMatters, previousYearReport, withYearBefore } from './previous-year.js';
import { cellsFit, isCalendarDate, withoutNul } from './store-checks.js';
import { carryCorrections } from '../corrections/cell-corrections.js';
import { recomputeReport } from '../corrections/recompute.js';
import { SYSTEM_ACTOR, isDatabaseUnavailable, isRetryableConflict } from '@ogi/database';
import { inferParentId, proposeAgencyMatchFor } from '../agencies/agency-matching.js';
import { cellRows } from './cell-rows.js';
import { reportContentHash, sha256Hex } from './content-hash.js';
import { currentReport, versionWithContent, writeParsedContents } from './stored-report.js';
import { resolveFollowUpsByNewVersion } from '../follow-ups/follow-ups.js';

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

/** Work done inside the transaction that stores a report, so it commits (or rolls back) with the report. */
export interface IngestHooks {
  onStored?: (m: EntityManager, result: Extract<IngestResult, { status: 'stored' }>) => Promise<void>;
  /**
   * Whether the report may be stored for this agency (a department user imports only its own agency's reports).
   * A refused file fails with AGENCY_NOT_ALLOWED and writes nothing — not even a new agency its name would create.
   */
  allowAgency?: (agencyId: number) => boolean;
  /** Whose parse this is (an import batch): the parser pool gives its workers to such groups in turn. */
  parseGroup?: string;
}

export interface ReportIngestorOptions {
  /** Largest file accepted, in bytes. */
  maxBytes?: number;
  /** Told about unexpected errors (database failures); the file is still answered with STORE_FAILED. */
  onError?: (fileName: string, err: unknown) => void;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Thrown inside the transaction to roll it back when a concurrent import stored the same bytes first. */
class SameFileStoredConcurrently extends Error {}

/** Thrown inside the transaction to roll it back when the report's agency is not one the importer may store. */
class AgencyNotAllowed extends Error {}

/** How often a transaction that lost a race (unique violation, deadlock, serialization failure) is tried again. */
const CONFLICT_ATTEMPTS = 4;

const failed = (fileName: string, code: IngestFailureCode, message?: string): IngestResult => ({
  status: 'failed',
  fileName,
  error: { code, message: message ?? messageOf(code) },
});

function messageOf(code: IngestFailureCode): string {
  return ingestFailureMessage(code).zh;
}

/** Agency names as printed carry stray spaces (OCR, line breaks); they never mean anything. */
export { normaliseAgencyName };

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
  async ingestPath(path: string, hooks: IngestHooks = {}): Promise<IngestResult> {
    const fileName = basename(path);
    const read = async (): Promise<IngestResult> => {
      try {
        const info = await stat(path);
        if (!info.isFile()) return failed(fileName, 'FILE_NOT_FOUND');
        if (info.size > this.maxBytes) return failed(fileName, 'FILE_TOO_LARGE');
        const bytes = await readFile(path).catch(() => null);
        if (!bytes) return failed(fileName, 'FILE_NOT_FOUND');
        return await this.ingest(bytes, fileName, hooks);
      } catch {
        return failed(fileName, 'FILE_NOT_FOUND');
      }
    };
    return { ...(await read()), path };
  }

  /**
   * Parses and stores one file. Never throws. `charset`: the charset the bytes were served with (an HTTP header),
   * when they came from a web site.
   */
  async ingest(bytes: Uint8Array, fileName: string, hooks: IngestHooks & { charset?: string | null } = {}): Promise<IngestResult> {
    try {
      if (bytes.byteLength === 0) return failed(fileName, 'EMPTY_FILE');
      if (bytes.byteLength > this.maxBytes) return failed(fileName, 'FILE_TOO_LARGE');
      const sha256 = sha256Hex(bytes);
      const known = await this.findBySha(this.dataSource.manager, sha256);
      // Someone else's report stays someone else's: not even its id is told.
      if (known && hooks.allowAgency && !hooks.allowAgency(known.agencyId)) return failed(fileName, 'AGENCY_NOT_ALLOWED');
      if (known) return { status: 'duplicate', fileName, reason: 'sameFile', ...known };

      const served = { ...(hooks.charset ? { charset: hooks.charset } : {}), ...(hooks.parseGroup ? { group: hooks.parseGroup } : {}) };
      const outcome = await this.parser.parse(bytes, fileName, served);
      if (!outcome.ok) return failed(fileName, outcome.error.code, outcome.error.message);
      // The agency is known only once the file is read: refuse another agency's report now, before a second reading
      // or a transaction. (A name no agency has yet would create a new agency, which is never the importer's own.)
      if (hooks.allowAgency && outcome.report.agency) {
        const agencyId = await this.existingAgencyId(normaliseAgencyName(withoutNul(outcome.report.agency)));
        if (agencyId === null || !hooks.allowAgency(agencyId)) return failed(fileName, 'AGENCY_NOT_ALLOWED');
      }
      // Readings the document leaves open, and a scope it does not state, may be settled by the same agency's
      // report of the year before.
      const agency = { name: outcome.report.agency ? normaliseAgencyName(outcome.report.agency) : '' };
      const { report, readWithoutYearBefore } = await withYearBefore(this.dataSource.manager, this.parser, outcome.report, agency, {
        bytes,
        fileName,
        ...served,
      });
      const result = await this.store(report, bytes, fileName, hooks);
      if (result.status === 'stored') await this.readAgainWithYearBefore(result, readWithoutYearBefore);
      return result;
    } catch (err) {
      if (isDatabaseUnavailable(err)) return failed(fileName, 'DATABASE_UNAVAILABLE');
      this.options.onError?.(fileName, err);
      return failed(fileName, 'STORE_FAILED');
    }
  }

  /**
   * Stores an already parsed report with the bytes it was read from. Used by `ingest`; tests use it directly to
   * store a report built from an expected-parse file.
   */
  async store(parsed: ParsedReport, bytes: Uint8Array, rawFileName: string, hooks: IngestHooks = {}): Promise<IngestResult> {
    // PostgreSQL text cannot hold U+0000, which damaged files carry: stored as U+FFFD (one code unit, so every
    // offset into the text stays right).
    const report = withoutNul(parsed);
    const fileName = withoutNul(rawFileName);
    const agencyName = report.agency ? normaliseAgencyName(report.agency) : '';
    if (!agencyName) return failed(fileName, 'NO_AGENCY_NAME');
    if (report.year === null || !Number.isInteger(report.year) || report.year < 2000 || report.year > 2100) {
      return failed(fileName, 'NO_DATA_YEAR');
    }
    if (report.template !== '2019' && report.template !== '2021') return failed(fileName, 'NO_TEMPLATE');
    if (report.publishedOn !== null && !isCalendarDate(report.publishedOn)) return failed(fileName, 'BAD_PUBLICATION_DATE');
    const cells = cellRows(report, report.template);
    if (!cellsFit(cells)) return failed(fileName, 'VALUE_OUT_OF_RANGE');
    const year = report.year;
    const template = report.template;
    const sha256 = sha256Hex(bytes);
    const contentHash = reportContentHash(report);

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((m) =>
          this.storeIn(m, { report, bytes, fileName, hooks, agencyName, year, template, sha256, contentHash, cells }),
        );
      } catch (err) {
        if (err instanceof AgencyNotAllowed) return failed(fileName, 'AGENCY_NOT_ALLOWED');
        if (err instanceof SameFileStoredConcurrently) {
          const known = await this.findBySha(this.dataSource.manager, sha256);
          if (known) return { status: 'duplicate', fileName, reason: 'sameFile', ...known };
        }
        // A lost race (two new agencies of one name, a deadlock): the retry sees the winner's rows.
        if (attempt < CONFLICT_ATTEMPTS && (err instanceof SameFileStoredConcurrently || isRetryableConflict(err))) continue;
        throw err;
      }
    }
  }

  private async storeIn(m: EntityManager, job: StoreJob): Promise<IngestResult> {
    const { report, bytes, fileName, hooks, agencyName, year, template, sha256, contentHash, cells } = job;
    const agency = await this.resolveAgency(m, agencyName);
    if (hooks.allowAgency && !hooks.allowAgency(agency.id)) throw new AgencyNotAllowed();
    // Serialise imports for one agency: version numbers and the "current" flag stay consistent.
    await m.query('SELECT id FROM agency WHERE id = $1 FOR UPDATE', [agency.id]);

    const current = await currentReport(m, agency.id, year);
    // One rule whatever the bytes: a report whose contents equal any version already stored for this agency and
    // year (the current one or an earlier one) is a duplicate of that version, and nothing changes — as the very
    // same file of an earlier version already was. A re-publication of earlier content is not a new version.
    const same = await versionWithContent(m, agency.id, year, contentHash);
    if (same) {
      return {
        status: 'duplicate' as const,
        fileName,
        reason: same.sha256 === sha256 ? ('sameFile' as const) : ('sameContent' as const),
        reportId: same.id,
        agencyId: agency.id,
        agencyName: agency.name,
        year,
        version: same.version,
      };
    }

    const inserted: { id: number }[] = await m.query(
      `INSERT INTO source_file (sha256, file_name, format, byte_size, content)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING RETURNING id`,
      [sha256, fileName, report.format, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
    );
    if (!inserted[0]) throw new SameFileStoredConcurrently();
    const sourceFileId = inserted[0].id;

    const [{ next_version: version }] = (await m.query('SELECT COALESCE(MAX(version), 0) + 1 AS next_version FROM report WHERE agency_id = $1 AND year = $2', [
      agency.id,
      year,
    ])) as [{ next_version: number }];
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

    if (agency.created) await proposeAgencyMatchFor(m, agency, report.agency ?? agencyName, reportId);

    await writeParsedContents(m, {
      reportId,
      report,
      cells,
      agencyId: agency.id,
      agencyKind: agency.kind,
      year,
      template,
      deadline,
      daysLate: late,
      isCurrent: true,
    });

    // Editors' corrections of the version this one replaces carry over where the cell reads the same; the
    // others are flagged. Findings and metrics are then recomputed from the cells as they now stand.
    if (current) {
      const carried = await carryCorrections(m, current.id, reportId, SYSTEM_ACTOR);
      if (carried.applied + carried.stale > 0) await recomputeReport(m, reportId);
    }
    await resolveFollowUpsByNewVersion(m, { reportId, agencyId: agency.id, year });

    const result = {
      status: 'stored' as const,
      fileName,
      replacedReportId: current?.id ?? null,
      reportId,
      agencyId: agency.id,
      agencyName: agency.name,
      year,
      version,
    };
    await hooks.onStored?.(m, result);
    return result;
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

  /**
   * After a report is stored: a report of the same agency read without its year before, which is now stored, is read
   * again with it (a re-parse, in the audit log) when it could settle something there. That is the next year's report
   * when this one arrived after it, and this one when it was read before its year before was stored (two files of one
   * agency imported at once: whichever commits last sees the other). A failure here leaves the report as it was and
   * never fails this import.
   */
  private async readAgainWithYearBefore(stored: StoredReportRef, readWithoutYearBefore: boolean): Promise<void> {
    const years = readWithoutYearBefore ? [stored.year, stored.year + 1] : [stored.year + 1];
    for (const year of years) {
      try {
        const m = this.dataSource.manager;
        const [report] = await m.query<{ id: number; scope: ReportScope; open: boolean }[]>(
          `SELECT r.id, r.scope, EXISTS (SELECT 1 FROM report_finding f WHERE f.report_id = r.id AND f.rule = 'UNCERTAIN_READING') AS open
             FROM report r WHERE r.agency_id = $1 AND r.year = $2 AND r.is_current`,
          [stored.agencyId, year],
        );
        if (!report) continue;
        const previous = await previousYearReport(m, { id: stored.agencyId }, year);
        if (!previous || !previousYearMatters({ scope: report.scope, hasOpenReadings: report.open }, previous)) continue;
        await reparseReport(this.dataSource, this.parser, report.id, SYSTEM_ACTOR);
      } catch (err) {
        this.options.onError?.(`${stored.agencyName} ${year}`, err);
      }
    }
  }

  /** The agency of this name or alias, without creating it. */
  private async existingAgencyId(name: string): Promise<number | null> {
    return (await findAgency(this.dataSource.manager, name))?.id ?? null;
  }

  /**
   * The agency of that exact name, else the one with that alias, else a new one (kind, level and parent from the
   * name; `created` tells the caller to record a match proposal for a person to confirm).
   */
  private async resolveAgency(m: EntityManager, name: string): Promise<{ id: number; name: string; kind: AgencyKind; created: boolean }> {
    const find = () => findAgency(m, name);
    const existing = await find();
    if (existing) return { ...existing, created: false };
    const kind = inferAgencyKind(name);
    const inserted: unknown[] = await m.query(
      `INSERT INTO agency (name, kind, level, parent_id) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING RETURNING id`,
      [name, kind, inferAgencyLevel(name), await inferParentId(m, name, kind)],
    );
    const created = await find();
    if (!created) throw new Error(`agency ${name} vanished after insert`);
    return { ...created, created: inserted.length > 0 };
  }
}

async function findAgency(m: EntityManager, name: string): Promise<{ id: number; name: string; kind: AgencyKind } | null> {
  const rows: { id: number; name: string; kind: AgencyKind }[] = await m.query(
    `SELECT id, name, kind FROM agency WHERE name = $1
     UNION ALL
     SELECT a.id, a.name, a.kind FROM agency_alias x JOIN agency a ON a.id = x.agency_id WHERE x.alias = $1
     LIMIT 1`,
    [name],
  );
  return rows[0] ?? null;
}

interface StoreJob {
  report: ParsedReport;
  bytes: Uint8Array;
  fileName: string;
  hooks: IngestHooks;
  agencyName: string;
  year: number;
  template: '2019' | '2021';
  sha256: string;
  contentHash: string;
  cells: ReturnType<typeof cellRows>;
}
