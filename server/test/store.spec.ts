/**
 * The store half of ingest, fed with reports built from the seed's expected parse (shared corpus) instead of the
 * parser: agency resolution, versions, cross-year carry checks in both directions, metrics.
 */
import { readFileSync } from 'node:fs';
import { ReportIngestor, type IngestResult } from '@ogi/write-model/ingest';
import { checkReport, type ParsedReport, type ParsedReportCore } from '@ogi/domain';
import { SEED_EXPECTED, SEED_REPORT, startTestApp, type TestApp } from './helpers/test-app.js';

/** The seed's expected parse as a ParsedReport, with the findings the shared rules give. */
function expectedReport(change: (core: ParsedReportCore) => void = () => undefined): ParsedReport {
  const core = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as ParsedReportCore;
  change(core);
  return {
    ...core,
    scope: 'self',
    format: 'text',
    encoding: 'utf-8',
    text: readFileSync(SEED_REPORT, 'utf8'),
    cells: [],
    narrative: [],
    findings: checkReport(core),
    notes: [],
    parserVersion: 'expected-json',
  };
}

let t: TestApp;
let ingestor: ReportIngestor;
let fileNo = 0;
/** Distinct bytes per stored report (the file identity is its sha256). */
const store = (report: ParsedReport): Promise<IngestResult> => {
  fileNo += 1;
  return ingestor.store(report, Buffer.from(`test file ${fileNo}`), `test-${fileNo}.txt`);
};

interface CarryResult {
  reports: { items: { year: number; version: number; findings: { rule: string; cells: string[]; expected: number; actual: number }[] }[] };
}
const carryFindings = async (year: number) => {
  const res = await t.gql<CarryResult>('query($y: Int) { reports(year: $y) { items { year version findings { rule cells expected actual } } } }', { y: year });
  expect(res.errors).toBeUndefined();
  return res.data!.reports.items[0]!.findings.filter((f) => f.rule === 'CROSS_YEAR_CARRY');
};

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  ingestor = new ReportIngestor(t.dataSource, {
    parse: () => Promise.reject(new Error('these tests store parsed reports directly')),
  });
});

afterAll(async () => {
  await t?.close();
});

describe('storing a parsed report', () => {
  it('creates the agency with kind and level from its name and stores every table value', async () => {
    const r = await store(expectedReport());
    expect(r).toMatchObject({ status: 'stored', agencyName: '鄂州市行政审批局', year: 2020, version: 1 });
    const res = await t.gql<{
      reports: {
        items: { agency: { kind: string; level: string }; applications: { key: string; values: number[] }[]; metrics: { code: string; value: number }[] }[];
      };
    }>('{ reports { items { agency { kind level } applications { key values } metrics { code value } } } }');
    const report = res.data!.reports.items[0]!;
    expect(report.agency).toEqual({ kind: 'department', level: 'city' });
    expect(report.applications.find((a) => a.key === 'total')!.values).toEqual([23, 3, 0, 0, 0, 3, 29]);
    const metric = (code: string) => report.metrics.find((m) => m.code === code)?.value;
    expect(metric('applications.new')).toBe(29);
    expect(metric('outcomes.disclosureRate')).toBeCloseTo(19 / 29);
  });

  it('files a report printed under an alias with the agency the alias belongs to', async () => {
    await t.dataSource.query(
      `INSERT INTO agency_alias (alias, agency_id, origin) SELECT '鄂州市审批局', id, 'manual' FROM agency WHERE name = '鄂州市行政审批局'`,
    );
    const r = await store(expectedReport((c) => Object.assign(c, { agency: '鄂州市 审批局', year: 2019, publishedOn: '2020-01-20' })));
    expect(r).toMatchObject({ status: 'stored', agencyName: '鄂州市行政审批局', year: 2019 });
    const agencies = await t.gql<{ agencies: { total: number } }>('{ agencies { total } }');
    expect(agencies.data!.agencies.total).toBe(1);
  });

  it('answers a report without an agency name, year or format with a clear code and writes nothing', async () => {
    const before = await t.rowCounts();
    expect(await store(expectedReport((c) => Object.assign(c, { agency: null })))).toMatchObject({ status: 'failed', error: { code: 'NO_AGENCY_NAME' } });
    expect(await store(expectedReport((c) => Object.assign(c, { year: null })))).toMatchObject({ status: 'failed', error: { code: 'NO_DATA_YEAR' } });
    expect(await store(expectedReport((c) => Object.assign(c, { template: null })))).toMatchObject({ status: 'failed', error: { code: 'NO_TEMPLATE' } });
    expect(await t.rowCounts()).toEqual(before);
  });

  it('treats a different file with the same contents as the current version as already present', async () => {
    const before = await t.rowCounts();
    expect(await store(expectedReport())).toMatchObject({ status: 'duplicate', reason: 'sameContent', version: 1 });
    expect(await t.rowCounts()).toEqual(before);
  });
});

describe("this year's 上年结转 against last year's 结转下年度", () => {
  it('flags a 2021 report whose carried-over figures differ from 2020 carried forward', async () => {
    const r = await store(
      expectedReport((c) => {
        Object.assign(c, { year: 2021, publishedOn: '2022-01-20' });
        c.applications['carriedOver'] = [1, 0, 0, 0, 0, 0, 1];
      }),
    );
    expect(r).toMatchObject({ status: 'stored', year: 2021 });
    const findings = await carryFindings(2021);
    expect(findings).toEqual([
      { rule: 'CROSS_YEAR_CARRY', cells: ['applications.carriedOver[0]'], expected: 0, actual: 1 },
      { rule: 'CROSS_YEAR_CARRY', cells: ['applications.carriedOver[6]'], expected: 0, actual: 1 },
    ]);
  });

  it('re-checks 2021 when a corrected 2020 version arrives, and the break disappears', async () => {
    const r = await store(
      expectedReport((c) => {
        c.applications['carriedForward'] = [1, 0, 0, 0, 0, 0, 1];
      }),
    );
    expect(r).toMatchObject({ status: 'stored', year: 2020, version: 2 });
    expect(await carryFindings(2021)).toEqual([]);
  });
});

describe('loading many reports', () => {
  /** SQL statements the server runs while answering one GraphQL request. */
  async function statementsFor(query: string): Promise<number> {
    const ds = t.dataSource as unknown as { logger: { logQuery: (...args: unknown[]) => unknown } };
    const original = ds.logger;
    let n = 0;
    ds.logger = new Proxy(original, {
      get: (target, prop, receiver) => (prop === 'logQuery' ? (...args: unknown[]) => (n++, target.logQuery(...args)) : Reflect.get(target, prop, receiver)),
    });
    try {
      const res = await t.gql(query);
      expect(res.errors).toBeUndefined();
      return n;
    } finally {
      ds.logger = original;
    }
  }

  it('costs the same number of queries for one report as for several (no N+1)', async () => {
    const fields =
      'items { agency { name aliases parent { name } reports { year } } applications { values } findings { rule } narrative { kind } metrics { code } versions { version } text }';
    // (A page of 10: every report's text counts 5,000 against the query's complexity budget of 100,000.)
    const one = await statementsFor(`{ reports(year: 2021, take: 10) { total ${fields} } }`);
    const all = await statementsFor(`{ reports(take: 10) { total ${fields} } }`);
    const page = await t.gql<{ reports: { total: number } }>('{ reports { total } }');
    expect(page.data!.reports.total).toBeGreaterThanOrEqual(3);
    expect(one).toBeGreaterThan(0);
    expect(all).toBe(one);
  });
});
