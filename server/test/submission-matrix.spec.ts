/**
 * What the quality page, the overview and the briefing read instead of every agency × year row, over real HTTP on
 * the sample reports and the hand-built province of helpers/analytics-fixture.ts: the per-year summary counts what
 * the full `submissions` list holds; the matrix, paged by cursor, lists every agency exactly once, filtered by a tile
 * and sorted by a column as worked out by hand from the fixture's table; the overview's filtered list holds exactly
 * the rows of the kinds asked. Bad sort and filter arguments are refused with a code.
 *
 * The fixture's statuses (today is past every deadline of 2022 and 2023; 2099 is not due):
 *   2022: 甲市人民政府, 甲市教育局, 甲市乙区人民政府, 甲市乙区卫生健康委员会 on time; 甲市乙区教育局 10 days late;
 *         甲市公安局 no report, never checked.
 *   2023: 甲市人民政府, 甲市乙区人民政府 (published on its deadline), 甲市乙区教育局, 甲市乙区卫生健康委员会 on time;
 *         甲市教育局 5 days late; 甲市公安局 no printed date, 2 failing checks.
 */
import { CITY, CITY_EDU, CITY_POLICE, DISTRICT, DISTRICT_EDU, DISTRICT_HEALTH } from './helpers/analytics-fixture.js';
import { errorCodes, startAppWithSamples, type SampleApp } from './helpers/test-app.js';

let t: SampleApp;
let id: Record<string, string>;

beforeAll(async () => {
  t = await startAppWithSamples({ fixture: true });
  id = t.agencyIds;
});

afterAll(async () => {
  await t?.close();
});

const FIXTURE = [CITY, CITY_EDU, CITY_POLICE, DISTRICT, DISTRICT_EDU, DISTRICT_HEALTH];
/** The hand-built city: its government and every agency under it. */
const cityTree = () => ({ agencyIds: FIXTURE.map((name) => id[name]) });

interface Summary {
  year: number;
  agencies: number;
  onTime: number;
  late: number;
  missing: number;
  notChecked: number;
  dateUnknown: number;
  notDue: number;
  failing: number;
  publishedNotImported: number;
}
const SUMMARY = `query($y: [Int!]!, $s: AgencySelection) {
  submissionSummary(years: $y, selection: $s) { year agencies onTime late missing notChecked dateUnknown notDue failing publishedNotImported } }`;

