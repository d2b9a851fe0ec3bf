import { Injectable } from '@nestjs/common';
import { NarrativeFactEntity, ReportCellEntity, ReportFindingEntity, ReportMetricEntity } from '@ogi/database';
import { METRICS, type ReportFormat, type ReportScope } from '@ogi/domain';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { scopeConditionAt, type AgencyScope } from '../../common/access/agency-scope.js';
import { parseId, toId } from '../../common/graphql/ids.js';
import type { ConnectionArgs } from '../../common/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.model.js';
import { keysetConnection } from '../../common/pagination/keyset.js';
import type { CellModel } from './models/cell.model.js';
import type { FindingModel } from './models/finding.model.js';
import type { NarrativeFactModel } from './models/narrative-fact.model.js';
import type { ReportMetricModel } from './models/report-metric.model.js';
import type { ReportModel } from './models/report.model.js';
import type { SearchPageModel } from './models/search.model.js';
import { toCellModel } from './report-tables.js';
import { ReportsException } from './reports.exception.js';

/** Per-request batch loaders of the reports domain (no N+1). */
export interface ReportLoaders {
  currentByAgency: DataLoader<number, ReportModel[]>;
  versions: DataLoader<{ agencyId: number; year: number }, ReportModel[], string>;
  cells: DataLoader<number, CellModel[]>;
  findings: DataLoader<number, FindingModel[]>;
  narrative: DataLoader<number, NarrativeFactModel[]>;
  metrics: DataLoader<number, ReportMetricModel[]>;
  text: DataLoader<number, string>;
}

interface ReportRow {
  id: number;
  agency_id: number;
  year: number;
  template: string;
  scope: ReportScope;
  printed_agency_name: string | null;
  published_on: string | null;
  deadline: string;
  days_late: number | null;
  content_hash: string;
  parser_version: string;
  version: number;
  is_current: boolean;
  created_at: Date;
  file_name: string;
  format: ReportFormat;
}

/** A report's own columns and its file's name and format — never the file bytes or the text. */
const REPORT_COLUMNS = `r.id, r.agency_id, r.year, r.template, r.scope, r.printed_agency_name,
         to_char(r.published_on, 'YYYY-MM-DD') AS published_on, to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
         r.days_late, r.content_hash, r.parser_version, r.version, r.is_current, r.created_at, f.file_name, f.format`;
const REPORT_FROM = 'FROM report r JOIN source_file f ON f.id = r.source_file_id';
const REPORT_SELECT = `
  SELECT ${REPORT_COLUMNS}
    ${REPORT_FROM}`;

/** Which reports the lists hold: one agency's, one year's, or all current ones in the scope. */
export interface ReportFilter {
  agencyId?: string | null;
  year?: number | null;
}

/** The condition of the report lists (offset and cursor alike) over `report r`; appends its parameters. */
function reportListCondition(scope: AgencyScope, filter: ReportFilter, params: unknown[]): string {
  const where = ['r.is_current', scopeConditionAt(scope, 'r.agency_id', params)];
  if (filter.agencyId) {
    params.push(parseId(filter.agencyId) ?? 0);
    where.push(`r.agency_id = $${params.length}`);
  }
  if (filter.year !== null && filter.year !== undefined) {
    params.push(filter.year);
    where.push(`r.year = $${params.length}`);
  }
  return where.join(' AND ');
}

/** Characters of text shown on each side of a search hit. */
const SNIPPET_CONTEXT = 40;

/** Metrics in the dictionary's order. */
const METRIC_ORDER: ReadonlyMap<string, number> = new Map(METRICS.map((m, i) => [m.code, i]));

