/**
 * Editors' corrections of misread cells. A correction sets the value the cell shows (report_cell.value, so every
 * reader sees it) and keeps what the parser read; the change, who, when and why go to the audit log; the report's
 * findings and metrics (and the neighbouring years' carry checks) are recomputed — all in one transaction.
 */
import { cellPath, cellValueKind, checkCellValue, errorFamily, parseCellPath, type CellState, type CorrectionStatus, type Template } from '@ogi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { appendAudit, type Actor } from '@ogi/database';
import { resolveFollowUpsByCorrection } from '../follow-ups/follow-ups.js';
import { recomputeReport } from './recompute.js';

export const CORRECTION_ERROR_CODES = [
  'REPORT_NOT_FOUND',
  'CELL_NOT_FOUND',
  'INVALID_CELL_VALUE',
  'INVALID_REASON',
  'VALUE_UNCHANGED',
  'NO_ACTIVE_CORRECTION',
] as const;
export type CorrectionErrorCode = (typeof CORRECTION_ERROR_CODES)[number];

/** A correction refused for a reason the editor can act on; nothing was changed. */
export class CorrectionError extends errorFamily<CorrectionErrorCode>({
  REPORT_NOT_FOUND: 'NOT_FOUND',
  CELL_NOT_FOUND: 'NOT_FOUND',
  INVALID_CELL_VALUE: 'BAD_USER_INPUT',
  INVALID_REASON: 'BAD_USER_INPUT',
  VALUE_UNCHANGED: 'BAD_USER_INPUT',
  NO_ACTIVE_CORRECTION: 'BAD_USER_INPUT',
}) {}

export interface CellCorrection {
  id: number;
  reportId: number;
  /** The report's format, for naming the cell (describeCell). */
  template: Template;
  path: string;
  value: number | null;
  originalValue: number | null;
  originalRaw: string;
  reason: string;
  status: CorrectionStatus;
  carriedFromId: number | null;
  createdBy: string;
  createdByUserId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

interface CorrectionRow {
  id: number;
  report_id: number;
  section: string;
  row_key: string;
  column_key: string;
  value: string | null;
  original_value: string | null;
  original_raw: string;
  reason: string;
  status: CorrectionStatus;
  carried_from_id: number | null;
  created_by: string;
  created_by_user_id: number | null;
  created_at: Date;
  updated_at: Date;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));
const pathOfRow = (r: { section: string; row_key: string; column_key: string }) =>
  cellPath(r.section as 'applications', r.row_key, /^\d+$/.test(r.column_key) ? Number(r.column_key) : r.column_key);

export function toCellCorrection(r: CorrectionRow, template: Template): CellCorrection {
  return {
    id: r.id,
    reportId: r.report_id,
    template,
    path: pathOfRow(r),
    value: num(r.value),
    originalValue: num(r.original_value),
    originalRaw: r.original_raw,
    reason: r.reason,
    status: r.status,
    carriedFromId: r.carried_from_id,
    createdBy: r.created_by,
    createdByUserId: r.created_by_user_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const stateOf = (value: number | null): CellState => (value === null ? 'EMPTY' : value === 0 ? 'ZERO' : 'NUMERIC');
/** Printed text compared for "does the cell still read the same": spacing never matters. */
const sameSource = (a: string, b: string) => a.replace(/[\s\u3000]+/g, '') === b.replace(/[\s\u3000]+/g, '');

export const MAX_REASON_LENGTH = 500;

export interface CorrectCellInput {
  reportId: number;
  path: string;
  value: number | null;
  reason: string;
  actor: Actor;
}

/** Locks the report's agency (the lock every write to an agency's reports takes) and returns the report's template. */
async function lockReport(m: EntityManager, reportId: number): Promise<{ template: Template }> {
  const rows: { template: Template }[] = await m.query(`SELECT r.template FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.id = $1 FOR UPDATE OF a`, [
    reportId,
  ]);
  if (!rows[0]) throw new CorrectionError('REPORT_NOT_FOUND', `找不到该年报（id ${reportId}）。No report with id ${reportId}.`);
  return rows[0];
}

async function lockCell(m: EntityManager, reportId: number, template: Template, path: string) {
  const address = parseCellPath(path);
  const kind = address ? cellValueKind(template, address) : null;
  const rows: { value: string | null; raw: string }[] =
    address && kind
      ? await m.query(`SELECT value, raw FROM report_cell WHERE report_id = $1 AND section = $2 AND row_key = $3 AND column_key = $4 FOR UPDATE`, [
          reportId,
          address.section,
          address.row,
          String(address.column),
        ])
      : [];
  if (!address || !kind || !rows[0]) {
    throw new CorrectionError('CELL_NOT_FOUND', `该年报的表格中没有单元格“${path}”。The report's tables have no cell "${path}".`);
  }
  return { address, kind, value: num(rows[0].value), raw: rows[0].raw };
}

async function activeCorrection(
  m: EntityManager,
  reportId: number,
  address: { section: string; row: string; column: string | number },
): Promise<CorrectionRow | null> {
  const rows: CorrectionRow[] = await m.query(
    `SELECT * FROM cell_correction WHERE report_id = $1 AND section = $2 AND row_key = $3 AND column_key = $4 AND status = 'active' FOR UPDATE`,
    [reportId, address.section, address.row, String(address.column)],
  );
  return rows[0] ?? null;
}

async function setCellValue(m: EntityManager, reportId: number, address: { section: string; row: string; column: string | number }, value: number | null) {
  await m.query(`UPDATE report_cell SET value = $5, state = $6 WHERE report_id = $1 AND section = $2 AND row_key = $3 AND column_key = $4`, [
    reportId,
    address.section,
    address.row,
    String(address.column),
    value,
    stateOf(value),
  ]);
}

function checkReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 2 || r.length > MAX_REASON_LENGTH) {
    throw new CorrectionError('INVALID_REASON', `请写明更正理由（2 到 ${MAX_REASON_LENGTH} 个字）。Give a reason of 2 to ${MAX_REASON_LENGTH} characters.`);
  }
  return r;
}

