/**
 * An editor corrects a misread cell: the cell shows the corrected value with the original and the reason; the
 * report's findings and metrics, and the next year's carry check, are recomputed at once; the audit log (append
 * only) says who, when, before, after and why. Bad corrections are refused with a code and change nothing.
 * Corrections carry over to a re-published version where the cell is printed the same, and are flagged stale
 * where it is not.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { recomputeReport } from '@ogi/write-model/corrections';
import { ReportIngestor } from '@ogi/write-model/ingest';
import { checkReport, type ParsedReport, type ParsedReportCore } from '@ogi/domain';
import { SEED_EXPECTED, SEED_REPORT, TEST_ADMIN, errorCodes, startTestApp, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let seedText: string;
let report2020: string;
let report2021: string;

interface Cell {
  path: string;
  value: number | null;
  raw: string;
  corrected: boolean;
  originalValue: number | null;
  correction: { id: string; value: number | null; originalValue: number | null; reason: string; by: string; at: string; status: string } | null;
}
interface ReportView {
  id: string;
  version: number;
  isCurrent: boolean;
  cells: Cell[];
  findings: { rule: string; cells: string[]; expected: number | null; actual: number | null }[];
  metrics: { code: string; value: number | null }[];
  corrections: { id: string; path: string; status: string; value: number | null; carriedFromId: string | null; by: string; reason: string }[];
}
const REPORT_VIEW = `id version isCurrent
  cells { path value raw corrected originalValue correction { id value originalValue reason by at status } }
  findings { rule cells expected actual }
  metrics { code value }
  corrections { id path status value carriedFromId by reason }`;

async function view(id: string): Promise<ReportView> {
  const res = await t.gql<{ report: ReportView }>(`query($id: ID!) { report(id: $id) { ${REPORT_VIEW} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.report;
}
const cellOf = (r: ReportView, path: string) => r.cells.find((c) => c.path === path)!;
const metricOf = (r: ReportView, code: string) => r.metrics.find((m) => m.code === code)!.value;
const findingKeys = (r: ReportView) => r.findings.map((f) => `${f.rule} ${f.cells.join(',')} ${f.expected} ${f.actual}`).sort();

const CORRECT = `mutation($reportId: ID!, $path: String!, $value: Float, $reason: String!) {
  correctCell(reportId: $reportId, path: $path, value: $value, reason: $reason) {
    correction { id path label value originalValue originalRaw reason status by at }
    report { ${REPORT_VIEW} }
  }
}`;
type CorrectResult = GraphqlResponse<{ correctCell: { correction: Record<string, unknown>; report: ReportView } }>;
const correct = (reportId: string, path: string, value: number | null, reason: string) =>
  t.gql(CORRECT, { reportId, path, value, reason }) as Promise<CorrectResult>;

async function upload(name: string, bytes: Buffer) {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)]), name);
  const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
  return ((await res.json()) as { status: string; reportId: string; version: number }[])[0]!;
}

/** The seed with one printed cell changed: the total of row 一 (本年新收). */
function withNewReceivedTotal(text: string, printed: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf('一、本年新收政府信息公开申请数量 |');
  expect(lines[at + 7]).toBe('29 |');
  lines[at + 7] = `${printed} |`;
  return lines.join('\n');
}

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  seedText = readFileSync(SEED_REPORT, 'utf8');
  report2020 = (await upload('000_ezhou_xzspj_2020.txt', Buffer.from(seedText))).reportId;
  // The agency's 2021 report, whose carried-over row matches 2020's carried-forward row (no carry finding yet).
  const core = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as ParsedReportCore;
  const next: ParsedReportCore = {
    ...core,
    year: 2021,
    publishedOn: '2022-01-20',
    applications: { ...core.applications, carriedOver: [...core.applications['carriedForward']!] },
  };
  const parsed: ParsedReport = {
    ...next,
    scope: 'self',
    format: 'text',
    encoding: 'utf-8',
    text: seedText,
    cells: [],
    narrative: [],
    findings: checkReport(next),
    notes: [],
    parserVersion: 'test',
  };
  const stored = await new ReportIngestor(t.dataSource, { parse: () => Promise.reject(new Error('not used')) }).store(
    parsed,
    Buffer.from('2021 report'),
    '2021.txt',
  );
  expect(stored).toMatchObject({ status: 'stored', year: 2021 });
  report2021 = String(stored.status === 'stored' ? stored.reportId : '');
});