function toReportModel(r: ReportRow): ReportModel {
  return {
    id: toId(r.id),
    agencyId: r.agency_id,
    printedAgencyName: r.printed_agency_name,
    year: r.year,
    template: r.template,
    scope: r.scope,
    publishedOn: r.published_on,
    deadline: r.deadline,
    daysLate: r.days_late,
    sourceFileName: r.file_name,
    contentHash: r.content_hash.trim(),
    format: r.format,
    version: r.version,
    isCurrent: r.is_current,
    ingestedAt: r.created_at.toISOString(),
    parserVersion: r.parser_version,
  };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Current versions in the scope, newest year first, then by agency name. */
  async findPage(scope: AgencyScope, filter: ReportFilter, take: number, skip: number) {
    const params: unknown[] = [];
    const condition = reportListCondition(scope, filter, params);
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<ReportRow[]>(
        `${REPORT_SELECT} JOIN agency a ON a.id = r.agency_id WHERE ${condition}
          ORDER BY r.year DESC, a.name ASC, r.id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, take, skip],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM report r WHERE ${condition}`, params),
    ]);
    return { items: rows.map(toReportModel), total: count?.total ?? 0 };
  }

  /** The same list, paged by cursor (the order of `findPage`: newest year first, then agency name, then id). */
  connection(scope: AgencyScope, filter: ReportFilter, args: ConnectionArgs): Promise<Connection<ReportModel>> {
    const params: unknown[] = [];
    const where = reportListCondition(scope, filter, params);
    return keysetConnection(
      this.dataSource,
      {
        list: 'reports',
        key: [
          { sql: 'r.year', type: 'int', direction: 'DESC' },
          { sql: 'a.name', type: 'text', direction: 'ASC' },
          { sql: 'r.id', type: 'int', direction: 'ASC' },
        ],
        columns: REPORT_COLUMNS,
        from: `${REPORT_FROM} JOIN agency a ON a.id = r.agency_id`,
        where,
        params,
      },
      args,
      toReportModel,
    );
  }

  /** One report version; outside the scope it does not exist (NOT_FOUND). */
  async getById(id: string, scope: AgencyScope): Promise<ReportModel> {
    const key = parseId(id);
    const params: unknown[] = [key];
    const inScope = scopeConditionAt(scope, 'r.agency_id', params);
    const rows = key === null ? [] : await this.dataSource.query<ReportRow[]>(`${REPORT_SELECT} WHERE r.id = $1 AND ${inScope}`, params);
    if (!rows[0]) throw ReportsException.notFound(id);
    return toReportModel(rows[0]);
  }

  /** The original file a report version was read from; outside the scope the report does not exist (NOT_FOUND). */
  async sourceFile(id: string, scope: AgencyScope): Promise<{ fileName: string; format: string; content: Buffer }> {
    const key = parseId(id);
    const params: unknown[] = [key];
    const inScope = scopeConditionAt(scope, 'r.agency_id', params);
    const rows =
      key === null
        ? []
        : await this.dataSource.query<{ file_name: string; format: string; content: Buffer }[]>(
            `SELECT f.file_name, f.format, f.content FROM report r JOIN source_file f ON f.id = r.source_file_id WHERE r.id = $1 AND ${inScope}`,
            params,
          );
    if (!rows[0]) throw ReportsException.notFound(id);
    return { fileName: rows[0].file_name, format: rows[0].format, content: rows[0].content };
  }

  /**
   * Current reports whose text contains `query` (case-insensitive), newest year first, with a snippet around the
   * first occurrence. The bigram index (migration 1797400000001) narrows the texts to those holding every
   * two-character piece of the query; those are then checked for the exact words.
   */
  async search(query: string, take: number, skip: number, scope: AgencyScope): Promise<SearchPageModel> {
    const cased = query.toLowerCase() !== query.toUpperCase();
    // Chinese has no case: skip lower() over every text unless the query has letters with case.
    const position = cased ? 'strpos(lower(r.raw_text), lower($1))' : 'strpos(r.raw_text, $1)';
    // The same expression as the index, so the planner uses it; a query of one character has no bigram to look up.
    const candidates = 'report_text_bigrams(r.raw_text) @> report_text_bigrams($1)';
    const where = `r.is_current AND ${candidates} AND ${position} > 0 AND ${scope.all ? 'TRUE' : 'r.agency_id = ANY($4::int[])'}`;
    const params: unknown[] = [query, take, skip, ...(scope.all ? [] : [[...scope.agencyIds]])];
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<(ReportRow & { position: number; snippet: string; text_length: number })[]>(
        `SELECT q.*, substr(t.raw_text, greatest(q.position - ${SNIPPET_CONTEXT}, 1), char_length($1) + ${2 * SNIPPET_CONTEXT}) AS snippet,
                char_length(t.raw_text) AS text_length
           FROM (${REPORT_SELECT.replace('SELECT ', `SELECT ${position} AS position, a.name AS sort_name, `)} JOIN agency a ON a.id = r.agency_id
                  WHERE ${where} ORDER BY r.year DESC, a.name, r.id LIMIT $2 OFFSET $3) q
           JOIN report t ON t.id = q.id
          ORDER BY q.year DESC, q.sort_name, q.id`,
        params,
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM report r WHERE ${where.replaceAll('$4', '$2')}`,
        scope.all ? [query] : [query, [...scope.agencyIds]],
      ),
    ]);
    return {
      total: count?.total ?? 0,
      items: rows.map((r) => {
        const start = Math.max(r.position - SNIPPET_CONTEXT, 1);
        const end = start + r.snippet.length;
        const snippet = `${start > 1 ? '…' : ''}${r.snippet.replace(/\s+/g, ' ').trim()}${end <= r.text_length ? '…' : ''}`;
        return { report: toReportModel(r), snippet, offset: r.position - 1 };
      }),
    };
  }

  /**
   * Loaders for one request. Reports of agencies outside the scope never load; the per-report loaders (cells,
   * findings, …) are reached only through a report that did.
   */
  createLoaders(scope: AgencyScope): ReportLoaders {
    const ds = this.dataSource;
    return {
      currentByAgency: new DataLoader(async (agencyIds) => {
        const params: unknown[] = [[...agencyIds]];
        const inScope = scopeConditionAt(scope, 'r.agency_id', params);
        const rows = await ds.query<ReportRow[]>(`${REPORT_SELECT} WHERE r.is_current AND r.agency_id = ANY($1) AND ${inScope} ORDER BY r.year DESC`, params);
        const by = groupBy(rows, (r) => r.agency_id);
        return agencyIds.map((id) => (by.get(id) ?? []).map(toReportModel));
      }),
      versions: new DataLoader(
        async (keys) => {
          const params: unknown[] = [keys.map((k) => k.agencyId), keys.map((k) => k.year)];
          const inScope = scopeConditionAt(scope, 'r.agency_id', params);
          const rows = await ds.query<ReportRow[]>(
            `${REPORT_SELECT} JOIN unnest($1::int[], $2::int[]) AS k(agency_id, year) ON k.agency_id = r.agency_id AND k.year = r.year
              WHERE ${inScope} ORDER BY r.version DESC`,
            params,
          );
          return keys.map((k) => rows.filter((r) => r.agency_id === k.agencyId && r.year === k.year).map(toReportModel));
        },
        { cacheKeyFn: (k) => `${k.agencyId}:${k.year}` },
      ),
      cells: new DataLoader(async (reportIds) => {
        const rows = await ds
          .getRepository(ReportCellEntity)
          .createQueryBuilder('c')
          .where('c.report_id = ANY(:ids)', { ids: [...reportIds] })
          .getMany();
        const by = groupBy(rows, (r) => r.reportId);
        return reportIds.map((id) => (by.get(id) ?? []).map(toCellModel));
      }),
      findings: new DataLoader(async (reportIds) => {
        const rows = await ds
          .getRepository(ReportFindingEntity)
          .createQueryBuilder('f')
          .where('f.report_id = ANY(:ids)', { ids: [...reportIds] })
          .orderBy('f.id', 'ASC')
          .getMany();
        const by = groupBy(rows, (r) => r.reportId);
        return reportIds.map((id) =>
          (by.get(id) ?? []).map((f) => ({
            rule: f.rule,
            severity: f.severity,
            status: f.status,
            cells: f.cells,
            expected: f.expected,
            actual: f.actual,
            messageZh: f.messageZh,
            messageEn: f.messageEn,
          })),
        );
      }),
      narrative: new DataLoader(async (reportIds) => {
        const rows = await ds
          .getRepository(NarrativeFactEntity)
          .createQueryBuilder('n')
          .where('n.report_id = ANY(:ids)', { ids: [...reportIds] })
          .orderBy('n.start_offset', 'ASC')
          .getMany();
        const by = groupBy(rows, (r) => r.reportId);
        return reportIds.map((id) =>
          (by.get(id) ?? []).map((n) => ({ kind: n.kind, value: n.value, sentence: n.sentence, start: n.startOffset, end: n.endOffset })),
        );
      }),
      metrics: new DataLoader(async (reportIds) => {
        const rows = await ds
          .getRepository(ReportMetricEntity)
          .createQueryBuilder('m')
          .where('m.report_id = ANY(:ids)', { ids: [...reportIds] })
          .getMany();
        const by = groupBy(rows, (r) => r.reportId);
        return reportIds.map((id) =>
          (by.get(id) ?? [])
            .sort((a, b) => (METRIC_ORDER.get(a.metricCode) ?? 1e9) - (METRIC_ORDER.get(b.metricCode) ?? 1e9))
            .map((m) => ({
              code: m.metricCode,
              value: m.value,
              numerator: m.numerator,
              denominator: m.denominator,
              quality: m.quality,
              printedValue: m.printedValue,
              partsValue: m.partsValue,
            })),
        );
      }),
      text: new DataLoader(async (reportIds) => {
        const rows = await ds.query<{ id: number; raw_text: string }[]>('SELECT id, raw_text FROM report WHERE id = ANY($1)', [[...reportIds]]);
        const by = new Map(rows.map((r) => [r.id, r.raw_text]));
        return reportIds.map((id) => by.get(id) ?? '');
      }),
    };
  }
}