/** Sets a cell's value with a reason. Returns the new correction. */
export async function correctCell(dataSource: DataSource, input: CorrectCellInput): Promise<CellCorrection> {
  const reason = checkReason(input.reason);
  return dataSource.transaction(async (m) => {
    const { template } = await lockReport(m, input.reportId);
    const cell = await lockCell(m, input.reportId, template, input.path);
    const problem = checkCellValue(cell.kind, input.value);
    if (problem) throw new CorrectionError('INVALID_CELL_VALUE', `${problem.zh} ${problem.en}`);
    if (input.value === cell.value) throw new CorrectionError('VALUE_UNCHANGED', '该单元格已是这个值。The cell already has this value.');

    const previous = await activeCorrection(m, input.reportId, cell.address);
    if (previous) {
      await m.query(`UPDATE cell_correction SET status = 'superseded', updated_at = now() WHERE id = $1`, [previous.id]);
    }
    // What the parser read stays the original, however often the cell is corrected.
    const originalValue = previous ? num(previous.original_value) : cell.value;
    const originalRaw = previous ? previous.original_raw : cell.raw;
    const [row] = (await m.query(
      `INSERT INTO cell_correction (report_id, section, row_key, column_key, value, original_value, original_raw, reason, status, created_by, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10) RETURNING *`,
      [
        input.reportId,
        cell.address.section,
        cell.address.row,
        String(cell.address.column),
        input.value,
        originalValue,
        originalRaw,
        reason,
        input.actor.name,
        input.actor.userId,
      ],
    )) as CorrectionRow[];
    await setCellValue(m, input.reportId, cell.address, input.value);
    await appendAudit(m, {
      actor: input.actor,
      action: 'cell.corrected',
      reportId: input.reportId,
      cellPath: input.path,
      before: cell.value,
      after: input.value,
      reason,
      detail: { correctionId: row!.id, originalValue, originalRaw, supersedes: previous?.id ?? null },
    });
    await recomputeReport(m, input.reportId);
    await resolveFollowUpsByCorrection(m, input.reportId);
    return toCellCorrection(row!, template);
  });
}

/** Withdraws the correction in force on a cell: it shows what the parser read again. */
export async function withdrawCorrection(
  dataSource: DataSource,
  input: { reportId: number; path: string; reason: string; actor: Actor },
): Promise<CellCorrection> {
  const reason = checkReason(input.reason);
  return dataSource.transaction(async (m) => {
    const { template } = await lockReport(m, input.reportId);
    const cell = await lockCell(m, input.reportId, template, input.path);
    const active = await activeCorrection(m, input.reportId, cell.address);
    if (!active) throw new CorrectionError('NO_ACTIVE_CORRECTION', '该单元格没有生效的更正。The cell has no correction in force.');
    // (TypeORM answers an UPDATE … RETURNING with [rows, count].)
    const [[row]] = (await m.query(`UPDATE cell_correction SET status = 'withdrawn', updated_at = now() WHERE id = $1 RETURNING *`, [active.id])) as [
      CorrectionRow[],
      number,
    ];
    const original = num(active.original_value);
    await setCellValue(m, input.reportId, cell.address, original);
    await appendAudit(m, {
      actor: input.actor,
      action: 'cell.correctionWithdrawn',
      reportId: input.reportId,
      cellPath: input.path,
      before: cell.value,
      after: original,
      reason,
      detail: { correctionId: active.id },
    });
    await recomputeReport(m, input.reportId);
    await resolveFollowUpsByCorrection(m, input.reportId);
    return toCellCorrection(row!, template);
  });
}

