/** Differences between versions of a report, cell by cell, read straight from the stored cells. */
import { Injectable } from '@nestjs/common';
import { COMPARED_REPORT_FIELDS, cellOrder, cellPath, describeCell, type Template } from '@ogi/domain';
import { DataSource } from 'typeorm';
import type { AgencyScope } from '../../common/access/agency-scope.js';
import type { ReportModel } from '../reports/models/report.model.js';
import { ReportsService } from '../reports/reports.service.js';
import type { CellChangeModel, FieldChangeModel, ReportDiffModel } from './models/report-diff.model.js';
import { VersionsErrorCode, VersionsException } from './versions.exception.js';

@Injectable()
export class VersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
  ) {}

  async diff(fromId: string, toId: string, scope: AgencyScope): Promise<ReportDiffModel> {
    const [from, to] = await Promise.all([this.reports.getById(fromId, scope), this.reports.getById(toId, scope)]);
    if (from.agencyId !== to.agencyId || from.year !== to.year) {
      throw new VersionsException(
        VersionsErrorCode.REPORTS_NOT_COMPARABLE,
        "只能比较同一机关同一年度年报的不同版本。Only versions of one agency's report for one year can be compared.",
        { fromId, toId },
      );
    }
    const rows: {
      section: string;
      row_key: string;
      column_key: string;
      from_value: string | null;
      to_value: string | null;
      from_raw: string | null;
      to_raw: string | null;
    }[] = await this.dataSource.query(
      `SELECT COALESCE(a.section, b.section) AS section, COALESCE(a.row_key, b.row_key) AS row_key, COALESCE(a.column_key, b.column_key) AS column_key,
                a.value AS from_value, b.value AS to_value, a.raw AS from_raw, b.raw AS to_raw
           FROM (SELECT * FROM report_cell WHERE report_id = $1) a
           FULL JOIN (SELECT * FROM report_cell WHERE report_id = $2) b
             ON a.section = b.section AND a.row_key = b.row_key AND a.column_key = b.column_key
          WHERE a.value IS DISTINCT FROM b.value OR a.report_id IS NULL OR b.report_id IS NULL`,
      [Number(fromId), Number(toId)],
    );
    const template = to.template as Template;
    const byPath = new Map<string, CellChangeModel>();
    for (const r of rows) {
      const path = cellPath(r.section as 'applications', r.row_key, /^\d+$/.test(r.column_key) ? Number(r.column_key) : r.column_key);
      const label = describeCell(template, path);
      byPath.set(path, {
        path,
        label: label.zh,
        labelEn: label.en,
        fromValue: r.from_value === null ? null : Number(r.from_value),
        toValue: r.to_value === null ? null : Number(r.to_value),
        fromRaw: r.from_raw,
        toRaw: r.to_raw,
      });
    }
    const cells = [...byPath.values()].sort((a, b) => cellOrder(template, a.path) - cellOrder(template, b.path));
    return { from, to, fields: fieldChanges(from, to), cells };
  }
}

function fieldChanges(from: ReportModel, to: ReportModel): FieldChangeModel[] {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return COMPARED_REPORT_FIELDS.filter((f) => text(from[f]) !== text(to[f])).map((f) => ({ field: f, from: text(from[f]), to: text(to[f]) }));
}
