/**
 * Ingest gives the parser the same agency's report of the year before when the new file leaves readings open:
 * a crawler page that prints each run of equal cells once (莆田市审计局, 2021) whose 上年结转 row "1 0 1 0 2" the
 * table's sums alone cannot place is read as last year's 结转下年度 says — through the real parser pool and a
 * real PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_REPORTS_DIR } from '@ogi/database';
import { ReportIngestor } from '@ogi/write-model/ingest';
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
