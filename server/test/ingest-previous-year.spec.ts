/**
 * Ingest gives the parser the same agency's report of the year before when the new file leaves readings open:
 * a crawler page that prints each run of equal cells once (莆田市审计局, 2021) whose 上年结转 row "1 0 1 0 2" the
 * table's sums alone cannot place is read as last year's 结转下年度 says — through the real parser pool and a
 * real PostgreSQL. And whichever of an agency's two years arrives first, what is stored is the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_REPORTS_DIR, SYSTEM_ACTOR } from '@ogi/database';
import { seedAgencyRegistry } from '@ogi/write-model/agencies';
import { ReportIngestor } from '@ogi/write-model/ingest';
import { reparseReport } from '@ogi/write-model/reparse';
import { checkReport, type ParsedReport, type ParsedReportCore } from '@ogi/domain';
import { ParserPool } from '@ogi/parser';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const REPORT = join(SEED_REPORTS_DIR, '017_putian_sjj_2021.txt');
const EXPECTED = join(SEED_REPORTS_DIR, '..', 'expected', '017_putian_sjj_2021.json');

/** 017 with one application carried over from 2020 under 科研机构 and granted in 2021, printed collapsed. */
function collapsedPage(): Buffer {
  const text = readFileSync(REPORT, 'utf8')
    .replace('二、上年结转政府信息公开申请数量\n0\n', '二、上年结转政府信息公开申请数量\n1\n0\n1\n0\n2\n')
    .replace('（一）予以公开\n0\n', '（一）予以公开\n1\n0\n1\n0\n2\n')
    .replace('（七）总计\n1\n0\n1\n', '（七）总计\n2\n0\n1\n0\n3\n');
  return Buffer.from(text, 'utf8');
}

/** The agency's 2020 report as stored, with one application carried forward under 科研机构. */
function report2020(): ParsedReport {
  const core = JSON.parse(readFileSync(EXPECTED, 'utf8')) as ParsedReportCore;
  core.year = 2020;
  core.publishedOn = '2021-01-20';
  core.applications['newReceived'] = [1, 0, 0, 1, 0, 0, 2];
  core.applications['carriedForward'] = [1, 0, 0, 1, 0, 0, 2];
  core.applications['unableToProvide.notHeld'] = [0, 0, 0, 0, 0, 0, 0];
  core.applications['total'] = [0, 0, 0, 0, 0, 0, 0];
  return {
    ...core,
    scope: 'self',
    format: 'text',
    encoding: 'utf-8',
    text: '',
    cells: [],
    narrative: [],
    findings: checkReport(core),
    notes: [],
    parserVersion: 'expected-json',
  };
}

let t: TestApp;
let pool: ParserPool;
let ingestor: ReportIngestor;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  pool = new ParserPool({ size: 1, timeoutMs: 60_000 });
  ingestor = new ReportIngestor(t.dataSource, pool);
});

afterAll(async () => {
  await pool?.close();
  await t?.close();
});

interface Items {
  reports: { items: { applications: { key: string; values: (number | null)[] }[]; findings: { rule: string; cells: string[] }[] }[] };
}
const report2021 = async () => {
  const res = await t.gql<Items>('{ reports(year: 2021) { items { applications { key values } findings { rule cells } } } }');
  expect(res.errors).toBeUndefined();
  return res.data!.reports.items[0]!;
};

it('reads the collapsed 2021 page as the stored 2020 report settles it, and leaves nothing uncertain', async () => {
  const stored = await ingestor.store(report2020(), Buffer.from('2020 report'), '2020.txt');
  expect(stored).toMatchObject({ status: 'stored', year: 2020 });

  const result = await ingestor.ingest(collapsedPage(), '017_putian_sjj_2021.txt');
  expect(result).toMatchObject({ status: 'stored', agencyName: '莆田市审计局', year: 2021 });
  const r = await report2021();
  const row = (key: string) => r.applications.find((a) => a.key === key)!.values;
  expect(row('carriedOver')).toEqual([1, 0, 0, 1, 0, 0, 2]);
  expect(row('granted')).toEqual([1, 0, 0, 1, 0, 0, 2]);
  expect(row('total')).toEqual([2, 0, 0, 1, 0, 0, 3]);
  expect(r.findings.filter((f) => f.rule === 'UNCERTAIN_READING')).toEqual([]);
  // And the carry across years holds, so no cross-year finding either.
  expect(r.findings.filter((f) => f.rule === 'CROSS_YEAR_CARRY')).toEqual([]);
});

