/**
 * Findings and metrics of a stored report, derived again from its cells as they now stand (after an editor's
 * correction, a carried or stale correction, a re-parse). The same rules the parser applies (@ogi/domain's
 * checkReport), the late-publication check, the cross-year carry check with the neighbouring years, and the metric
 * dictionary — run inside the caller's transaction, so the change and its consequences commit together.
 */
import { RULE_DESCRIPTIONS, checkAcrossYears, checkReport, type Finding, type RuleCode } from '@ogi/domain';
import type { EntityManager } from 'typeorm';
import {
  currentReport,
  insertFindings,
  latePublication,
  loadStoredReport,
  refreshScopeFindings,
  storedCarryCore,
  writeMetrics,
} from '../ingest/stored-report.js';

/** Findings only the parser can make (it saw the glued digits); kept as stored unless an editor settled the cells. */
const PARSER_ONLY_RULES: readonly RuleCode[] = ['UNCERTAIN_READING'];

export async function recomputeReport(m: EntityManager, reportId: number): Promise<void> {
  const report = await loadStoredReport(m, reportId);
  if (!report) throw new Error(`report ${reportId} does not exist`);

  const corrections: { section: string; row_key: string; column_key: string; status: string; value: string | null; original_raw: string }[] = await m.query(
    `SELECT section, row_key, column_key, status, value, original_raw FROM cell_correction WHERE report_id = $1 AND status IN ('active', 'stale') ORDER BY id`,
    [reportId],
  );
  const pathOf = (c: { section: string; row_key: string; column_key: string }) =>
    /^\d+$/.test(c.column_key) ? `${c.section}.${c.row_key}[${c.column_key}]` : `${c.section}.${c.row_key}.${c.column_key}`;
  const corrected = new Set(corrections.filter((c) => c.status === 'active').map(pathOf));

  const stored: {
    rule: RuleCode;
    severity: Finding['severity'];
    status: Finding['status'];
    cells: string[];
    expected: string | null;
    actual: string | null;
    message_zh: string;
    message_en: string;
  }[] = await m.query(
    `SELECT rule, severity, status, cells, expected, actual, message_zh, message_en FROM report_finding WHERE report_id = $1 AND rule = ANY($2) ORDER BY id`,
    [reportId, PARSER_ONLY_RULES],
  );
  const kept: Finding[] = stored
    .filter((f) => !(f.cells.length > 0 && f.cells.every((c) => corrected.has(c))))
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      status: f.status,
      cells: f.cells,
      expected: f.expected === null ? null : Number(f.expected),
      actual: f.actual === null ? null : Number(f.actual),
      message: { zh: f.message_zh, en: f.message_en },
    }));

  const findings: Finding[] = [...checkReport(report.core, report.narrative), ...kept];
  if (report.publishedOn && report.daysLate !== null && report.daysLate > 0) {
    findings.push(latePublication(report.publishedOn, report.deadline, report.daysLate, report.agencyKind));
  }
  const previous = await currentReport(m, report.agencyId, report.year - 1);
  if (previous && previous.id !== reportId) {
    findings.push(...checkAcrossYears(report.core, await storedCarryCore(m, previous.id, report.year - 1, report.template)));
  }
  for (const c of corrections.filter((x) => x.status === 'stale')) {
    findings.push(staleCorrection(pathOf(c), c.original_raw, c.value === null ? null : Number(c.value)));
  }

  await m.query('DELETE FROM report_finding WHERE report_id = $1', [reportId]);
  await insertFindings(m, reportId, findings);
  await writeMetrics(m, reportId, report.core, report.narrative, findings, corrected);
  await refreshScopeFindings(m, report.agencyId);

  // The following year's carry-over is checked against this report when it is the one in use.
  if (report.isCurrent) {
    const following = await currentReport(m, report.agencyId, report.year + 1);
    if (following) {
      await m.query(`DELETE FROM report_finding WHERE report_id = $1 AND rule = 'CROSS_YEAR_CARRY'`, [following.id]);
      const followingCore = await storedCarryCore(m, following.id, report.year + 1, report.template);
      await insertFindings(m, following.id, checkAcrossYears(followingCore, report.core));
    }
  }
}

function staleCorrection(path: string, printedBefore: string, value: number | null): Finding {
  const d = RULE_DESCRIPTIONS.CORRECTION_STALE;
  const shown = value === null ? '空' : String(value);
  return {
    rule: 'CORRECTION_STALE',
    severity: d.severity,
    status: 'failed',
    cells: [path],
    expected: value,
    actual: null,
    message: {
      zh: `此单元格曾被人工更正为 ${shown}（当时原件印作“${printedBefore}”），但原件此处的内容已变化，更正未再应用。请重新核对。`,
      en: `This cell was corrected to ${value === null ? 'blank' : value} (the source then printed "${printedBefore}"), but the source reads differently now, so the correction is no longer applied. Check it again.`,
    },
  };
}