afterAll(async () => {
  await t?.close();
});

describe('correcting a cell', () => {
  let before: ReportView;

  it('shows the corrected value with the original and the reason, and recomputes findings and metrics at once', async () => {
    before = await view(report2020);
    expect(cellOf(before, 'applications.newReceived[6]')).toMatchObject({ value: 29, raw: '29', corrected: false, originalValue: null, correction: null });
    expect(metricOf(before, 'applications.new')).toBe(29);
    expect(before.findings.some((f) => f.rule === 'S3_ROW_SUM' && f.cells.includes('applications.newReceived[6]'))).toBe(false);

    const res = await correct(report2020, 'applications.newReceived[6]', 30, '原件表格总计列印作 30（核对纸质件）');
    expect(res.errors).toBeUndefined();
    const { correction, report } = res.data!.correctCell;
    expect(correction).toEqual({
      id: expect.any(String),
      path: 'applications.newReceived[6]',
      label: '三、一、本年新收政府信息公开申请数量 · 总计',
      value: 30,
      originalValue: 29,
      originalRaw: '29',
      reason: '原件表格总计列印作 30（核对纸质件）',
      status: 'active',
      by: TEST_ADMIN.username,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const cell = cellOf(report, 'applications.newReceived[6]');
    expect(cell).toMatchObject({ value: 30, raw: '29', corrected: true, originalValue: 29 });
    expect(cell.correction).toMatchObject({
      value: 30,
      originalValue: 29,
      reason: '原件表格总计列印作 30（核对纸质件）',
      by: TEST_ADMIN.username,
      status: 'active',
    });
    // Metrics: the row 一 total is the metric "new applications".
    expect(metricOf(report, 'applications.new')).toBe(30);
    // Findings: the six applicant columns (29) no longer add up to the total (30).
    expect(report.findings).toContainEqual({ rule: 'S3_ROW_SUM', cells: expect.arrayContaining(['applications.newReceived[6]']), expected: 29, actual: 30 });
    expect(findingKeys(report)).not.toEqual(findingKeys(before));
  });

  it('writes who, when, before, after and why to the audit log', async () => {
    const res = await t.gql<{ auditLog: { total: number; items: Record<string, unknown>[] } }>(
      'query($id: ID) { auditLog(reportId: $id) { total items { actor action reportId cellPath before after reason at detail } } }',
      { id: report2020 },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditLog.total).toBe(1);
    expect(res.data!.auditLog.items[0]).toMatchObject({
      actor: TEST_ADMIN.username,
      action: 'cell.corrected',
      reportId: report2020,
      cellPath: 'applications.newReceived[6]',
      before: '29',
      after: '30',
      reason: '原件表格总计列印作 30（核对纸质件）',
    });
    expect(JSON.parse(res.data!.auditLog.items[0]!['detail'] as string)).toMatchObject({ originalValue: 29, originalRaw: '29' });
  });

  it('correcting the same cell again supersedes the first correction and keeps what the parser read as the original', async () => {
    const res = await correct(report2020, 'applications.newReceived[6]', 31, '再次核对：应为 31');
    expect(res.errors).toBeUndefined();
    expect(res.data!.correctCell.correction).toMatchObject({ value: 31, originalValue: 29 });
    const statuses = res.data!.correctCell.report.corrections.map((c) => [c.value, c.status]);
    expect(statuses).toEqual([
      [30, 'superseded'],
      [31, 'active'],
    ]);
  });

  it('withdrawing the correction restores the value read and the findings and metrics that came with it', async () => {
    const res = await t.gql<{ withdrawCellCorrection: { report: ReportView } }>(
      `mutation { withdrawCellCorrection(reportId: "${report2020}", path: "applications.newReceived[6]", reason: "更正有误，撤回") { report { ${REPORT_VIEW} } } }`,
    );
    expect(res.errors).toBeUndefined();
    const after = res.data!.withdrawCellCorrection.report;
    expect(cellOf(after, 'applications.newReceived[6]')).toMatchObject({ value: 29, corrected: false, correction: null });
    expect(findingKeys(after)).toEqual(findingKeys(before));
    expect(after.metrics).toEqual(before.metrics);
  });

  it("re-checks the next year's carry-over against a corrected 结转下年度 cell", async () => {
    const carry = async () => (await view(report2021)).findings.filter((f) => f.rule === 'CROSS_YEAR_CARRY');
    expect(await carry()).toEqual([]);
    const printed = cellOf(before, 'applications.carriedForward[0]').value!;
    const res = await correct(report2020, 'applications.carriedForward[0]', printed + 2, '结转数核对后更正');
    expect(res.errors).toBeUndefined();
    expect(await carry()).toEqual([{ rule: 'CROSS_YEAR_CARRY', cells: ['applications.carriedOver[0]'], expected: printed + 2, actual: printed }]);
  });
});

describe('refused corrections change nothing', () => {
  const cases: [string, string, number | null, string, string, string][] = [
    ['a count with decimals', 'applications.granted[0]', 1.5, '核对原件', 'BAD_USER_INPUT', 'INVALID_CELL_VALUE'],
    ['a negative count', 'reviewLitigation.review[4]', -1, '核对原件', 'BAD_USER_INPUT', 'INVALID_CELL_VALUE'],
    ['a negative count of items (2019 format)', 'activeDisclosure.licensing.previousItems', -3, '核对原件', 'BAD_USER_INPUT', 'INVALID_CELL_VALUE'],
    ['an absurd number', 'applications.granted[0]', 1e15, '核对原件', 'BAD_USER_INPUT', 'INVALID_CELL_VALUE'],
    ['a cell the format does not have', 'applications.otherHandling.overdueFee[0]', 1, '核对原件', 'NOT_FOUND', 'CELL_NOT_FOUND'],
    ['a path that is no cell', 'applications; DROP TABLE report', 1, '核对原件', 'NOT_FOUND', 'CELL_NOT_FOUND'],
    ['the value it already has', 'applications.granted[0]', 19, '核对原件', 'BAD_USER_INPUT', 'VALUE_UNCHANGED'],
    ['a reason of blanks', 'applications.granted[0]', 18, '   ', 'BAD_USER_INPUT', 'INVALID_REASON'],
  ];
  it.each(cases)('%s', async (_what, path, value, reason, code, domainCode) => {
    const counts = await t.rowCounts();
    const [audit] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log');
    const res = await correct(report2020, path, value, reason);
    expect(errorCodes(res)).toEqual([code]);
    if (res.errors?.[0]?.extensions?.['reason']) expect(res.errors[0].extensions['reason']).toBe(domainCode);
    expect(res.errors?.[0]?.message).toBeTruthy();
    expect(await t.rowCounts()).toEqual(counts);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM audit_log')).toEqual([audit]);
  });

  it('an unknown report is NOT_FOUND', async () => {
    expect(errorCodes(await correct('987654', 'applications.granted[0]', 1, '核对原件'))).toEqual(['NOT_FOUND']);
  });

  it('accepts a negative 本年增/减 and money with decimals where the format has them', async () => {
    expect((await correct(report2020, 'activeDisclosure.licensing.change', -2, '原件为 -2')).errors).toBeUndefined();
    expect((await correct(report2020, 'activeDisclosure.procurement.amountWan', 12.345678, '原件为 12.345678 万元')).errors).toBeUndefined();
  });
});

describe('the audit log', () => {
  it('is append-only: the database refuses to change or delete an entry', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('recomputation is the same derivation as at import', () => {
  it('gives every stored sample report exactly the findings and metrics it was imported with', async () => {
    for (const file of ['004_shuyang_xian_2025.txt', '007_pingtan_syq_2019.txt', '016_shuyang_fgj_2023.html']) {
      const r = await upload(file, readFileSync(join(dirname(SEED_REPORT), file)));
      expect(r.status).toBe('stored');
      const snapshot = async () => ({
        findings: await t.dataSource.query(
          `SELECT rule, severity, status, cells, expected, actual, message_zh FROM report_finding WHERE report_id = $1 ORDER BY rule, cells, message_zh`,
          [r.reportId],
        ),
        metrics: await t.dataSource.query(`SELECT metric_code, value, numerator, denominator FROM report_metric WHERE report_id = $1 ORDER BY metric_code`, [
          r.reportId,
        ]),
      });
      const imported = await snapshot();
      await t.dataSource.transaction((m) => recomputeReport(m, Number(r.reportId)));
      expect({ file, ...(await snapshot()) }).toEqual({ file, ...imported });
    }
  });
});

describe('a re-published version', () => {
  let v1Correction: string;

  it('carries a correction over when the cell is printed the same, with the corrected value in force', async () => {
    const res = await correct(report2020, 'applications.newReceived[6]', 30, '原件表格总计列印作 30');
    expect(res.errors).toBeUndefined();
    v1Correction = res.data!.correctCell.correction['id'] as string;
    const republished = seedText.replaceAll('2021年01月24日', '2021年02月24日');
    const v2 = await upload('republished.txt', Buffer.from(republished));
    expect(v2).toMatchObject({ status: 'stored', version: 2 });
    const r = await view(v2.reportId);
    expect(cellOf(r, 'applications.newReceived[6]')).toMatchObject({ value: 30, corrected: true, originalValue: 29 });
    // (The corrections made earlier in this file carry over too: their cells are printed the same.)
    expect(r.corrections.filter((c) => c.path === 'applications.newReceived[6]')).toEqual([
      expect.objectContaining({ status: 'active', value: 30, carriedFromId: v1Correction, reason: '原件表格总计列印作 30' }),
    ]);
    expect(r.corrections.every((c) => c.status === 'active' && c.carriedFromId !== null)).toBe(true);
    expect(metricOf(r, 'applications.new')).toBe(30);
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['S3_ROW_SUM', 'LATE_PUBLICATION']));
  });

  it('flags the correction as stale when the new version prints the cell differently, and shows what it prints', async () => {
    const changed = withNewReceivedTotal(seedText.replaceAll('2021年01月24日', '2021年03月01日'), '31');
    const v3 = await upload('republished-again.txt', Buffer.from(changed));
    expect(v3).toMatchObject({ status: 'stored', version: 3 });
    const r = await view(v3.reportId);
    expect(cellOf(r, 'applications.newReceived[6]')).toMatchObject({ value: 31, raw: '31', corrected: false });
    expect(r.corrections.filter((c) => c.status !== 'active')).toEqual([
      expect.objectContaining({ path: 'applications.newReceived[6]', status: 'stale', value: 30 }),
    ]);
    expect(r.findings).toContainEqual({ rule: 'CORRECTION_STALE', cells: ['applications.newReceived[6]'], expected: 30, actual: null });
    const log = await t.gql<{ auditLog: { items: { action: string; actor: string; cellPath: string }[] } }>(
      `{ auditLog(reportId: "${v3.reportId}") { items { action actor cellPath } } }`,
    );
    expect(log.data!.auditLog.items.filter((e) => e.action === 'cell.correctionStale')).toEqual([
      { action: 'cell.correctionStale', actor: 'system', cellPath: 'applications.newReceived[6]' },
    ]);
  });
});