it('keeps the scope of the agency’s previous report when the new one says nothing about it', async () => {
  // 鄂州市行政审批局's 2019 report stored as a whole-system aggregate; its 2020 page states no scope.
  const core = JSON.parse(readFileSync(join(SEED_REPORTS_DIR, '..', 'expected', '000_ezhou_xzspj_2020.json'), 'utf8')) as ParsedReportCore;
  Object.assign(core, { year: 2019, template: '2019', publishedOn: '2020-01-20' });
  const previous: ParsedReport = { ...report2020(), ...core, scope: 'system_aggregate', findings: checkReport(core) };
  expect(await ingestor.store(previous, Buffer.from('2019 report'), '2019.txt')).toMatchObject({ status: 'stored', year: 2019 });

  const result = await ingestor.ingest(readFileSync(join(SEED_REPORTS_DIR, '000_ezhou_xzspj_2020.txt')), '000_ezhou_xzspj_2020.txt');
  expect(result).toMatchObject({ status: 'stored', year: 2020 });
  const res = await t.gql<{ reports: { items: { scope: string; agency: { name: string } }[] } }>('{ reports(year: 2020) { items { scope agency { name } } } }');
  expect(res.data!.reports.items.find((r) => r.agency.name === '鄂州市行政审批局')?.scope).toBe('system_aggregate');
});

describe('the order in which an agency’s reports arrive does not change what is stored', () => {
  const HONGZE = '淮安市洪泽区人民政府';
  const file = (name: string) => readFileSync(join(SEED_REPORTS_DIR, name));
  const scopes = async () =>
    t.dataSource.query<{ year: number; scope: string }[]>(
      `SELECT r.year, r.scope FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.name = $1 AND r.is_current ORDER BY r.year`,
      [HONGZE],
    );

  it('洪泽区 2024 arrives first and is read as its own work; once 2023 (全区 …) arrives, 2024 is read again and keeps 2023’s scope', async () => {
    // The registry knows 2023's printed 洪泽区人民政府 as the same government.
    await seedAgencyRegistry(t.dataSource);
    expect(await ingestor.ingest(file('003_hongze_qu_2024.pdf'), '003_hongze_qu_2024.pdf')).toMatchObject({ status: 'stored', year: 2024 });
    // Its text says nothing of its scope and no earlier report is stored yet.
    expect(await scopes()).toEqual([{ year: 2024, scope: 'self' }]);

    expect(await ingestor.ingest(file('002_hongze_qu_2023.pdf'), '002_hongze_qu_2023.pdf')).toMatchObject({ status: 'stored', year: 2023 });
    expect(await scopes()).toEqual([
      { year: 2023, scope: 'region_aggregate' },
      { year: 2024, scope: 'region_aggregate' },
    ]);
    // Read again in place (the same version), and the audit log says so.
    const [audit] = await t.dataSource.query<{ n: number; versions: number }[]>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.name = $1 AND r.year = 2024) AS versions
         FROM audit_log l JOIN report r ON r.id = l.report_id JOIN agency a ON a.id = r.agency_id
        WHERE l.action = 'report.reparsed' AND a.name = $1 AND r.year = 2024`,
      [HONGZE],
    );
    expect(audit).toEqual({ n: 1, versions: 1 });

    // Read again later (as with a newer parser): the year before is given again, so the scope does not flip back.
    const [next2024] = await t.dataSource.query<{ id: number }[]>(
      `SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.name = $1 AND r.year = 2024 AND r.is_current`,
      [HONGZE],
    );
    expect(await reparseReport(t.dataSource, pool, next2024!.id, SYSTEM_ACTOR)).toMatchObject({ status: 'unchanged' });
    expect((await scopes()).map((r) => r.scope)).toEqual(['region_aggregate', 'region_aggregate']);
  });
});
