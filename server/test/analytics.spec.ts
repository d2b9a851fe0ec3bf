/**
 * Every analytics query over GraphQL on the hand-built province of helpers/analytics-fixture.ts. Each expected
 * number is worked out by hand in the test from the fixture's table (see the comments).
 */
import { CITY, CITY_EDU, CITY_POLICE, DISTRICT, DISTRICT_EDU, DISTRICT_HEALTH, loadFixture, reportText, REPORTS } from './helpers/analytics-fixture.js';
import { METRICS } from '@ogi/domain';
import { errorCodes, startTestApp, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let id: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  id = await loadFixture(t.dataSource);
});

afterAll(async () => {
  await t?.close();
});

/** The data of a response that must have no errors. */
async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res: GraphqlResponse<T> = await t.gql<T>(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const name = (agencyId: string | null) => Object.entries(id).find(([, v]) => v === agencyId)?.[0] ?? null;

describe('metricDefinitions', () => {
  it('is the shared dictionary, with formula and denominator', async () => {
    const { metricDefinitions } = await data<{
      metricDefinitions: { code: string; nameZh: string; denominatorZh: string | null; unit: string; templates: string[]; higherIsBetter: boolean | null }[];
    }>('{ metricDefinitions { code nameZh denominatorZh unit templates higherIsBetter } }');
    const rate = metricDefinitions.find((m) => m.code === 'outcomes.disclosureRate');
    expect(rate).toEqual({
      code: 'outcomes.disclosureRate',
      nameZh: '公开率',
      denominatorZh: '办结量（（七）总计）',
      unit: 'ratio',
      templates: ['2019', '2021'],
      higherIsBetter: true,
    });
    expect(metricDefinitions.find((m) => m.code === 'disclosure.feesAmountWan')?.templates).toEqual(['2021']);
  });
});

describe('compare', () => {
  const COMPARE = `query($s: AgencySelection!, $y: [Int!]!, $m: [String!]!) {
    compare(selection: $s, years: $y, metrics: $m) {
      agencies { id name } years metrics { code nameEn }
      values { agencyId year metric value numerator denominator reportId }
    } }`;

  it('"all departments of the city": its two departments × 2 years × 2 metrics, no entry where a report is missing', async () => {
    const { compare } = await data<{
      compare: {
        agencies: { name: string }[];
        years: number[];
        metrics: { code: string }[];
        values: {
          agencyId: string;
          year: number;
          metric: string;
          value: number | null;
          numerator: number | null;
          denominator: number | null;
          reportId: string;
        }[];
      };
    }>(COMPARE, { s: { parentId: id[CITY], kinds: ['department'] }, y: [2023, 2022], m: ['applications.new', 'outcomes.disclosureRate'] });
    // By name: 甲市公安局 before 甲市教育局 (code point order).
    expect(compare.agencies.map((a) => a.name)).toEqual([CITY_POLICE, CITY_EDU]);
    expect(compare.years).toEqual([2022, 2023]);
    expect(compare.metrics.map((m) => m.code)).toEqual(['applications.new', 'outcomes.disclosureRate']);
    expect(compare.values.map((v) => [name(v.agencyId), v.year, v.metric, v.value, v.numerator, v.denominator])).toEqual([
      // 公安局 has no 2022 report; in 2023 it printed 予以公开 总计 6 of 10 handled.
      [CITY_POLICE, 2023, 'applications.new', 10, 10, null],
      [CITY_POLICE, 2023, 'outcomes.disclosureRate', 0.6, 6, 10],
      [CITY_EDU, 2022, 'applications.new', 20, 20, null],
      [CITY_EDU, 2022, 'outcomes.disclosureRate', 0.5, 10, 20],
      [CITY_EDU, 2023, 'applications.new', 40, 40, null],
      [CITY_EDU, 2023, 'outcomes.disclosureRate', 0.75, 30, 40],
    ]);
    expect(compare.values.every((v) => /^\d+$/.test(v.reportId))).toBe(true);
  });

  it('an explicit list, and a metric the format lacks is null with its report', async () => {
    const { compare } = await data<{ compare: { values: { metric: string; value: number | null; reportId: string | null }[] } }>(COMPARE, {
      s: { agencyIds: [id[CITY]] },
      y: [2023],
      m: ['disclosure.feeItems'],
    });
    // The 2019-only fee item count does not apply to a 2021-format report.
    expect(compare.values).toEqual([
      { agencyId: id[CITY], year: 2023, metric: 'disclosure.feeItems', value: null, numerator: null, denominator: null, reportId: expect.any(String) },
    ]);
  });

  it('refuses unknown metrics, unknown agencies and out-of-range years with BAD_USER_INPUT / NOT_FOUND', async () => {
    const unknownMetric = await t.gql(COMPARE, { s: {}, y: [2023], m: ['outcomes.nope'] });
    expect(errorCodes(unknownMetric)).toEqual(['BAD_USER_INPUT']);
    expect(unknownMetric.errors![0]!.message).toContain('outcomes.nope');
    expect(unknownMetric.errors![0]!.extensions?.['reason']).toBe('UNKNOWN_METRIC');

    expect(errorCodes(await t.gql(COMPARE, { s: { agencyIds: ['999999'] }, y: [2023], m: ['applications.new'] }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await t.gql(COMPARE, { s: {}, y: [1999], m: ['applications.new'] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql(COMPARE, { s: {}, y: [], m: ['applications.new'] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql(COMPARE, { s: { kinds: ['ministry'] }, y: [2023], m: ['applications.new'] }))).toEqual(['BAD_USER_INPUT']);
    // Every dictionary metric may be asked for at once; one more is refused.
    const tooMany = Array.from({ length: METRICS.length + 1 }, () => 'applications.new');
    expect(errorCodes(await t.gql(COMPARE, { s: {}, y: [2023], m: tooMany }))).toEqual(['BAD_USER_INPUT']);
  });

  it("an agency's peers in one request: its kind under its parent (without a parent: its kind and level), itself included", async () => {
    const peers = async (of: string) =>
      (await data<{ compare: { agencies: { name: string }[] } }>(COMPARE, { s: { peersOf: of }, y: [2023], m: ['applications.new'] })).compare.agencies.map(
        (a) => a.name,
      );
    // The city's two departments; not the district's, which sit under the district.
    expect(await peers(id[CITY_EDU]!)).toEqual([CITY_POLICE, CITY_EDU]);
    expect(await peers(id[DISTRICT_HEALTH]!)).toEqual([DISTRICT_EDU, DISTRICT_HEALTH].sort());
    // The district is the only government under the city; the city has no parent and is the only city-level government.
    expect(await peers(id[DISTRICT]!)).toEqual([DISTRICT]);
    expect(await peers(id[CITY]!)).toEqual([CITY]);
    // With other conditions, all must hold.
    expect(
      (
        await data<{ compare: { agencies: { name: string }[] } }>(COMPARE, {
          s: { peersOf: id[CITY_EDU], agencyIds: [id[CITY_EDU]] },
          y: [2023],
          m: ['applications.new'],
        })
      ).compare.agencies.map((a) => a.name),
    ).toEqual([CITY_EDU]);
    const unknown = await t.gql(COMPARE, { s: { peersOf: '999999' }, y: [2023], m: ['applications.new'] });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const bad = await t.gql(COMPARE, { s: { peersOf: 'x' }, y: [2023], m: ['applications.new'] });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toContain('peersOf');
  });
});

describe('compare, ordered and paged on the server (a table of thousands of agencies shows one page)', () => {
  const PAGE = `query($s: AgencySelection!, $y: [Int!]!, $m: [String!]!, $sm: String, $sy: Int, $sd: SortDirection, $take: Int, $skip: Int) {
    compare(selection: $s, years: $y, metrics: $m, sortMetric: $sm, sortYear: $sy, sortDirection: $sd, take: $take, skip: $skip) {
      agencyCount agencies { name } values { agencyId year metric value }
    } }`;
  type Page = { compare: { agencyCount: number; agencies: { name: string }[]; values: { agencyId: string; year: number; metric: string; value: number }[] } };
  const NEW = ['applications.new'];
  // Names in code point order: 甲市乙区人民政府, 甲市乙区卫生健康委员会, 甲市乙区教育局, 甲市人民政府, 甲市公安局, 甲市教育局.
  // New applications in 2022 (the fixture's n): 市政府 80, 乙区 20, 市教育局 20, 乙区教育局 10, 乙区卫健委 2; 公安局 has no 2022 report.

  it('by a metric of one year, largest first: ties in name order, an agency without a value last; the count is of every agency', async () => {
    const { compare } = await data<Page>(PAGE, { s: {}, y: [2022], m: NEW, sm: 'applications.new' });
    expect(compare.agencyCount).toBe(6);
    expect(compare.agencies.map((a) => a.name)).toEqual([CITY, DISTRICT, CITY_EDU, DISTRICT_EDU, DISTRICT_HEALTH, CITY_POLICE]);
  });

  it('ascending keeps the agency without a value last, and ties still in name order', async () => {
    const { compare } = await data<Page>(PAGE, { s: {}, y: [2022], m: NEW, sm: 'applications.new', sd: 'ASC' });
    expect(compare.agencies.map((a) => a.name)).toEqual([DISTRICT_HEALTH, DISTRICT_EDU, DISTRICT, CITY_EDU, CITY, CITY_POLICE]);
  });

  it('a page: the agencies after `skip`, `take` of them, with the values of those agencies only (every year asked)', async () => {
    const { compare } = await data<Page>(PAGE, { s: {}, y: [2022, 2023], m: NEW, sm: 'applications.new', sy: 2022, take: 2, skip: 1 });
    expect(compare.agencyCount).toBe(6);
    expect(compare.agencies.map((a) => a.name)).toEqual([DISTRICT, CITY_EDU]);
    // 乙区 2023 is its region aggregate (n 100); 市教育局 2023 n 40.
    expect(compare.values.map((v) => [name(v.agencyId), v.year, v.value])).toEqual([
      [DISTRICT, 2022, 20],
      [DISTRICT, 2023, 100],
      [CITY_EDU, 2022, 20],
      [CITY_EDU, 2023, 40],
    ]);
  });

  it('by name, descending; the last page holds what is left', async () => {
    const { compare } = await data<Page>(PAGE, { s: {}, y: [2022], m: NEW, sd: 'DESC', take: 4, skip: 4 });
    expect(compare.agencies.map((a) => a.name)).toEqual([DISTRICT_HEALTH, DISTRICT]);
  });

  it('refuses an order by a metric or year not asked, a page over 100 and a negative skip with BAD_USER_INPUT and a message', async () => {
    const notAsked = await t.gql(PAGE, { s: {}, y: [2022], m: NEW, sm: 'outcomes.disclosureRate' });
    expect(errorCodes(notAsked)).toEqual(['BAD_USER_INPUT']);
    expect(notAsked.errors![0]!.extensions?.['reason']).toBe('SORT_METRIC_NOT_ASKED');
    expect(notAsked.errors![0]!.message).toContain('sortMetric：outcomes.disclosureRate 不在所选指标');

    const yearNotAsked = await t.gql(PAGE, { s: {}, y: [2022], m: NEW, sm: 'applications.new', sy: 2023 });
    expect(errorCodes(yearNotAsked)).toEqual(['BAD_USER_INPUT']);
    expect(yearNotAsked.errors![0]!.message).toContain('sortYear：2023 年不在所选年份');

    const yearAlone = await t.gql(PAGE, { s: {}, y: [2022], m: NEW, sy: 2022 });
    expect(errorCodes(yearAlone)).toEqual(['BAD_USER_INPUT']);
    expect(yearAlone.errors![0]!.message).toContain('sortYear 须与 sortMetric 一起使用');

    for (const take of [0, 101]) {
      const res = await t.gql(PAGE, { s: {}, y: [2022], m: NEW, take });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.message).toContain('take: 须为 1–100 之间的整数');
    }
    const negative = await t.gql(PAGE, { s: {}, y: [2022], m: NEW, skip: -1 });
    expect(errorCodes(negative)).toEqual(['BAD_USER_INPUT']);
    expect(negative.errors![0]!.message).toContain('skip: 须为不小于 0 的整数');
  });
});

describe('ranking', () => {
  const RANKING = `query($m: String!, $y: Int!, $s: AgencySelection, $min: Int, $o: RankOrder, $scopes: [ReportScope!], $take: Int, $skip: Int, $doubtful: Boolean) {
    ranking(metric: $m, year: $y, selection: $s, minSample: $min, order: $o, scopes: $scopes, take: $take, skip: $skip, includeDoubtful: $doubtful) {
      total excludedBelowMinSample excludedByQuality excludedWithoutValue withoutReport scope items { rank agency { name } value sample quality }
    } }`;
  type Ranking = {
    ranking: {
      total: number;
      excludedBelowMinSample: number;
      excludedByQuality: number;
      excludedWithoutValue: number;
      withoutReport: number;
      scope: string;
      items: { rank: number; agency: { name: string }; value: number; sample: number; quality: string }[];
    };
  };

  it('2023 disclosure rate by default: own reports only, sample ≥ 30, the contradicted value left out; each exclusion counted', async () => {
    const { ranking } = await data<Ranking>(RANKING, { m: 'outcomes.disclosureRate', y: 2023 });
    // Own (self) reports of 2023: 教育局 30/40, 市政府 60/100, 公安局 6/10, 乙区卫健委 25/50, 乙区教育局 15/30; 乙区 published an
    // aggregate (another scope). 公安局's 予以公开 总计 6 contradicts its row (5 + 0…): left out before the sample test.
    // Samples ≥ 30 (the default): all four remaining. 卫健委 and 乙区教育局 tie at 0.5 (卫 < 教 by code point).
    expect(ranking.items.map((i) => [i.rank, i.agency.name, i.value, i.sample, i.quality])).toEqual([
      [1, CITY_EDU, 0.75, 40, 'VERIFIED'],
      [2, CITY, 0.6, 100, 'VERIFIED'],
      [3, DISTRICT_HEALTH, 0.5, 50, 'VERIFIED'],
      [3, DISTRICT_EDU, 0.5, 30, 'VERIFIED'],
    ]);
    expect(ranking).toMatchObject({ total: 4, excludedBelowMinSample: 0, excludedByQuality: 1, excludedWithoutValue: 0, withoutReport: 1, scope: 'self' });
  });

  it('includeDoubtful ranks the contradicted value too, marked; ties share a rank and the next rank is skipped', async () => {
    const { ranking } = await data<Ranking>(RANKING, { m: 'outcomes.disclosureRate', y: 2023, min: 0, doubtful: true });
    // 市政府 60/100 and 公安局 6/10 tie at 0.6 (人 < 公).
    expect(ranking.items.map((i) => [i.rank, i.agency.name, i.quality])).toEqual([
      [1, CITY_EDU, 'VERIFIED'],
      [2, CITY, 'VERIFIED'],
      [2, CITY_POLICE, 'CONTRADICTED'],
      [4, DISTRICT_HEALTH, 'VERIFIED'],
      [4, DISTRICT_EDU, 'VERIFIED'],
    ]);
    expect(ranking.excludedByQuality).toBe(0);
  });

  it('a ranking never mixes scopes: the aggregates rank among themselves, and asking for two scopes is refused', async () => {
    const { ranking } = await data<Ranking>(RANKING, { m: 'outcomes.disclosureRate', y: 2023, min: 0, scopes: ['region_aggregate'] });
    expect(ranking.items.map((i) => [i.rank, i.agency.name, i.value])).toEqual([[1, DISTRICT, 0.5]]);
    expect(ranking.withoutReport).toBe(5);
    const mixed = await t.gql(RANKING, { m: 'outcomes.disclosureRate', y: 2023, scopes: ['self', 'region_aggregate'] });
    expect(errorCodes(mixed)).toEqual(['BAD_USER_INPUT']);
    expect(mixed.errors![0]!.extensions?.['reason']).toBe('MIXED_SCOPES');
    expect(mixed.errors![0]!.message).toContain('排名不能混合不同口径');
  });

  it('a minimum sample leaves small agencies out and counts them; paging keeps the ranks', async () => {
    const { ranking } = await data<Ranking>(RANKING, { m: 'outcomes.disclosureRate', y: 2023, min: 31, take: 2, skip: 1 });
    // Samples ≥ 31 among the trusted own reports: 教育局 40, 市政府 100, 乙区卫健委 50 → ranks 1, 2, 3; 乙区教育局 (30) left out.
    expect(ranking.total).toBe(3);
    expect(ranking.excludedBelowMinSample).toBe(1);
    expect(ranking.excludedByQuality).toBe(1);
    expect(ranking.items.map((i) => [i.rank, i.agency.name])).toEqual([
      [2, CITY],
      [3, DISTRICT_HEALTH],
    ]);
  });

  it('counts use the applications handled as their sample; order and scopes can be chosen', async () => {
    const { ranking } = await data<Ranking>(RANKING, { m: 'applications.new', y: 2022, min: 0, o: 'ASC', scopes: ['self'] });
    // 2022: 乙区卫健委 2, 乙区教育局 10, 乙区 20 and 教育局 20 (tie; 乙 < 教), 市政府 80.
    expect(ranking.items.map((i) => [i.rank, i.agency.name, i.value, i.sample])).toEqual([
      [1, DISTRICT_HEALTH, 2, 2],
      [2, DISTRICT_EDU, 10, 10],
      [3, DISTRICT, 20, 20],
      [3, CITY_EDU, 20, 20],
      [5, CITY, 80, 80],
    ]);
    const selfOnly = await data<Ranking>(RANKING, { m: 'applications.new', y: 2023, min: 0, scopes: ['self'] });
    expect(selfOnly.ranking.items.map((i) => i.agency.name)).not.toContain(DISTRICT);
  });

  it('lower-is-better metrics rank the smallest first by default', async () => {
    // Review correction rate 2023: 市政府 1 corrected of 4 − 1 pending = 1/3; 教育局 1 of 1 = 1.
    const { ranking } = await data<Ranking>(RANKING, { m: 'review.correctionRate', y: 2023, min: 1 });
    expect(ranking.items.map((i) => [i.rank, i.agency.name, i.value])).toEqual([
      [1, CITY, 1 / 3],
      [2, CITY_EDU, 1],
    ]);
  });

  it('take is bounded', async () => {
    expect(errorCodes(await t.gql(RANKING, { m: 'applications.new', y: 2023, take: 101 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('rollup and timeSeries never count an aggregate with its members', () => {
  const ROLLUP = `query($root: ID, $y: [Int!]!, $m: [String!]!) {
    rollup(rootAgencyId: $root, years: $y, metrics: $m) { year metric value numerator denominator reportsCounted agenciesCovered } }`;
  type Rollup = {
    rollup: {
      year: number;
      metric: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      reportsCounted: number;
      agenciesCovered: number;
    }[];
  };

  it('the whole province: 2023 counts the district aggregate instead of its departments', async () => {
    const { rollup } = await data<Rollup>(ROLLUP, { root: null, y: [2022, 2023], m: ['applications.new', 'outcomes.disclosureRate'] });
    expect(rollup).toEqual([
      // 2022, all self: 80 + 20 + 20 + 10 + 2 = 132 new; disclosed 40 + 10 + 10 + 5 + 2 = 67 of 132 handled. 公安局 missing.
      { year: 2022, metric: 'applications.new', value: 132, numerator: 132, denominator: null, reportsCounted: 5, agenciesCovered: 5 },
      { year: 2022, metric: 'outcomes.disclosureRate', value: 67 / 132, numerator: 67, denominator: 132, reportsCounted: 5, agenciesCovered: 5 },
      // 2023: 市政府 100 + 教育局 40 + 公安局 10 + 乙区 aggregate 100 (standing for 乙区, 乙区教育局, 乙区卫健委) = 250;
      // disclosed 60 + 30 + 6 + 50 = 146.
      { year: 2023, metric: 'applications.new', value: 250, numerator: 250, denominator: null, reportsCounted: 4, agenciesCovered: 6 },
      { year: 2023, metric: 'outcomes.disclosureRate', value: 146 / 250, numerator: 146, denominator: 250, reportsCounted: 4, agenciesCovered: 6 },
    ]);
  });

  it('coverage beside the value: agencies expected, a matched-panel year-on-year change with its panel, the coverage break marked', async () => {
    const COVERAGE = `query($y: [Int!]!, $m: [String!]!) { rollup(years: $y, metrics: $m) {
      year value reportsCounted agenciesCovered agenciesExpected matchedAgencies matchedValue matchedPreviousValue matchedChange coverageChanged dataAsOf } }`;
    const { rollup } = await data<{ rollup: Record<string, unknown>[] }>(COVERAGE, { y: [2023], m: ['applications.new'] });
    // 2023 counts 市政府 100, 教育局 40, 公安局 10 and 乙区's aggregate 100 (250 in all, 6 of 6 agencies covered).
    // Agencies counted in both years with the same coverage: 市政府 (80 → 100) and 教育局 (20 → 40); 乙区 published its own
    // report in 2022 but an aggregate in 2023, and 公安局 nothing in 2022. Matched: 100 → 140, +40 %, not 132 → 250.
    expect(rollup).toEqual([
      {
        year: 2023,
        value: 250,
        reportsCounted: 4,
        agenciesCovered: 6,
        agenciesExpected: 6,
        matchedAgencies: 2,
        matchedValue: 140,
        matchedPreviousValue: 100,
        matchedChange: 0.4,
        coverageChanged: true,
        dataAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);
  });

  it("a district's subtree: its departments in 2022, its aggregate alone in 2023; years without reports are empty", async () => {
    const { rollup } = await data<Rollup>(ROLLUP, { root: id[DISTRICT], y: [2021, 2022, 2023], m: ['applications.new'] });
    expect(rollup.map((r) => [r.year, r.value, r.reportsCounted, r.agenciesCovered])).toEqual([
      [2021, null, 0, 0],
      [2022, 20 + 10 + 2, 3, 3],
      [2023, 100, 1, 3],
    ]);
  });

  it('timeSeries of a selection: the aggregate counts only when its government is selected', async () => {
    const TS = `query($s: AgencySelection!, $m: String!, $from: Int, $to: Int) { timeSeries(selection: $s, metric: $m, fromYear: $from, toYear: $to) { year value reportsCounted } }`;
    const withParent = await data<{ timeSeries: { year: number; value: number }[] }>(TS, {
      s: { parentId: id[DISTRICT], includeDescendants: true, includeParent: true },
      m: 'applications.new',
    });
    // Years default to those with reports: 2022 (20 + 10 + 2), 2023 (the aggregate, 100).
    expect(withParent.timeSeries.map((p) => [p.year, p.value])).toEqual([
      [2022, 32],
      [2023, 100],
    ]);
    const departmentsOnly = await data<{ timeSeries: { year: number; value: number }[] }>(TS, {
      s: { parentId: id[DISTRICT] },
      m: 'applications.new',
      from: 2022,
      to: 2023,
    });
    // Without the district government, its departments' own reports: 10 + 2, then 30 + 50.
    expect(departmentsOnly.timeSeries.map((p) => [p.year, p.value])).toEqual([
      [2022, 12],
      [2023, 80],
    ]);
    expect(errorCodes(await t.gql(TS, { s: {}, m: 'applications.new', from: 2000, to: 2030 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('breakdown', () => {
  const BREAKDOWN = `query($d: BreakdownDimension!, $s: AgencySelection!, $y: [Int!]!, $c: Boolean) {
    breakdown(dimension: $d, selection: $s, years: $y, combine: $c) { agencyId year key labelZh labelEn value share } }`;
  type Rows = {
    breakdown: { agencyId: string | null; year: number; key: string; labelZh: string; labelEn: string; value: number | null; share: number | null }[];
  };

  it("outcomes of one agency, labelled as printed, shares of the parts' sum", async () => {
    const { breakdown } = await data<Rows>(BREAKDOWN, { d: 'OUTCOMES', s: { agencyIds: [id[CITY_EDU]] }, y: [2023] });
    // 教育局 2023: 30 disclosed, 4 withheld, 6 not held, of 40.
    expect(breakdown.map((r) => [r.key, r.labelZh, r.value, r.share])).toEqual([
      ['granted', '（一）予以公开', 30, 0.75],
      ['partiallyGranted', '（二）部分公开', 0, 0],
      ['withheld', '（三）不予公开', 4, 0.1],
      ['unableToProvide', '（四）无法提供', 6, 0.15],
      ['notProcessed', '（五）不予处理', 0, 0],
      ['otherHandling', '（六）其他处理', 0, 0],
    ]);
    expect(breakdown.every((r) => r.agencyId === id[CITY_EDU] && r.year === 2023)).toBe(true);
  });

  it('combined over the province without double counting (2023)', async () => {
    const { breakdown } = await data<Rows>(BREAKDOWN, { d: 'OUTCOMES', s: {}, y: [2023], c: true });
    // Counted: 市政府, 教育局, 公安局, 乙区 aggregate. Disclosed 60+30+6+50 = 146, partly 10+0+0+10 = 20,
    // withheld 10+4+5+15 = 34, not held 20+6+0+25 = 51: parts sum to 251 (公安局's printed 6 breaks its own table).
    expect(breakdown.map((r) => [r.agencyId, r.key, r.value, r.share])).toEqual([
      [null, 'granted', 146, 146 / 251],
      [null, 'partiallyGranted', 20, 20 / 251],
      [null, 'withheld', 34, 34 / 251],
      [null, 'unableToProvide', 51, 51 / 251],
      [null, 'notProcessed', 0, 0],
      [null, 'otherHandling', 0, 0],
    ]);
  });

  it('withholding reasons, applicant types, review and litigation outcomes', async () => {
    const reasons = await data<Rows>(BREAKDOWN, { d: 'WITHHOLDING_REASONS', s: { agencyIds: [id[CITY]] }, y: [2023] });
    expect(reasons.breakdown).toHaveLength(8);
    expect(reasons.breakdown.find((r) => r.key === 'thirdPartyRights')).toMatchObject({ labelZh: '4.保护第三方合法权益', value: 10, share: 1 });
    expect(reasons.breakdown.find((r) => r.key === 'stateSecret')).toMatchObject({ value: 0, share: 0 });

    const applicants = await data<Rows>(BREAKDOWN, { d: 'APPLICANT_TYPES', s: { agencyIds: [id[CITY]] }, y: [2023] });
    // 市政府 2023: 100 new, 20 from 商业企业.
    expect(applicants.breakdown.map((r) => [r.key, r.value, r.share])).toEqual([
      ['naturalPerson', 80, 0.8],
      ['commercialEnterprise', 20, 0.2],
      ['researchInstitution', 0, 0],
      ['socialWelfareOrg', 0, 0],
      ['legalServiceOrg', 0, 0],
      ['otherOrg', 0, 0],
    ]);

    const review = await data<Rows>(BREAKDOWN, { d: 'REVIEW_OUTCOMES', s: { agencyIds: [id[CITY]] }, y: [2023] });
    // 行政复议 [维持 2, 纠正 1, 其他 0, 尚未审结 1] of 4.
    expect(review.breakdown.map((r) => [r.key, r.labelZh, r.value, r.share])).toEqual([
      ['upheld', '结果维持', 2, 0.5],
      ['corrected', '结果纠正', 1, 0.25],
      ['other', '其他结果', 0, 0],
      ['pending', '尚未审结', 1, 0.25],
    ]);

    const litigation = await data<Rows>(BREAKDOWN, { d: 'LITIGATION_OUTCOMES', s: { agencyIds: [id[CITY]] }, y: [2023] });
    expect(litigation.breakdown.map((r) => [r.key, r.value, r.share])).toEqual([
      ['upheld', 1, 1],
      ['corrected', 0, 0],
      ['other', 0, 0],
      ['pending', 0, 0],
    ]);
  });

  it('other handling of a 2021-format report: the three numbered rows, no undivided row', async () => {
    const { breakdown } = await data<Rows>(BREAKDOWN, { d: 'OTHER_HANDLING', s: { agencyIds: [id[CITY]] }, y: [2023] });
    expect(breakdown.map((r) => r.key)).toEqual(['overdueCorrection', 'overdueFee', 'other']);
  });
});

describe('data quality, findings and submissions', () => {
  it('dataQuality counts findings per rule and per report', async () => {
    const { dataQuality } = await data<{
      dataQuality: {
        byRule: { rule: string; severity: string; count: number }[];
        byAgencyYear: { agency: { name: string }; year: number; errors: number; warnings: number; infos: number }[];
      };
    }>('{ dataQuality(years: [2023]) { byRule { rule severity count } byAgencyYear { agency { name } year errors warnings infos } } }');
    // 公安局 printed 予以公开 总计 6 where its columns add to 5 (row sum) and the outcomes then add to 11, not 10 (outcome sum);
    // 教育局 published 5 days late.
    expect(dataQuality.byRule).toEqual([
      { rule: 'LATE_PUBLICATION', severity: 'warning', count: 1 },
      { rule: 'S3_OUTCOME_SUM', severity: 'error', count: 1 },
      { rule: 'S3_ROW_SUM', severity: 'error', count: 1 },
    ]);
    expect(dataQuality.byAgencyYear.slice(0, 2).map((r) => [r.agency.name, r.errors, r.warnings])).toEqual([
      [CITY_POLICE, 2, 0],
      [CITY_EDU, 0, 1],
    ]);
    expect(dataQuality.byAgencyYear).toHaveLength(6);
  });

  it('findings: one row per finding, filtered and paged', async () => {
    const { findings } = await data<{
      findings: { total: number; items: { agency: { name: string }; year: number; rule: string; severity: string; cells: string[]; messageZh: string }[] };
    }>('{ findings(severities: [error], take: 1) { total items { agency { name } year rule severity cells messageZh } } }');
    expect(findings.total).toBe(2);
    expect(findings.items).toHaveLength(1);
    expect(findings.items[0]).toMatchObject({ agency: { name: CITY_POLICE }, year: 2023, severity: 'error' });
    expect(findings.items[0]!.cells.length).toBeGreaterThan(0);
    const late = await data<{ findings: { total: number; items: { agency: { name: string }; rule: string }[] } }>(
      '{ findings(rules: ["LATE_PUBLICATION"], years: [2022, 2023]) { total items { agency { name } rule } } }',
    );
    expect(late.findings.items.map((f) => f.agency.name)).toEqual([CITY_EDU, DISTRICT_EDU]);
    expect(errorCodes(await t.gql('{ findings(rules: ["NO_SUCH_RULE"]) { total } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql('query($s: [Severity!]) { findings(severities: $s) { total } }', { s: ['fatal'] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql('{ findings(take: 500) { total } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql('{ dataQuality(years: [2023], rules: ["NO_SUCH_RULE"]) { __typename } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('submissions: on time, late, no date, not checked, missing (once a listing check found nothing) and not yet due', async () => {
    const { submissions } = await data<{
      submissions: { agency: { name: string }; year: number; status: string; deadline: string; daysLate: number | null; failingChecks: number }[];
    }>('{ submissions(years: [2022, 2023, 2099]) { agency { name } year status deadline daysLate failingChecks } }');
    const status = (agency: string, year: number) => submissions.find((s) => s.agency.name === agency && s.year === year);
    expect(submissions).toHaveLength(6 * 3);
    expect(submissions[0]!.year).toBe(2099);
    expect(status(CITY, 2023)).toEqual({ agency: { name: CITY }, year: 2023, status: 'ON_TIME', deadline: '2024-03-31', daysLate: 0, failingChecks: 0 });
    expect(status(CITY_EDU, 2023)).toMatchObject({ status: 'LATE', deadline: '2024-01-31', daysLate: 5 });
    expect(status(CITY_POLICE, 2023)).toMatchObject({ status: 'DATE_UNKNOWN', daysLate: null, failingChecks: 2 });
    // Nobody has looked for 公安局's 2022 report: its absence here proves nothing.
    expect(status(CITY_POLICE, 2022)).toMatchObject({ status: 'NOT_CHECKED', deadline: '2023-01-31', daysLate: null });
    expect(status(DISTRICT_HEALTH, 2023)).toMatchObject({ status: 'ON_TIME', daysLate: 0 });
    expect(status(DISTRICT_EDU, 2022)).toMatchObject({ status: 'LATE', daysLate: 10 });
    expect(status(DISTRICT, 2099)).toMatchObject({ status: 'NOT_DUE', deadline: '2100-03-31' });
  });

  it('submissions: a listing check after the deadline that found no report makes it MISSING; one before the deadline does not', async () => {
    const SUBMISSION = 'query($a: ID!) { submissions(years: [2022], selection: { agencyIds: [$a] }) { status } }';
    const statusNow = async () => (await data<{ submissions: { status: string }[] }>(SUBMISSION, { a: id[CITY_POLICE] })).submissions[0]!.status;
    const check = (at: string) =>
      t.dataSource.query(
        `INSERT INTO listing_check (agency_id, year, checked_at, outcome, listing_url) VALUES ($1, 2022, $2, 'NOT_FOUND', 'https://police.example/ogi/')`,
        [Number(id[CITY_POLICE]), at],
      );
    // The deadline is 2023-01-31 (a department, data year 2022).
    await check('2023-01-20T02:00:00Z');
    expect(await statusNow()).toBe('NOT_CHECKED');
    await check('2023-02-10T02:00:00Z');
    expect(await statusNow()).toBe('MISSING');
    await t.dataSource.query('DELETE FROM listing_check WHERE agency_id = $1', [Number(id[CITY_POLICE])]);
  });
});

describe('searchReports', () => {
  const SEARCH = `query($q: String!) { searchReports(query: $q) { total items { report { year agency { name } } snippet offset } } }`;
  type Search = { searchReports: { total: number; items: { report: { year: number; agency: { name: string } }; snippet: string; offset: number }[] } };

  it('finds words in the text, with a snippet and the offset in Report.text', async () => {
    const { searchReports } = await data<Search>(SEARCH, { q: '规范化' });
    expect(searchReports.total).toBe(1);
    const hit = searchReports.items[0]!;
    expect(hit.report).toEqual({ year: 2023, agency: { name: DISTRICT_EDU } });
    expect(hit.snippet).toContain('依申请公开工作规范化建设');
    const text = reportText(REPORTS.find((r) => r.agency === DISTRICT_EDU && r.year === 2023)!);
    expect(hit.offset).toBe(text.indexOf('规范化'));
  });

  it('ignores case, and finds every current report with common words, newest year first', async () => {
    expect((await data<Search>(SEARCH, { q: 'govinfo platform' })).searchReports.items.map((h) => h.report.agency.name)).toEqual([CITY]);
    const all = await data<Search>(SEARCH, { q: '年度报告' });
    expect(all.searchReports.total).toBe(REPORTS.length);
    expect(all.searchReports.items[0]!.report.year).toBe(2023);
  });

  it('refuses an empty query', async () => {
    expect(errorCodes(await t.gql(SEARCH, { q: '   ' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('agencyTree', () => {
  it('roots, then children: governments first, with child and report counts', async () => {
    const TREE = `query($p: ID) { agencyTree(parentId: $p) { id name kind parentId childCount reportCount } }`;
    const roots = await data<{ agencyTree: { name: string; childCount: number; reportCount: number }[] }>(TREE, { p: null });
    expect(roots.agencyTree.map((n) => [n.name, n.childCount, n.reportCount])).toEqual([[CITY, 3, 2]]);
    const children = await data<{ agencyTree: { name: string; parentId: string; childCount: number; reportCount: number }[] }>(TREE, { p: id[CITY] });
    expect(children.agencyTree.map((n) => [n.name, n.childCount, n.reportCount])).toEqual([
      [DISTRICT, 2, 2],
      [CITY_POLICE, 0, 1],
      [CITY_EDU, 0, 2],
    ]);
    expect(children.agencyTree.every((n) => n.parentId === id[CITY])).toBe(true);
    expect(errorCodes(await t.gql(TREE, { p: '999999' }))).toEqual(['NOT_FOUND']);
  });
});

describe('query limits over HTTP', () => {
  it('an operation nested too deep is refused with 400 / BAD_USER_INPUT before it runs', async () => {
    let parents = 'name';
    for (let i = 0; i < 10; i++) parents = `parent { ${parents} }`;
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($id: ID!) { updateAgency(input: { id: $id, level: township }) { ${parents} } }`, variables: { id: id[CITY] } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphqlResponse<unknown>;
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP', limit: 10 });
    expect(body.errors![0]!.message).toContain('查询嵌套过深');
    // The mutation never ran.
    expect((await data<{ agency: { level: string } }>('query($id: ID!) { agency(id: $id) { level } }', { id: id[CITY] })).agency.level).toBe('city');
  });

  it('an operation asking for too much is refused as QUERY_TOO_COMPLEX; answers carry the server time', async () => {
    const heavy = await t.gql('{ agencies(take: 100) { items { reports { agency { reports { findings { rule } cells { path } } } } } } }');
    expect(heavy.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ metricDefinitions { code } }' }),
    });
    expect(res.headers.get('server-timing')).toMatch(/^graphql;dur=\d+(\.\d+)?$/);
  });
});

describe('comparison exports', () => {
  const url = (ext: string, params: string) => `/api/exports/comparison.${ext}?${params}`;

  it('CSV of a comparison: data only (a header and one row per value, with scope, format, quality), UTF-8 with BOM; definitions in their own file', async () => {
    const res = await t.fetch(url('csv', `agencyIds=${id[CITY_EDU]},${id[DISTRICT]}&years=2022,2023&metrics=applications.new,outcomes.disclosureRate&lang=zh`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('对比-2022-2023.csv')}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const header = lines[0]!.split(',');
    const column = (name: string) => header.indexOf(name);
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    // 乙区 (乙区人民政府) before 教育局 by name; 2022 own report, 2023 its region aggregate (20 own + 30 + 50 = 100 new).
    expect(rows.map((r) => [r[0], r[2], r[3], r[5], r[column('报告口径')], r[column('年报格式')], r[column('数据质量')]])).toEqual([
      [DISTRICT, '2022', 'applications.new', '20', '本机关', '2021', '已核验'],
      [DISTRICT, '2022', 'outcomes.disclosureRate', '0.5', '本机关', '2021', '已核验'],
      [DISTRICT, '2023', 'applications.new', '100', '地区汇总', '2021', '已核验'],
      [DISTRICT, '2023', 'outcomes.disclosureRate', '0.5', '地区汇总', '2021', '已核验'],
      [CITY_EDU, '2022', 'applications.new', '20', '本机关', '2021', '已核验'],
      [CITY_EDU, '2022', 'outcomes.disclosureRate', '0.5', '本机关', '2021', '已核验'],
      [CITY_EDU, '2023', 'applications.new', '40', '本机关', '2021', '已核验'],
      [CITY_EDU, '2023', 'outcomes.disclosureRate', '0.75', '本机关', '2021', '已核验'],
    ]);
    // Nothing but data after the header: every row has the header's number of fields, and the file ends there.
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(lines[lines.length - 1]).toBe('');

    const defs = await t.fetch(`/api/exports/metric-definitions.csv?metrics=applications.new,outcomes.disclosureRate&lang=zh`);
    expect(defs.status).toBe(200);
    const defLines = Buffer.from(await defs.arrayBuffer())
      .toString('utf8')
      .slice(1)
      .split('\r\n');
    expect(defLines[0]).toContain('指标代码,指标,计算公式,分母');
    expect(defLines.filter((l) => l.startsWith('outcomes.disclosureRate,公开率,'))).toHaveLength(1);
  });

  it('XLSX of "all departments of the city" in English, with a definitions sheet', async () => {
    const res = await t.fetch(url('xlsx', `parentId=${id[CITY]}&kinds=department&years=2023&metrics=outcomes.disclosureRate&lang=en`));
    expect(res.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const [values, definitions] = book.worksheets;
    expect(values!.name).toBe('Values');
    const rows = values!.getSheetValues().slice(2) as unknown[][];
    // 公安局 6 of 10; 教育局 30 of 40 (by name: 公 < 教).
    expect(rows.map((r) => [r[1], r[3], r[5], r[6]])).toEqual([
      [CITY_POLICE, 2023, 'Disclosure rate', 0.6],
      [CITY_EDU, 2023, 'Disclosure rate', 0.75],
    ]);
    expect(definitions!.name).toBe('Definitions');
    expect(definitions!.getRow(2).getCell(1).value).toBe('outcomes.disclosureRate');
  });

  it('opened directly in a browser, a refused export is a readable page with the code; programs still get JSON', async () => {
    const viewer = await t.signInAs('viewer');
    const address = url('csv', `agencyIds=${id[CITY_EDU]}&years=2023&metrics=applications.new`);
    const browser = await viewer.fetch(address, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(browser.status).toBe(403);
    expect(browser.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await browser.text();
    expect(page).toContain('无法完成请求');
    expect(page).toContain('<code>ROLE_NOT_ALLOWED</code>');
    expect(page).not.toContain('{"error"');
    const program = await viewer.fetch(address);
    expect(program.status).toBe(403);
    expect(((await program.json()) as { error: { code: string } }).error.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('bad parameters are a 400 with a code and a clerk-readable message', async () => {
    const missing = await t.fetch(url('csv', 'metrics=applications.new'));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: expect.objectContaining({ code: 'INVALID_ARGUMENTS', message: expect.stringContaining('years') }) });
    const unknown = await t.fetch(url('xlsx', 'years=2023&metrics=nope'));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_METRIC');
    expect((await t.fetch(url('csv', 'years=2023&metrics=applications.new&lang=fr'))).status).toBe(400);
    // Years are bounded as in the GraphQL query the download mirrors.
    const oldYear = await t.fetch(url('csv', 'years=1999&metrics=applications.new'));
    expect(oldYear.status).toBe(400);
    expect(await oldYear.json()).toEqual({ error: expect.objectContaining({ code: 'INVALID_ARGUMENTS', message: expect.stringContaining('2000–2100') }) });
    // The definitions download checks its metrics and language by the same rules.
    const noMetrics = await t.fetch('/api/exports/metric-definitions.csv?lang=zh');
    expect(noMetrics.status).toBe(400);
    expect(await noMetrics.json()).toEqual({ error: expect.objectContaining({ code: 'INVALID_ARGUMENTS', message: expect.stringContaining('metrics') }) });
    expect((await t.fetch('/api/exports/metric-definitions.csv?metrics=applications.new&lang=fr')).status).toBe(400);
  });
});

describe('the GraphiQL page', () => {
  it('is served to browsers at /graphql from our own bundle; GraphQL over GET and POST still works', async () => {
    // As a signed-in administrator: the page is for analysts, editors and administrators.
    const page = await t.fetch('/graphql', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /<script type="module" crossorigin src="(\/graphql\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(html).not.toMatch(/<script>|https?:\/\//);
    const asset = await fetch(`${t.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);

    const get = await t.fetch(`/graphql?query=${encodeURIComponent('{ metricDefinitions { code } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(((await get.json()) as { data: { metricDefinitions: unknown[] } }).data.metricDefinitions.length).toBeGreaterThan(10);
  });
});
