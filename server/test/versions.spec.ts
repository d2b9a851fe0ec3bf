/**
 * Versions of a report: a failure while storing a new version leaves the old one current and nothing half
 * written; the difference between two versions, cell by cell; and re-reading a stored version with the current
 * parser, with editors' corrections applied again where the cell is printed the same and flagged where not.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ReportIngestor } from '@ogi/write-model/ingest';
import { ParserPool, PARSER_VERSION } from '@ogi/parser';
import { distinctAgencyReports } from './helpers/report-files.js';
import { SEED_REPORT, SERVER_DIR, errorCodes, startTestApp, type TestApp } from './helpers/test-app.js';

const run = promisify(execFile);

let t: TestApp;
let seedText: string;
const ids: Record<string, string> = {};

async function upload(name: string, text: string) {
  const form = new FormData();
  form.append('files', new Blob([text]), name);
  const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
  return ((await res.json()) as { status: string; reportId: string; version: number; error?: { code: string } }[])[0]!;
}

const versionsOf2020 = async () =>
  (
    await t.gql<{ reports: { items: { versions: { id: string; version: number; isCurrent: boolean }[] }[] } }>(
      '{ reports(year: 2020) { items { versions { id version isCurrent } } } }',
    )
  ).data!.reports.items[0]!.versions;

/** The seed with the total of row 一 (本年新收) printed differently. */
function withNewReceivedTotal(text: string, printed: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf('一、本年新收政府信息公开申请数量 |');
  lines[at + 7] = `${printed} |`;
  return lines.join('\n');
}

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  seedText = readFileSync(SEED_REPORT, 'utf8');
  const v1 = await upload('v1.txt', seedText);
  expect(v1).toMatchObject({ status: 'stored', version: 1 });
  ids['v1'] = v1.reportId;
});

afterAll(async () => {
  await t?.close();
});

