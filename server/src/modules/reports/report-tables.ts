/**
 * The printed tables of a report, built from its stored cells and @ogi/domain's layout (labels are never
 * retyped here). Pure functions: the resolvers feed them the cells of one report.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROW_BY_KEY,
  DISCLOSURE_ROWS,
  OTHER_HANDLING_SUBROWS,
  OUTCOME_GROUP_LABELS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  applicationRowKeys,
  cellPath,
  type CellSource,
  type Template,
} from '@ogi/domain';
import type { ReportCellEntity } from '@ogi/database';
import type { CellModel } from './models/cell.model.js';
import type { ApplicationRowModel, DisclosureRowModel, ReviewRowModel } from './models/report-tables.model.js';

export function toCellModel(c: ReportCellEntity): CellModel {
  const source = c.source as CellSource | null;
  return {
    reportId: c.reportId,
    path: cellPath(c.section, c.rowKey, /^\d+$/.test(c.columnKey) ? Number(c.columnKey) : c.columnKey),
    section: c.section,
    row: c.rowKey,
    column: c.columnKey,
    value: c.value,
    state: c.state,
    raw: c.raw,
    confidence: c.confidence,
    sourceStart: source?.start ?? null,
    sourceEnd: source?.end ?? null,
    sourcePage: source?.kind === 'pdf' ? source.page : null,
    alternatives: c.alternatives ?? null,
    unitRaw: c.unitRaw,
  };
}

type CellIndex = ReadonlyMap<string, CellModel>;

export function indexCells(cells: readonly CellModel[]): CellIndex {
  return new Map(cells.map((c) => [c.path, c]));
}

export function disclosureRows(template: Template, cells: CellIndex): DisclosureRowModel[] {
  return DISCLOSURE_ROWS[template].map((row) => ({
    key: row.key,
    label: row.label,
    labelEn: row.en,
    article: row.article,
    fields: row.fields.map((f) => {
      const cell = cells.get(cellPath('activeDisclosure', row.key, f.key)) ?? null;
      return { key: f.key, label: f.label, labelEn: f.en, kind: f.kind, value: cell?.value ?? null, cell };
    }),
  }));
}

/**
 * Section 三 in printed order. （六）其他处理 is one row in the 2019 format; a 2021 report prints either its three
 * numbered sub-rows or (some reports) the single row — whichever the report has figures in.
 */
export function applicationRows(template: Template, cells: CellIndex): ApplicationRowModel[] {
  const hasValues = (key: string) => APPLICANT_COLUMNS.some((_, c) => (cells.get(cellPath('applications', key, c))?.value ?? null) !== null);
  const oneRow =
    template === '2019' || (!OTHER_HANDLING_SUBROWS.some(hasValues) && (hasValues('otherHandling') || cells.has(cellPath('applications', 'otherHandling', 0))));
  return applicationRowKeys(oneRow).map((key) => {
    const layout = APPLICATION_ROW_BY_KEY.get(key)!;
    const rowCells = APPLICANT_COLUMNS.map((_, c) => cells.get(cellPath('applications', key, c)) ?? null);
    return {
      key,
      number: layout.number,
      label: layout.label,
      labelEn: layout.en,
      group: layout.group ?? null,
      groupLabel: layout.group ? OUTCOME_GROUP_LABELS[layout.group].label : null,
      values: rowCells.map((c) => c?.value ?? null),
      cells: rowCells,
    };
  });
}

export function reviewRows(cells: CellIndex): ReviewRowModel[] {
  return REVIEW_GROUPS.map((g) => {
    const rowCells = REVIEW_COLUMNS.map((_, c) => cells.get(cellPath('reviewLitigation', g.key, c)) ?? null);
    return { key: g.key, label: g.label, labelEn: g.en, values: rowCells.map((c) => c?.value ?? null), cells: rowCells };
  });
}

/** Every cell in printed order: section 二, 三, 四, then any the layout does not place. */
export function orderedCells(template: Template, cells: readonly CellModel[]): CellModel[] {
  const index = indexCells(cells);
  const placed = [
    ...disclosureRows(template, index).flatMap((r) => r.fields.map((f) => f.cell)),
    ...applicationRows(template, index).flatMap((r) => r.cells),
    ...reviewRows(index).flatMap((r) => r.cells),
  ].filter((c): c is CellModel => c !== null);
  const seen = new Set(placed.map((c) => c.path));
  return [...placed, ...cells.filter((c) => !seen.has(c.path))];
}