/** Every correction of the given reports (any status), oldest first. */
export async function correctionsOf(m: EntityManager, reportIds: readonly number[]): Promise<CellCorrection[]> {
  const rows: (CorrectionRow & { template: Template })[] = await m.query(
    `SELECT c.*, r.template FROM cell_correction c JOIN report r ON r.id = c.report_id WHERE c.report_id = ANY($1) ORDER BY c.id`,
    [[...reportIds]],
  );
  return rows.map((r) => toCellCorrection(r, r.template));
}

/**
 * A new version replaced `fromReportId`: each correction in force there is carried to `toReportId` when the cell
 * is printed the same in the new source, and recorded as stale there when it is not (the agency may have fixed it).
 * The caller recomputes the new version's findings and metrics when anything was carried or flagged.
 */
export async function carryCorrections(m: EntityManager, fromReportId: number, toReportId: number, actor: Actor): Promise<{ applied: number; stale: number }> {
  const active: CorrectionRow[] = await m.query(`SELECT * FROM cell_correction WHERE report_id = $1 AND status = 'active' ORDER BY id`, [fromReportId]);
  let applied = 0;
  let stale = 0;
  for (const c of active) {
    const cells: { value: string | null; raw: string }[] = await m.query(
      'SELECT value, raw FROM report_cell WHERE report_id = $1 AND section = $2 AND row_key = $3 AND column_key = $4',
      [toReportId, c.section, c.row_key, c.column_key],
    );
    const cell = cells[0];
    const same = cell !== undefined && sameSource(cell.raw, c.original_raw);
    const [row] = (await m.query(
      `INSERT INTO cell_correction (report_id, section, row_key, column_key, value, original_value, original_raw, reason, status,
                                    carried_from_id, created_by, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        toReportId,
        c.section,
        c.row_key,
        c.column_key,
        c.value,
        cell ? cell.value : null,
        c.original_raw,
        c.reason,
        same ? 'active' : 'stale',
        c.id,
        c.created_by,
        c.created_by_user_id,
        c.created_at,
      ],
    )) as { id: number }[];
    const path = pathOfRow(c);
    if (same) {
      applied++;
      await setCellValue(m, toReportId, { section: c.section, row: c.row_key, column: c.column_key }, num(c.value));
    } else stale++;
    await appendAudit(m, {
      actor,
      action: same ? 'cell.correctionCarried' : 'cell.correctionStale',
      reportId: toReportId,
      cellPath: path,
      before: cell ? num(cell.value) : null,
      after: same ? num(c.value) : cell ? num(cell.value) : null,
      reason: c.reason,
      detail: { correctionId: row!.id, carriedFromId: c.id, fromReportId, printedBefore: c.original_raw, printedNow: cell?.raw ?? null },
    });
  }
  return { applied, stale };
}

/**
 * The report's cells were just read again (a re-parse): each correction in force is applied again when the cell
 * is printed the same, and marked stale when it is not. The caller recomputes findings and metrics.
 */
export async function reapplyCorrections(m: EntityManager, reportId: number, actor: Actor): Promise<{ applied: number; stale: number }> {
  const active: CorrectionRow[] = await m.query(`SELECT * FROM cell_correction WHERE report_id = $1 AND status = 'active' ORDER BY id FOR UPDATE`, [reportId]);
  let applied = 0;
  let stale = 0;
  for (const c of active) {
    const cells: { value: string | null; raw: string }[] = await m.query(
      'SELECT value, raw FROM report_cell WHERE report_id = $1 AND section = $2 AND row_key = $3 AND column_key = $4',
      [reportId, c.section, c.row_key, c.column_key],
    );
    const cell = cells[0];
    const same = cell !== undefined && sameSource(cell.raw, c.original_raw);
    const path = pathOfRow(c);
    if (same) {
      applied++;
      // The parser's reading may have changed (a better split of glued digits); the editor's value still wins.
      await m.query(`UPDATE cell_correction SET original_value = $2, updated_at = now() WHERE id = $1`, [c.id, cell.value]);
      await setCellValue(m, reportId, { section: c.section, row: c.row_key, column: c.column_key }, num(c.value));
    } else {
      stale++;
      await m.query(`UPDATE cell_correction SET status = 'stale', updated_at = now() WHERE id = $1`, [c.id]);
    }
    await appendAudit(m, {
      actor,
      action: same ? 'cell.correctionReapplied' : 'cell.correctionStale',
      reportId,
      cellPath: path,
      before: cell ? num(cell.value) : null,
      after: same ? num(c.value) : cell ? num(cell.value) : null,
      reason: c.reason,
      detail: { correctionId: c.id, printedBefore: c.original_raw, printedNow: cell?.raw ?? null },
    });
  }
  return { applied, stale };
}
