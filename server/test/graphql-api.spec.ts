/**
 * The seed report imported through the real parser, then read back over GraphQL the way the dashboard reads it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_ROWS, DISCLOSURE_ROWS, REVIEW_GROUPS } from '@ogi/domain';
import { parse, print } from 'graphql';
import { PAGE_SESSION_QUERY } from '../src/modules/accounts/page-session.js';
import { SEED_REPORT, SERVER_DIR, errorCodes, startTestApp, type ApiClient, type TestApp } from './helpers/test-app.js';

interface ApplicationRow {
  key: string;
  number: string;
  label: string;
  values: (number | null)[];
  cells: ({ raw: string; sourceStart: number | null; sourceEnd: number | null } | null)[];
}
interface Finding {
  rule: string;
  status: string;
  cells: string[];
  expected: number | null;
  actual: number | null;
  messageZh: string;
}
interface Report {
  id: string;
  year: number;
  template: string;
  scope: string;
  printedAgencyName: string | null;
  publishedOn: string | null;
  deadline: string;
  daysLate: number | null;
  sourceFileName: string;
  format: string;
  version: number;
  isCurrent: boolean;
  text: string;
  agency: { id: string; name: string; kind: string };
  activeDisclosure: { key: string; label: string; fields: { key: string; value: number | null }[] }[];
  applications: ApplicationRow[];
  reviewLitigation: { key: string; label: string; values: (number | null)[] }[];
  findings: Finding[];
  versions: { id: string; version: number; isCurrent: boolean }[];
}

const REPORT_FIELDS = `
  id year template scope printedAgencyName publishedOn deadline daysLate sourceFileName format version isCurrent text
  agency { id name kind }
  activeDisclosure { key label fields { key value } }
  applications { key number label values cells { raw sourceStart sourceEnd } }
  reviewLitigation { key label values }
  findings { rule status cells expected actual messageZh }
  versions { id version isCurrent }`;

let t: TestApp;
let report: Report;

beforeAll(async () => {
  t = await startTestApp();
  const {
    results: [result],
  } = await t.ingest.ingestPaths([SEED_REPORT]);
  expect(result).toMatchObject({ status: 'stored', agencyName: '鄂州市行政审批局', year: 2020, version: 1 });
  const res = await t.gql<{ reports: { total: number; items: Report[] } }>(`{ reports(year: 2020, take: 5) { total items { ${REPORT_FIELDS} } } }`);
  expect(res.errors).toBeUndefined();
  report = res.data!.reports.items[0]!;
});

afterAll(async () => {
  await t?.close();
});

const row = (key: string) => report.applications.find((r) => r.key === key)!;

describe('the seed report over GraphQL', () => {
  it('is 鄂州市行政审批局 2020, in the 2019 format, published on time', () => {
    expect(report).toMatchObject({
      year: 2020,
      template: '2019',
      scope: 'self',
      publishedOn: '2021-01-24',
      deadline: '2021-01-31',
      daysLate: 0,
      sourceFileName: '000_ezhou_xzspj_2020.txt',
      format: 'text',
      version: 1,
      isCurrent: true,
      agency: { name: '鄂州市行政审批局', kind: 'department' },
    });
    expect(report.versions).toEqual([{ id: report.id, version: 1, isCurrent: true }]);
  });

  it('prints section 三 as the report does: 29 new applications, 19 granted, 29 handled', () => {
    expect(row('newReceived').values).toEqual([29, 0, 0, 0, 0, 0, 29]);
    expect(row('granted').values[6]).toBe(19);
    expect(row('total').values).toEqual([23, 3, 0, 0, 0, 3, 29]);
    expect(row('notProcessed.complaint').values).toEqual([2, 3, 0, 0, 0, 3, 8]);
  });

  it('lists the rows of the 2019 format in printed order, with the official labels', () => {
    const expectedKeys = APPLICATION_ROWS.filter((r) => r.templates.includes('2019')).map((r) => r.key);
    expect(report.applications.map((r) => r.key)).toEqual(expectedKeys);
    expect(row('newReceived')).toMatchObject({ number: '一、', label: '本年新收政府信息公开申请数量' });
    expect(report.activeDisclosure.map((r) => r.label)).toEqual(DISCLOSURE_ROWS['2019'].map((r) => r.label));
    expect(report.reviewLitigation.map((r) => r.label)).toEqual(REVIEW_GROUPS.map((g) => g.label));
  });

  it('keeps blank cells blank and money as printed', () => {
    const regulations = report.activeDisclosure.find((r) => r.key === 'regulations')!;
    expect(regulations.fields.map((f) => f.value)).toEqual([null, null, null]);
    const procurement = report.activeDisclosure.find((r) => r.key === 'procurement')!;
    expect(procurement.fields).toEqual([
      { key: 'projects', value: 11 },
      { key: 'amountWan', value: 278.334 },
    ]);
  });

  it('flags the columns where 新收 + 上年结转 ≠ 办理总计 + 结转下年度', () => {
    const balance = report.findings.filter((f) => f.rule === 'S3_BALANCE' && f.status === 'failed');
    const byColumn = (c: number) => balance.find((f) => f.cells.includes(`applications.newReceived[${c}]`));
    // The outcome rows add up to 办理总计, so the finding names 本年新收 as off: expected what was handled.
    expect(byColumn(0)).toMatchObject({ expected: 23, actual: 29 });
    expect(byColumn(1)).toMatchObject({ expected: 3, actual: 0 });
    expect(byColumn(5)).toMatchObject({ expected: 3, actual: 0 });
    expect(byColumn(6)).toBeUndefined();
    expect(byColumn(0)!.messageZh).toContain('自然人');
  });

  it("points each cell's evidence at the characters it was read from in the report text", () => {
    const cell = row('newReceived').cells[6]!;
    expect(cell.sourceStart).not.toBeNull();
    expect(report.text.slice(cell.sourceStart!, cell.sourceEnd!)).toBe(cell.raw);
    expect(cell.raw).toContain('29');
  });
});

describe('agencies', () => {
  it('finds the agency by part of its name, with its current reports', async () => {
    const res = await t.gql<{ agencies: { total: number; items: { name: string; level: string; reports: { year: number }[] }[] } }>(
      '{ agencies(search: "行政审批") { total items { name level reports { year } } } }',
    );
    expect(res.data?.agencies).toEqual({ total: 1, items: [{ name: '鄂州市行政审批局', level: 'city', reports: [{ year: 2020 }] }] });
    const none = await t.gql<{ agencies: { total: number } }>('{ agencies(search: "公安局") { total } }');
    expect(none.data?.agencies.total).toBe(0);
  });

  it('returns one agency by id', async () => {
    const res = await t.gql<{ agency: { name: string } }>('query($id: ID!) { agency(id: $id) { name } }', { id: report.agency.id });
    expect(res.data?.agency.name).toBe('鄂州市行政审批局');
  });
});

describe('errors a client can act on', () => {
  it('answers an unknown agency or report with NOT_FOUND', async () => {
    expect(errorCodes(await t.gql('{ agency(id: "999999") { name } }'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await t.gql('{ report(id: "999999") { year } }'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await t.gql('{ report(id: "not-an-id") { year } }'))).toEqual(['NOT_FOUND']);
  });

  it('answers paging out of bounds with BAD_USER_INPUT', async () => {
    expect(errorCodes(await t.gql('{ agencies(take: 101) { total } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql('{ reports(skip: -1) { total } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql('{ reports(agencyId: "x1") { total } }'))).toEqual(['BAD_USER_INPUT']);
    const ok = await t.gql<{ agencies: { total: number } }>('{ agencies(take: 100) { total } }');
    expect(ok.data?.agencies.total).toBe(1);
  });

  it("answers a bad argument of a field's own (not the query's) with BAD_USER_INPUT and a message, not as an internal error", async () => {
    const agency = report.agency.id;
    const res = await t.gql('query($id: ID!) { agency(id: $id) { name listingChecks(take: 1000) { outcome } } }', { id: agency });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toMatch(/take/);
    const ok = await t.gql<{ agency: { listingChecks: unknown[] } }>('query($id: ID!) { agency(id: $id) { listingChecks(take: 100) { outcome } } }', {
      id: agency,
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.agency.listingChecks).toEqual([]);
  });
});

describe('the running server', () => {
  it('serves the schema committed in server/schema.gql', async () => {
    const { GraphQLSchemaHost } = await import('@nestjs/graphql');
    const { schemaToText } = await import('../src/graphql-schema.js');
    const live = schemaToText(t.app.get(GraphQLSchemaHost).schema);
    expect(live).toBe(readFileSync(join(SERVER_DIR, 'schema.gql'), 'utf8'));
  });

  it('serves the dashboard at / and for its deep links, but not for API paths', async () => {
    for (const path of ['/', '/reports/1']) {
      const res = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('OGI dashboard');
    }
    const api = await fetch(`${t.url}/api/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
  });

  it("carries the asker's session in the page, the same as the dashboard's Session query answers, and keeps it out of caches", async () => {
    const pageSession = async (client: ApiClient) => {
      const res = await client.fetch('/reports/1', { headers: { accept: 'text/html' } });
      expect(res.headers.get('cache-control')).toBe('no-store');
      const block = /<script id="ogi-session" type="application\/json">(.*?)<\/script>/.exec(await res.text());
      return block ? (JSON.parse(block[1]!) as unknown) : 'no session in the page';
    };
    const asked = async (client: ApiClient) => (await client.gql<{ session: unknown }>(PAGE_SESSION_QUERY)).data?.session;

    const viewer = await t.signInAs('viewer');
    const fromPage = await pageSession(viewer);
    expect(fromPage).toMatchObject({ csrfToken: viewer.csrfToken, user: { username: viewer.user!.username, role: 'viewer', agency: null } });
    expect(fromPage).toEqual(await asked(viewer));
    expect(await pageSession(t.anonymous)).toBeNull();
  });

  it("asks for the session with the dashboard's own Session query", () => {
    const clientDocument = readFileSync(join(SERVER_DIR, '../client/src/graphql/session.query.graphql'), 'utf8');
    expect(print(parse(PAGE_SESSION_QUERY))).toBe(print(parse(clientDocument)));
  });
});