describe('storing a new version fails half way', () => {
  it('leaves version 1 current and no trace of version 2; the same file stores fine once the fault is gone', async () => {
    // A real failure inside PostgreSQL in the middle of the transaction (after the report row and its cells).
    await t.dataSource.query(`
      CREATE FUNCTION fail_second_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT version FROM report WHERE id = NEW.report_id) >= 2 THEN RAISE EXCEPTION 'simulated disk failure'; END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(`CREATE TRIGGER fail_second_version BEFORE INSERT ON report_metric FOR EACH ROW EXECUTE FUNCTION fail_second_version()`);
    const before = await t.rowCounts();
    const republished = seedText.replaceAll('2021年01月24日', '2021年02月24日');

    const failed = await upload('v2.txt', republished);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'STORE_FAILED' } });
    expect(await t.rowCounts()).toEqual(before);
    expect(await versionsOf2020()).toEqual([{ id: ids['v1'], version: 1, isCurrent: true }]);

    await t.dataSource.query('DROP TRIGGER fail_second_version ON report_metric');
    await t.dataSource.query('DROP FUNCTION fail_second_version()');
    const v2 = await upload('v2.txt', republished);
    expect(v2).toMatchObject({ status: 'stored', version: 2 });
    ids['v2'] = v2.reportId;
    expect(await versionsOf2020()).toEqual([
      { id: ids['v2'], version: 2, isCurrent: true },
      { id: ids['v1'], version: 1, isCurrent: false },
    ]);
  });
});

describe('reportDiff', () => {
  const DIFF = `query($from: ID!, $to: ID!) { reportDiff(fromId: $from, toId: $to) {
    from { version } to { version } fields { field from to } cells { path label labelEn fromValue toValue fromRaw toRaw } } }`;

  it('shows a re-published date as changed properties and no changed cell', async () => {
    const res = await t.gql<{ reportDiff: unknown }>(DIFF, { from: ids['v1'], to: ids['v2'] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportDiff).toEqual({
      from: { version: 1 },
      to: { version: 2 },
      fields: [
        { field: 'publishedOn', from: '2021-01-24', to: '2021-02-24' },
        { field: 'daysLate', from: '0', to: '24' },
      ],
      cells: [],
    });
  });

  it('shows a figure printed differently, named as the format names it', async () => {
    const v3 = await upload('v3.txt', withNewReceivedTotal(seedText.replaceAll('2021年01月24日', '2021年02月24日'), '31'));
    expect(v3).toMatchObject({ status: 'stored', version: 3 });
    ids['v3'] = v3.reportId;
    const res = await t.gql<{ reportDiff: { fields: unknown[]; cells: unknown[] } }>(DIFF, { from: ids['v2'], to: ids['v3'] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportDiff.fields).toEqual([]);
    expect(res.data!.reportDiff.cells).toEqual([
      {
        path: 'applications.newReceived[6]',
        label: '三、一、本年新收政府信息公开申请数量 · 总计',
        labelEn: 'III. New applications this year · Total',
        fromValue: 29,
        toValue: 31,
        fromRaw: '29',
        toRaw: '31',
      },
    ]);
  });

  it("refuses to compare different agencies' reports", async () => {
    const other = await upload('004_shuyang_xian_2025.txt', readFileSync(join(SEED_REPORT, '..', '004_shuyang_xian_2025.txt'), 'utf8'));
    expect(errorCodes(await t.gql(DIFF, { from: ids['v1'], to: other.reportId }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql(DIFF, { from: ids['v1'], to: '99999' }))).toEqual(['NOT_FOUND']);
  });
});

describe('re-parsing with a newer parser', () => {
  let reportId: string;

  beforeAll(async () => {
    // A report as an older parser read it: it misread the printed "29" as 20, and read "99" where the file
    // (as today's parser reads it) prints 19.
    const [file] = await distinctAgencyReports(1, '重读');
    const pool = new ParserPool({ size: 1 });
    const outcome = await pool.parse(file!.bytes, file!.name).finally(() => pool.close());
    if (!outcome.ok) throw new Error(outcome.error.code);
    const old = structuredClone(outcome.report);
    old.parserVersion = '0.9.0-old';
    old.applications['newReceived']![6] = 20;
    old.applications['granted']![0] = 99;
    for (const c of old.cells) {
      if (c.path === 'applications.newReceived[6]') c.value = 20;
      if (c.path === 'applications.granted[0]') Object.assign(c, { value: 99, raw: '99' });
    }
    const stored = await new ReportIngestor(t.dataSource, { parse: () => Promise.reject(new Error('not used')) }).store(old, file!.bytes, file!.name);
    if (stored.status !== 'stored') throw new Error(stored.status);
    reportId = String(stored.reportId);

    const correct = (path: string, value: number, reason: string) =>
      t.gql(
        `mutation($id: ID!, $path: String!, $value: Float, $reason: String!) { correctCell(reportId: $id, path: $path, value: $value, reason: $reason) { correction { id } } }`,
        {
          id: reportId,
          path,
          value,
          reason,
        },
      );
    expect((await correct('applications.newReceived[6]', 30, '核对纸质原件为 30')).errors).toBeUndefined();
    expect((await correct('applications.granted[0]', 98, '核对纸质原件为 98')).errors).toBeUndefined();
  });

  const REPARSE = `mutation($id: ID!) { reparseReport(id: $id) {
    status parserBefore parserAfter changedCells correctionsReapplied correctionsStale errorCode
    report { parserVersion
      cells { path value raw corrected originalValue }
      findings { rule cells expected }
      metrics { code value }
      corrections { path status value } } } }`;
  interface Reparsed {
    status: string;
    report: {
      parserVersion: string;
      cells: { path: string; value: number; raw: string; corrected: boolean; originalValue: number | null }[];
      findings: { rule: string; cells: string[]; expected: number | null }[];
      metrics: { code: string; value: number | null }[];
      corrections: { path: string; status: string; value: number }[];
    };
  }

  it('replaces the reading in place: a correction of a cell printed the same stays, one of a cell printed differently is flagged', async () => {
    const res = await t.gql<{ reparseReport: Reparsed & Record<string, unknown> }>(REPARSE, { id: reportId });
    expect(res.errors).toBeUndefined();
    const r = res.data!.reparseReport;
    expect(r).toMatchObject({
      status: 'updated',
      parserBefore: '0.9.0-old',
      parserAfter: PARSER_VERSION,
      changedCells: 2,
      correctionsReapplied: 1,
      correctionsStale: 1,
      errorCode: null,
    });
    const cell = (p: string) => r.report.cells.find((c) => c.path === p);
    expect(r.report.parserVersion).toBe(PARSER_VERSION);
    expect(cell('applications.newReceived[6]')).toEqual({ path: 'applications.newReceived[6]', value: 30, raw: '29', corrected: true, originalValue: 29 });
    expect(cell('applications.granted[0]')).toEqual({ path: 'applications.granted[0]', value: 19, raw: '19', corrected: false, originalValue: null });
    expect(r.report.corrections).toEqual([
      { path: 'applications.newReceived[6]', status: 'active', value: 30 },
      { path: 'applications.granted[0]', status: 'stale', value: 98 },
    ]);
    expect(r.report.findings).toContainEqual({ rule: 'CORRECTION_STALE', cells: ['applications.granted[0]'], expected: 98 });
    expect(r.report.metrics.find((m) => m.code === 'applications.new')!.value).toBe(30);

    const log = await t.gql<{ auditLog: { items: { action: string; cellPath: string | null; before: string | null; after: string | null }[] } }>(
      `{ auditLog(reportId: "${reportId}") { items { action cellPath before after } } }`,
    );
    expect(log.data!.auditLog.items.slice(0, 3)).toEqual([
      { action: 'report.reparsed', cellPath: null, before: '"0.9.0-old"', after: JSON.stringify(PARSER_VERSION) },
      { action: 'cell.correctionStale', cellPath: 'applications.granted[0]', before: '19', after: '19' },
      { action: 'cell.correctionReapplied', cellPath: 'applications.newReceived[6]', before: '29', after: '30' },
    ]);
  });

  it('a second re-parse with the same parser changes nothing', async () => {
    const res = await t.gql<{ reparseReport: { status: string } }>(REPARSE, { id: reportId });
    expect(res.data!.reparseReport.status).toBe('unchanged');
  });

  it('pnpm reparse --all reads every stored version again and says what it did', async () => {
    const cli = join(SERVER_DIR, 'dist', 'cli', 'reparse.js');
    const { stdout } = await run(process.execPath, [cli, '--all'], { env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' } });
    const { n } = (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM report'))[0]!;
    expect(stdout).toContain(`${n} report(s): 0 updated, ${n} unchanged, 0 failed.`);
  });
});
