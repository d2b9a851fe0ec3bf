/** The cells of a report whose value an editor corrected, in printed order (sections 二, 三, 四). */
import { type CellResult, type ReportDetail } from '../../graphql/api';

export interface CorrectedCell {
  path: string;
  /** What the parser read (null = blank). */
  original: number | null;
  /** The value in force (null = blank). */
  value: number | null;
  reason: string | null;
  by: string | null;
  at: string | null;
}

/** Every cell of the report's three tables, in printed order. */
export function reportCells(report: Pick<ReportDetail, 'activeDisclosure' | 'applications' | 'reviewLitigation'>): CellResult[] {
  const out: CellResult[] = [];
  for (const row of report.activeDisclosure) for (const f of row.fields) if (f.cell) out.push(f.cell);
  for (const row of report.applications) for (const c of row.cells) if (c) out.push(c);
  for (const row of report.reviewLitigation) for (const c of row.cells) if (c) out.push(c);
  return out;
}

export function correctedCells(report: Pick<ReportDetail, 'activeDisclosure' | 'applications' | 'reviewLitigation'>): CorrectedCell[] {
  return reportCells(report)
    .filter((c) => c.corrected)
    .map((c) => ({
      path: c.path,
      original: c.originalValue,
      value: c.value,
      reason: c.correction?.reason ?? null,
      by: c.correction?.by ?? null,
      at: c.correction?.at ?? null,
    }));
}
