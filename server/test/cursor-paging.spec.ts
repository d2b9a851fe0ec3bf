/**
 * Cursor paging (GitHub-style connections) over real HTTP on the hand-built province of helpers/analytics-fixture.ts:
 * each long list — reports, findings, submissions, the audit log — walked page by page to the end gives exactly the
 * rows of its offset list, in the same order; rows added mid-walk neither shift a page (no repeats, no gaps) nor
 * show up behind the cursor; a department user pages through its own agency only; a garbled cursor, a cursor of
 * another list, first and last together and a page over 100 are refused with a code and a message in Chinese first.
 */
import { SYSTEM_ACTOR, appendAudit } from '@ogi/database';
import { seedAgencyRegistry } from '@ogi/write-model/agencies';
import {
  CITY,
  CITY_EDU,
  CITY_POLICE,
  DISTRICT_EDU,
  REGISTRY,
  storeOnlyIngestor,
  storeReport,
  loadFixture,
  type FixtureReport,
} from './helpers/analytics-fixture.js';
import { errorCodes, startTestApp, type ApiClient, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let id: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  id = await loadFixture(t.dataSource);
});

afterAll(async () => {
  await t?.close();
});

interface Connection<N> {
  edges: { cursor: string; node: N }[];
  nodes: N[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

/** The lists: their connection query, their offset query, and how to name a row. */
const LISTS = {
  reports: {
    connection: `query($first: Int, $after: String, $last: Int, $before: String) {
      page: reportsConnection(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id year agency { id } } } nodes { id } ${PAGE_INFO} } }`,
    offset: '{ page: reports(take: 100) { items { id year agency { id } } total } }',
    key: (r: { id: string }) => r.id,
  },
  findings: {
    connection: `query($first: Int, $after: String, $last: Int, $before: String) {
      page: findingsConnection(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { reportId year rule severity cells agency { id } } } nodes { reportId } ${PAGE_INFO} } }`,
    offset: '{ page: findings(take: 100) { items { reportId year rule severity cells agency { id } } total } }',
    key: (f: { reportId: string; rule: string; cells: string[] }) => `${f.reportId}/${f.rule}/${f.cells.join('+')}`,
  },
  submissions: {
    connection: `query($first: Int, $after: String, $last: Int, $before: String) {
      page: submissionsConnection(years: [2023, 2022], first: $first, after: $after, last: $last, before: $before) { edges { cursor node { year status agency { id name } } } nodes { year } ${PAGE_INFO} } }`,
    offset: '{ page: submissions(years: [2023, 2022]) { year status agency { id name } } }',
    key: (s: { year: number; agency: { id: string } }) => `${s.agency.id}/${s.year}`,
  },
  auditLog: {
    connection: `query($first: Int, $after: String, $last: Int, $before: String) {
      page: auditLogConnection(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id action reportId } } nodes { id } ${PAGE_INFO} } }`,
    offset: '{ page: auditLog(take: 100) { items { id action reportId } total } }',
    key: (e: { id: string }) => e.id,
  },
} as const;
type ListName = keyof typeof LISTS;

async function page<N>(list: ListName, variables: Record<string, unknown>, as: ApiClient = t.admin): Promise<Connection<N>> {
  const res = await as.gql<{ page: Connection<N> }>(LISTS[list].connection, variables);
  if (!res.data?.page) throw new Error(`${list}: ${JSON.stringify(res.errors)}`);
  return res.data.page;
}

/** The offset list as it stands (every row: each list here is shorter than 100). */
async function offsetList<N>(list: ListName, as: ApiClient = t.admin): Promise<N[]> {
  const res = await as.gql<{ page: N[] | { items: N[]; total: number } }>(LISTS[list].offset);
  if (!res.data?.page) throw new Error(`${list}: ${JSON.stringify(res.errors)}`);
  const p = res.data.page;
  return Array.isArray(p) ? p : p.items;
}

/**
 * Walks a list to its end, `size` at a time, forward (first/after) or backward (last/before); calls `between`
 * after the first page. Returns the rows in list order and the pages seen; checks each page's own bookkeeping.
 */
async function walk<N>(list: ListName, size: number, options: { backward?: boolean; between?: () => Promise<void>; as?: ApiClient } = {}) {
  const rows: N[] = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    const p: Connection<N> = await page<N>(list, options.backward ? { last: size, before: cursor } : { first: size, after: cursor }, options.as);
    pages += 1;
    expect(p.edges.length).toBeLessThanOrEqual(size);
    expect(p.nodes.length).toBe(p.edges.length);
    expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
    expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
    const nodes = p.edges.map((e) => e.node);
    if (options.backward) rows.unshift(...nodes);
    else rows.push(...nodes);
    // Coming from a cursor, there is always something on the side already walked.
    if (cursor) expect(options.backward ? p.pageInfo.hasNextPage : p.pageInfo.hasPreviousPage).toBe(true);
    if (pages === 1 && options.between) await options.between();
    const more = options.backward ? p.pageInfo.hasPreviousPage : p.pageInfo.hasNextPage;
    if (!more) break;
    cursor = options.backward ? p.pageInfo.startCursor : p.pageInfo.endCursor;
    if (pages > 100) throw new Error('the walk does not end');
  }
  return { rows, pages };
}

const keysOf = (list: ListName, rows: unknown[]) => rows.map((r) => (LISTS[list].key as (x: unknown) => string)(r));

/** Stores a fixture report; its id. */
async function stored(r: FixtureReport): Promise<string> {
  const result = await storeReport(storeOnlyIngestor(t.dataSource), r);
  if (result.status !== 'stored') throw new Error('not stored');
  return String(result.reportId);
}

/** A report that does not add up (printed 予以公开 总计 6 ≠ 5), so it carries an error finding. */
const failing = (agency: string, year: number): FixtureReport => ({
  agency,
  year,
  publishedOn: null,
  n: 10,
  g: 5,
  p: 0,
  w: 5,
  u: 0,
  legal: 0,
  grantedTotalPrinted: 6,
});

describe('walking every list to the end', () => {
  it.each(['reports', 'findings', 'submissions'] as const)('%s: page by page, forward and backward, the same rows as the offset list', async (list) => {
    const all = keysOf(list, await offsetList(list));
    // 11 reports, 4 findings, 6 agencies × 2 years.
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(new Set(all).size).toBe(all.length);
    const forward = await walk(list, 2);
    expect(keysOf(list, forward.rows)).toEqual(all);
    expect(forward.pages).toBe(Math.ceil(all.length / 2));
    const backward = await walk(list, 3, { backward: true });
    expect(keysOf(list, backward.rows)).toEqual(all);
    const first = await page(list, { first: 3 });
    expect(first.totalCount).toBe(all.length);
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('reports: a report added before the cursor stays out of the walk, one added after it comes in; nothing repeats or goes missing', async () => {
    let before = '';
    let after = '';
    const { rows } = await walk<{ id: string }>('reports', 3, {
      between: async () => {
        // Newest year first: 2025 sorts before every page already read, 2021 after every one.
        before = await stored(failing(CITY, 2025));
        after = await stored(failing(CITY_EDU, 2021));
      },
    });
    const now = keysOf('reports', await offsetList('reports'));
    const walked = keysOf('reports', rows);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toContain(after);
    expect(walked).not.toContain(before);
    expect(walked).toEqual(now.filter((k) => k !== before));
  });

  it('findings: the same with the findings of reports added mid-walk', async () => {
    let before = '';
    let after = '';
    const { rows } = await walk<{ reportId: string }>('findings', 3, {
      between: async () => {
        before = await stored(failing(CITY_EDU, 2026));
        after = await stored(failing(CITY_POLICE, 2020));
      },
    });
    const now = await offsetList<{ reportId: string }>('findings');
    const walked = keysOf('findings', rows);
    expect(new Set(walked).size).toBe(walked.length);
    expect(rows.some((f) => f.reportId === after)).toBe(true);
    expect(rows.some((f) => f.reportId === before)).toBe(false);
    expect(now.some((f) => f.reportId === before)).toBe(true);
    expect(walked).toEqual(
      keysOf(
        'findings',
        now.filter((f) => f.reportId !== before),
      ),
    );
  });

  it('submissions: an agency added mid-walk shows in the year not yet reached, not in the one already read', async () => {
    const { rows } = await walk<{ year: number; agency: { id: string; name: string } }>('submissions', 4, {
      between: async () => {
        // 丁 (U+4E01) sorts before 甲 (U+7532): first in each year, so behind the cursor in 2023 and ahead of it in 2022.
        await seedAgencyRegistry(t.dataSource, [...REGISTRY, { name: '丁市人民政府', kind: 'government', level: 'city' }]);
      },
    });
    const now = await offsetList<{ year: number; agency: { id: string; name: string } }>('submissions');
    const added = now.filter((s) => s.agency.name === '丁市人民政府');
    expect(added.map((s) => s.year)).toEqual([2023, 2022]);
    const walked = keysOf('submissions', rows);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(keysOf('submissions', now).filter((k) => k !== `${added[0]!.agency.id}/2023`));
  });

  it('audit log: entries appended while paging (they are the newest) do not shift the pages being read', async () => {
    const append = (n: number) => appendAudit(t.dataSource.manager, { actor: SYSTEM_ACTOR, action: 'report.reparsed', reportId: n, detail: { n } });
    const reportIds = keysOf('reports', await offsetList('reports')).map(Number);
    for (const r of reportIds.slice(0, 7)) await append(r);
    const start = keysOf('auditLog', await offsetList('auditLog'));
    expect(start.length).toBeGreaterThanOrEqual(7);
    expect([...start].sort((a, b) => Number(b) - Number(a))).toEqual(start); // newest first
    const { rows } = await walk<{ id: string }>('auditLog', 3, {
      between: async () => {
        await append(reportIds[0]!);
        await append(reportIds[1]!);
      },
    });
    expect(keysOf('auditLog', rows)).toEqual(start);
    const now = keysOf('auditLog', await offsetList('auditLog'));
    expect(now.length).toBe(start.length + 2);
    expect(now.slice(2)).toEqual(start);
    expect(keysOf('auditLog', (await walk('auditLog', 4, { backward: true })).rows)).toEqual(now);
  });
});

describe('a department user', () => {
  it('pages through its own agency only, whatever cursor it is given', async () => {
    const dept = await t.signInAs('department', { agencyId: Number(id[DISTRICT_EDU]) });
    const reports = await walk<{ agency: { id: string } }>('reports', 1, { as: dept });
    expect(reports.rows.length).toBe(2); // 2022 and 2023
    expect(reports.rows.every((r) => r.agency.id === id[DISTRICT_EDU])).toBe(true);
    expect((await page('reports', { first: 1 }, dept)).totalCount).toBe(2);
    const findings = await walk<{ agency: { id: string } }>('findings', 2, { as: dept });
    expect(findings.rows.every((f) => f.agency.id === id[DISTRICT_EDU])).toBe(true);
    expect(keysOf('findings', findings.rows)).toEqual(keysOf('findings', await offsetList('findings', dept)));
    const submissions = await walk<{ year: number; agency: { id: string } }>('submissions', 1, { as: dept });
    expect(submissions.rows.map((s) => [s.agency.id, s.year])).toEqual([
      [id[DISTRICT_EDU], 2023],
      [id[DISTRICT_EDU], 2022],
    ]);
    // A cursor taken from the administrator's walk moves the window; it never widens the scope.
    const adminPage = await page('reports', { first: 2 });
    const fromAdmin = await page<{ agency: { id: string } }>('reports', { first: 10, after: adminPage.pageInfo.endCursor }, dept);
    expect(fromAdmin.nodes.length).toBeLessThanOrEqual(2);
    expect(fromAdmin.edges.every((e) => e.node.agency.id === id[DISTRICT_EDU])).toBe(true);
    // The audit log is for editors and administrators, paged or not.
    expect(errorCodes(await dept.gql(LISTS.auditLog.connection, { first: 5 }))).toEqual(['FORBIDDEN']);
  });
});

describe('refusals', () => {
  const reasonAndMessage = (r: GraphqlResponse<unknown>) => ({
    code: r.errors?.[0]?.extensions?.['code'],
    reason: r.errors?.[0]?.extensions?.['reason'],
    message: r.errors?.[0]?.message,
    data: r.data?.['page' as keyof typeof r.data] ?? null,
  });

  it('a garbled cursor, a forged one and one of another list are INVALID_CURSOR, in Chinese first', async () => {
    const real = (await page('reports', { first: 2 })).pageInfo.endCursor!;
    const flipped = `${real.slice(0, 4)}${real[4] === 'x' ? 'y' : 'x'}${real.slice(5)}`;
    const forged = Buffer.from(JSON.stringify(['reports', '2023; DROP TABLE report', 'x', 1])).toString('base64url');
    const cases: [ListName, string, string][] = [
      ['reports', 'after', flipped],
      ['reports', 'before', 'not-a-cursor'],
      ['reports', 'after', forged],
      ['findings', 'after', real],
      ['auditLog', 'before', real],
    ];
    const countsBefore = await t.rowCounts();
    for (const [list, argument, cursor] of cases) {
      const res = await t.gql(LISTS[list].connection, { [argument]: cursor, ...(argument === 'before' ? { last: 2 } : { first: 2 }) });
      expect([list, argument, reasonAndMessage(res)]).toEqual([
        list,
        argument,
        { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR', message: expect.stringMatching(new RegExp(`^${argument}: 分页游标无效`)), data: null },
      ]);
    }
    expect(await t.rowCounts()).toEqual(countsBefore);
  });

  it('first over 100, first below 1 and first with last are refused, saying what is allowed', async () => {
    const tooMany = await t.gql(LISTS.reports.connection, { first: 101 });
    expect(reasonAndMessage(tooMany)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ARGUMENTS',
      message: expect.stringContaining('first: 每页 1 到 100 条'),
    });
    const none = await t.gql(LISTS.findings.connection, { last: 0 });
    expect(reasonAndMessage(none)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('last: 每页 1 到 100 条') });
    const both = await t.gql(LISTS.submissions.connection, { first: 2, last: 2 });
    expect(reasonAndMessage(both)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FIRST_AND_LAST',
      message: expect.stringMatching(/^first 与 last 只能给一个/),
    });
    // 100 is allowed; without first or last a page holds 50.
    expect((await page('reports', { first: 100 })).pageInfo.hasNextPage).toBe(false);
    expect((await page('findings', {})).edges.length).toBe(Math.min(50, (await offsetList('findings')).length));
  });
});