interface Row {
  agency: { id: string; name: string };
  problems: number;
  submissions: { year: number; status: string; failingChecks: number }[];
}
interface MatrixPage {
  nodes: Row[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}
const MATRIX = `query($y: [Int!]!, $s: AgencySelection, $filter: SubmissionFilter, $filterYear: Int, $sortBy: MatrixSortBy, $sortYear: Int, $dir: SortDirection, $first: Int, $after: String) {
  submissionMatrix(years: $y, selection: $s, filter: $filter, filterYear: $filterYear, sortBy: $sortBy, sortYear: $sortYear, sortDirection: $dir, first: $first, after: $after) {
    nodes { agency { id name } problems submissions { year status failingChecks } }
    pageInfo { hasNextPage endCursor } totalCount } }`;

/** Walks the matrix `size` agencies at a time to its end; the rows in order. */
async function walk(variables: Record<string, unknown>, size: number): Promise<{ rows: Row[]; pages: number; totalCount: number }> {
  const rows: Row[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount: number;
  for (;;) {
    const { submissionMatrix: page }: { submissionMatrix: MatrixPage } = await t.data<{ submissionMatrix: MatrixPage }>(MATRIX, {
      ...variables,
      first: size,
      after,
    });
    pages += 1;
    totalCount = page.totalCount;
    expect(page.nodes.length).toBeLessThanOrEqual(size);
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
    if (pages > 200) throw new Error('the walk does not end');
  }
  return { rows, pages, totalCount };
}

const names = (rows: Row[]) => rows.map((r) => r.agency.name);

describe('submissionSummary', () => {
  it("counts the hand-built city's agencies per year and status", async () => {
    const { submissionSummary } = await t.data<{ submissionSummary: Summary[] }>(SUMMARY, { y: [2022, 2023, 2099], s: cityTree() });
    const zero = { missing: 0, notChecked: 0, dateUnknown: 0, notDue: 0, failing: 0, publishedNotImported: 0 };
    expect(submissionSummary).toEqual([
      { ...zero, year: 2099, agencies: 6, onTime: 0, late: 0, notDue: 6 },
      { ...zero, year: 2023, agencies: 6, onTime: 4, late: 1, dateUnknown: 1, failing: 1 },
      { ...zero, year: 2022, agencies: 6, onTime: 4, late: 1, notChecked: 1 },
    ]);
  });

  it('over every agency (samples and the city), equals the counts of the rows of the full submissions list', async () => {
    const years = [2019, 2020, 2021, 2022, 2023, 2024];
    const [{ submissionSummary }, { submissions }] = await Promise.all([
      t.data<{ submissionSummary: Summary[] }>(SUMMARY, { y: years }),
      t.data<{ submissions: { year: number; status: string; failingChecks: number; reportId: string | null; discovery: string }[] }>(
        `query($y: [Int!]!) { submissions(years: $y) { year status failingChecks reportId discovery } }`,
        { y: years },
      ),
    ]);
    const field: Record<string, keyof Summary> = {
      ON_TIME: 'onTime',
      LATE: 'late',
      MISSING: 'missing',
      NOT_CHECKED: 'notChecked',
      DATE_UNKNOWN: 'dateUnknown',
      NOT_DUE: 'notDue',
    };
    const counted = new Map<number, Summary>();
    for (const y of [...years].reverse()) {
      counted.set(y, { year: y, agencies: 0, onTime: 0, late: 0, missing: 0, notChecked: 0, dateUnknown: 0, notDue: 0, failing: 0, publishedNotImported: 0 });
    }
    for (const s of submissions) {
      const c = counted.get(s.year)!;
      c.agencies++;
      (c[field[s.status]!] as number)++;
      if (s.failingChecks > 0) c.failing++;
      if (s.reportId === null && s.discovery === 'PUBLISHED_NOT_IMPORTED') c.publishedNotImported++;
    }
    expect(submissionSummary).toEqual([...counted.values()]);
    // The samples are there too: more agencies than the city's 6, and some of their reports fail checks.
    expect(submissionSummary[0]!.agencies).toBeGreaterThan(6);
    expect(submissionSummary.reduce((n, s) => n + s.onTime + s.late + s.dateUnknown, 0)).toBeGreaterThan(10);
  });
});

describe('submissionMatrix', () => {
  const Y = [2022, 2023];

  it('by default, the agencies with most to chase first, ties by name; each row carries its years newest first', async () => {
    const { rows, totalCount } = await walk({ y: Y, s: cityTree() }, 100);
    expect(totalCount).toBe(6);
    // Problems: 甲市教育局 1 (late 2023), 甲市乙区教育局 1 (late 2022), 甲市公安局 1 (2023 fails checks; 2022 unchecked
    // is not counted); the others 0. Names in code-point order (乙 < 人 < 公 < 教 after 甲市).
    expect(rows.map((r) => [r.agency.name, r.problems])).toEqual([
      [DISTRICT_EDU, 1],
      [CITY_POLICE, 1],
      [CITY_EDU, 1],
      [DISTRICT, 0],
      [DISTRICT_HEALTH, 0],
      [CITY, 0],
    ]);
    const police = rows.find((r) => r.agency.name === CITY_POLICE)!;
    expect(police.submissions).toEqual([
      { year: 2023, status: 'DATE_UNKNOWN', failingChecks: 2 },
      { year: 2022, status: 'NOT_CHECKED', failingChecks: 0 },
    ]);
  });

  it('pages of 2 give every agency exactly once, in the order of one page, whatever the sort', async () => {
    for (const order of [{}, { sortBy: 'AGENCY' }, { sortBy: 'AGENCY', dir: 'DESC' }, { sortBy: 'YEAR', sortYear: 2023 }, { sortBy: 'PROBLEMS', dir: 'ASC' }]) {
      const whole = await walk({ y: Y, s: cityTree(), ...order }, 100);
      const paged = await walk({ y: Y, s: cityTree(), ...order }, 2);
      expect(paged.pages).toBe(3);
      expect(paged.totalCount).toBe(6);
      expect(names(paged.rows)).toEqual(names(whole.rows));
      expect(new Set(names(paged.rows)).size).toBe(6);
    }
  });

  it('every agency of the whole database (samples included) exactly once, paged by 3', async () => {
    const paged = await walk({ y: Y }, 3);
    const ids = paged.rows.map((r) => r.agency.id);
    const count = (await t.dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM agency'))[0]!.count;
    expect(paged.totalCount).toBe(count);
    expect(new Set(ids).size).toBe(count);
    expect(ids).toHaveLength(count);
  });

  it("sorts a year's column worst first: late (by days), then no date with failing checks, then on time by name", async () => {
    const { rows } = await walk({ y: Y, s: cityTree(), sortBy: 'YEAR', sortYear: 2023 }, 100);
    expect(names(rows)).toEqual([CITY_EDU, CITY_POLICE, DISTRICT, DISTRICT_HEALTH, DISTRICT_EDU, CITY]);
    const asc = await walk({ y: Y, s: cityTree(), sortBy: 'YEAR', sortYear: 2022, dir: 'ASC' }, 100);
    // 2022: on time (4, by name), not checked (甲市公安局), 10 days late (甲市乙区教育局).
    expect(names(asc.rows)).toEqual([DISTRICT, DISTRICT_HEALTH, CITY, CITY_EDU, CITY_POLICE, DISTRICT_EDU]);
  });

  it('sorts by name both ways', async () => {
    expect(names((await walk({ y: Y, s: cityTree(), sortBy: 'AGENCY' }, 100)).rows)).toEqual([
      DISTRICT,
      DISTRICT_HEALTH,
      DISTRICT_EDU,
      CITY,
      CITY_POLICE,
      CITY_EDU,
    ]);
    expect(names((await walk({ y: Y, s: cityTree(), sortBy: 'AGENCY', dir: 'DESC' }, 100)).rows)).toEqual([
      CITY_EDU,
      CITY_POLICE,
      CITY,
      DISTRICT_EDU,
      DISTRICT_HEALTH,
      DISTRICT,
    ]);
  });

  it('a tile keeps the agencies with at least one agency-year of its kind (in one year, when given), with all their years', async () => {
    const late = await walk({ y: Y, s: cityTree(), filter: 'LATE', sortBy: 'AGENCY' }, 1);
    expect(names(late.rows)).toEqual([DISTRICT_EDU, CITY_EDU]);
    expect(late.totalCount).toBe(2);
    expect(late.rows[0]!.submissions.map((s) => s.status)).toEqual(['ON_TIME', 'LATE']);
    expect(names((await walk({ y: Y, s: cityTree(), filter: 'LATE', filterYear: 2023 }, 100)).rows)).toEqual([CITY_EDU]);
    expect(names((await walk({ y: Y, s: cityTree(), filter: 'FAILING' }, 100)).rows)).toEqual([CITY_POLICE]);
    expect(names((await walk({ y: Y, s: cityTree(), filter: 'NOT_CHECKED' }, 100)).rows)).toEqual([CITY_POLICE]);
    const none = await walk({ y: Y, s: cityTree(), filter: 'MISSING' }, 100);
    expect(none.rows).toEqual([]);
    expect(none.totalCount).toBe(0);
  });

  it('refuses a sort year or filter year outside the years asked, an unknown sort or filter, and a cursor of another order', async () => {
    const codes = async (v: Record<string, unknown>) => errorCodes(await t.gql(MATRIX, { y: Y, ...v }));
    const yearError = await t.gql(MATRIX, { y: Y, sortBy: 'YEAR', sortYear: 2021 });
    expect(errorCodes(yearError)).toEqual(['BAD_USER_INPUT']);
    expect(yearError.errors?.[0]?.message).toContain('2021 年不在所选年份');
    expect(await codes({ sortBy: 'YEAR' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ filter: 'LATE', filterYear: 2019 })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ sortBy: 'NAME' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ filter: 'late' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ dir: 'UP' })).toEqual(['BAD_USER_INPUT']);
    const first = await t.data<{ submissionMatrix: MatrixPage }>(MATRIX, { y: Y, s: cityTree(), first: 2 });
    expect(await codes({ s: cityTree(), sortBy: 'AGENCY', first: 2, after: first.submissionMatrix.pageInfo.endCursor })).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the quality page: the tiles and a page of the matrix in one operation', () => {
  const BOTH = `query($y: [Int!]!, $s: AgencySelection, $first: Int) {
    submissionSummary(years: $y, selection: $s) { year agencies onTime late missing notChecked dateUnknown notDue failing publishedNotImported }
    submissionMatrix(years: $y, selection: $s, first: $first) {
      nodes { agency { id name } problems submissions { year status failingChecks } }
      pageInfo { hasNextPage endCursor } totalCount } }`;

  /** The statements the server sends PostgreSQL while `run` runs (each still executed as sent). */
  async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const query = t.dataSource.query.bind(t.dataSource);
    t.dataSource.query = ((sql: string, ...rest: unknown[]) => {
      sent.push(sql);
      return (query as (sql: string, ...rest: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof t.dataSource.query;
    try {
      await run();
    } finally {
      t.dataSource.query = query;
    }
    return sent;
  }
  /** The one statement that works out the agency-years (the only one reading the editors' missing marks). */
  const agencyYearStatements = (sent: string[]) => sent.filter((sql) => sql.includes('submission_missing_mark'));

  it('gives the answers each gives alone, from one computation of the agency-years', async () => {
    for (const s of [cityTree(), undefined]) {
      const { submissionSummary } = await t.data<{ submissionSummary: Summary[] }>(SUMMARY, { y: [2022, 2023], s });
      const { submissionMatrix } = await t.data<{ submissionMatrix: MatrixPage }>(MATRIX, { y: [2022, 2023], s, first: 3 });
      let both: { submissionSummary: Summary[]; submissionMatrix: MatrixPage } | null = null;
      const sent = await statementsDuring(async () => {
        both = await t.data(BOTH, { y: [2022, 2023], s, first: 3 });
      });
      expect(both).toEqual({ submissionSummary, submissionMatrix });
      expect(agencyYearStatements(sent)).toHaveLength(1);
    }
    // The city's tiles as worked out by hand (see the top of this file), and its first page by problems.
    const city = await t.data<{ submissionSummary: Summary[]; submissionMatrix: MatrixPage }>(BOTH, { y: [2022, 2023], s: cityTree(), first: 3 });
    expect(city.submissionSummary.map((y) => [y.year, y.onTime, y.late, y.dateUnknown, y.notChecked])).toEqual([
      [2023, 4, 1, 1, 0],
      [2022, 4, 1, 0, 1],
    ]);
    expect(names(city.submissionMatrix.nodes)).toEqual([DISTRICT_EDU, CITY_POLICE, CITY_EDU]);
  });

  it('works the agency-years out again for another selection or other years, and in each operation', async () => {
    const twoSelections = `query($y: [Int!]!, $s: AgencySelection) {
      city: submissionSummary(years: $y, selection: $s) { year agencies }
      all: submissionSummary(years: $y) { year agencies }
      older: submissionSummary(years: [2022], selection: $s) { year agencies } }`;
    const sent = await statementsDuring(() => t.data(twoSelections, { y: [2022, 2023], s: cityTree() }));
    expect(agencyYearStatements(sent)).toHaveLength(3);
    const again = await statementsDuring(async () => {
      await t.data(SUMMARY, { y: [2023, 2022], s: cityTree() });
      await t.data(SUMMARY, { y: [2022, 2023], s: cityTree() });
    });
    expect(agencyYearStatements(again)).toHaveLength(2);
  });
});

describe('submissions, only some kinds (the overview)', () => {
  it('holds exactly the rows missing, late or failing checks', async () => {
    const Q = `query($y: [Int!]!, $s: AgencySelection, $only: [SubmissionFilter!]) { submissions(years: $y, selection: $s, only: $only) { agency { name } year status failingChecks } }`;
    const { submissions } = await t.data<{ submissions: { agency: { name: string }; year: number; status: string; failingChecks: number }[] }>(Q, {
      y: [2022, 2023],
      s: cityTree(),
      only: ['MISSING', 'LATE', 'FAILING'],
    });
    expect(submissions.map((s) => [s.year, s.agency.name, s.status])).toEqual([
      [2023, CITY_POLICE, 'DATE_UNKNOWN'],
      [2023, CITY_EDU, 'LATE'],
      [2022, DISTRICT_EDU, 'LATE'],
    ]);
    expect(errorCodes(await t.gql(Q, { y: [2023], only: ['SOMETIMES'] }))).toEqual(['BAD_USER_INPUT']);
  });
});
