/**
 * Every figure carries what it rests on: the sample reports (packages/corpus/reports, imported as on a first start)
 * through the real app and GraphQL. Each expected number is worked out by hand from the reports' printed tables
 * (packages/corpus/expected, the hand-checked parses), as the comments show.
 */
import { errorCodes, startAppWithSamples, type SampleApp } from './helpers/test-app.js';

let t: SampleApp;
let id: Record<string, string>;

beforeAll(async () => {
  t = await startAppWithSamples();
  id = t.agencyIds;
});

afterAll(async () => {
  await t?.close();
});

const EZHOU = '鄂州市行政审批局';
const HONGZE = '淮安市洪泽区人民政府';
const PINGTAN = '平潭综合实验区';
const SHUYANG_FGJ = '沭阳县发展和改革局';

async function reportIdOf(agency: string, year: number): Promise<string> {
  const rows = await t.dataSource.query<{ id: number }[]>(
    'SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.is_current AND a.name = $1 AND r.year = $2',
    [agency, year],
  );
  return String(rows[0]!.id);
}

/** The scope the parser detected for a sample report (another part of the product decides it; the tests follow it). */
async function scopeOf(agency: string, year: number): Promise<string> {
  const rows = await t.dataSource.query<{ scope: string }[]>(
    'SELECT r.scope FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.is_current AND a.name = $1 AND r.year = $2',
    [agency, year],
  );
  return rows[0]!.scope;
}

describe('what the samples hold', () => {
  it('the 2023 reports the hand computations below rely on', async () => {
    const reports = await t.dataSource.query<{ name: string }[]>(
      'SELECT a.name FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.is_current AND r.year = 2023 ORDER BY a.name',
    );
    expect(reports.map((r) => r.name).sort()).toEqual([HONGZE, PINGTAN, SHUYANG_FGJ].sort());
  });
});

describe('1. ratios over several reports use only reports with both parts and a base that is not 0', () => {
  it('review correction rate 2023: 平潭 1 of 2 decided; 洪泽 (total printed 0) and 沭阳发改局 (its 1 case pending) have no base', async () => {
    const { rollup } = await t.data<{
      rollup: { metric: string; value: number; numerator: number; denominator: number | null; reportsCounted: number; reportsDoubtful: number }[];
    }>(
      `{ rollup(years: [2023], metrics: ["review.correctionRate", "review.total", "review.corrected"]) { metric value numerator denominator reportsCounted reportsDoubtful } }`,
    );
    // review [维持, 纠正, 其他, 尚未审结, 总计]: 洪泽 [10, 1, 0, 0, 0], 平潭 [1, 1, 0, 0, 2], 沭阳发改局 [0, 0, 0, 1, 1].
    // Rate: only 平潭 has a decided base (2 − 0 = 2): 1 ÷ 2. Before, 洪泽's 1 corrected over a base of 0 made it 2 ÷ 2 = 1.0.
    expect(rollup).toEqual([
      { metric: 'review.correctionRate', value: 0.5, numerator: 1, denominator: 2, reportsCounted: 1, reportsDoubtful: 0 },
      // Totals as printed: 0 + 2 + 1 = 3, with 洪泽's contradicted 0 counted and said so.
      { metric: 'review.total', value: 3, numerator: 3, denominator: null, reportsCounted: 3, reportsDoubtful: 1 },
      { metric: 'review.corrected', value: 2, numerator: 2, denominator: null, reportsCounted: 3, reportsDoubtful: 1 },
    ]);
  });
});

describe('2. values the product knows are contradicted are marked, and never rank best', () => {
  const RANKING = `query($m: String!, $y: Int!, $min: Int, $doubtful: Boolean, $scopes: [ReportScope!]) {
    ranking(metric: $m, year: $y, minSample: $min, includeDoubtful: $doubtful, scopes: $scopes) { total excludedByQuality items { rank agency { name } value quality } } }`;
  type Ranking = { ranking: { total: number; excludedByQuality: number; items: { rank: number; agency: { name: string }; value: number; quality: string }[] } };

  it('disputes per 100 applications 2023: 洪泽 (printed 0 reviews and 0 lawsuits against parts of 11 and 5) is left out and counted', async () => {
    // Ranked among the reports of 洪泽's own scope (a ranking never mixes scopes).
    const scope = await scopeOf(HONGZE, 2023);
    const { ranking } = await t.data<Ranking>(RANKING, { m: 'disputes.per100', y: 2023, min: 0, scopes: [scope] });
    // Lower is better. 沭阳发改局 (1 review + 0 lawsuits) ÷ 26 new × 100 = 3.85; 平潭 (2 + 5 + 2) ÷ 81 × 100 = 11.11.
    const peers = [
      { name: SHUYANG_FGJ, value: (1 / 26) * 100, scope: await scopeOf(SHUYANG_FGJ, 2023) },
      { name: PINGTAN, value: (9 / 81) * 100, scope: await scopeOf(PINGTAN, 2023) },
    ].filter((p) => p.scope === scope);
    expect(ranking.items.map((i) => i.agency.name)).toEqual(peers.map((p) => p.name));
    ranking.items.forEach((item, i) => expect(item.value).toBeCloseTo(peers[i]!.value, 10));
    expect(ranking.items.map((i) => i.rank)).toEqual(peers.map((_, i) => i + 1));
    expect(ranking.excludedByQuality).toBe(1);
    const all = await t.data<Ranking>(RANKING, { m: 'disputes.per100', y: 2023, min: 0, doubtful: true, scopes: [scope] });
    // With the doubtful values shown, 洪泽's printed 0 would rank first: it is marked.
    expect(all.ranking.items[0]).toMatchObject({ rank: 1, agency: { name: HONGZE }, value: 0, quality: 'CONTRADICTED' });
  });

  it('鄂州 2020: the legal-person share is the 6 of 29 its outcome rows imply, with the printed 0 beside it, marked contradicted', async () => {
    const { compare } = await t.data<{
      compare: {
        values: {
          metric: string;
          value: number;
          printedValue: number;
          partsValue: number;
          numerator: number;
          denominator: number;
          quality: string;
          scope: string;
        }[];
      };
    }>(
      `query($a: ID!) { compare(selection: { agencyIds: [$a] }, years: [2020], metrics: ["applicants.legalPersonShare", "applications.new", "outcomes.disclosureRate"]) {
        values { metric value printedValue partsValue numerator denominator quality scope } } }`,
      { a: id[EZHOU] },
    );
    const [share, fresh, rate] = compare.values;
    // 本年新收 [29, 0, 0, 0, 0, 0, 29] against 办理总计 [23, 3, 0, 0, 0, 3, 29]: 3 商业企业 + 3 其他 = 6 not natural persons.
    expect(share).toMatchObject({
      metric: 'applicants.legalPersonShare',
      printedValue: 0,
      numerator: 6,
      denominator: 29,
      quality: 'CONTRADICTED',
      scope: 'self',
    });
    expect(share!.value).toBeCloseTo(6 / 29, 10);
    expect(share!.partsValue).toBeCloseTo(6 / 29, 10);
    // The 总计 column balances (29 + 0 = 29 + 0) and 19 + 1 + 1 + 8 = 29: these stand.
    expect(fresh).toMatchObject({ value: 29, quality: 'VERIFIED' });
    expect(rate!.value).toBeCloseTo(19 / 29, 10);
    expect(rate!.quality).toBe('VERIFIED');
  });
});

describe('3. scopes are never mixed', () => {
  it('淮安市 2024 is a region aggregate standing for 洪泽区: compare and the export say so, and the roll-up does not add 洪泽 again', async () => {
    const { compare } = await t.data<{ compare: { agencies: { name: string }[]; values: { agencyId: string; value: number; scope: string }[] } }>(
      `{ compare(selection: {}, years: [2024], metrics: ["applications.new"]) { agencies { name } values { agencyId value scope } } }`,
    );
    const byName = Object.fromEntries(compare.values.map((v) => [Object.entries(id).find(([, x]) => x === v.agencyId)![0], [v.value, v.scope]]));
    // 洪泽区 2023 says 全区受理…21件 (a region aggregate); its 2024 report says nothing of its scope, so it keeps last
    // year's instead of flipping to self without evidence.
    expect(byName).toEqual({ 淮安市人民政府: [3119, 'region_aggregate'], [HONGZE]: [95, 'region_aggregate'], 上海市科学技术委员会: [34, 'self'] });
    const { rollup } = await t.data<{ rollup: { value: number }[] }>(`{ rollup(years: [2024], metrics: ["applications.new"]) { value } }`);
    // 3 119 (淮安市, covering 洪泽 and everything under it) + 34 (上海市科委) = 3 153, not 3 248.
    expect(rollup[0]!.value).toBe(3153);

    const csv = await t.fetch('/api/exports/comparison.csv?years=2024&metrics=applications.new&lang=en');
    const lines = Buffer.from(await csv.arrayBuffer())
      .toString('utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    const header = lines[0]!.split(',');
    const scopeOf = Object.fromEntries(
      lines
        .slice(1)
        .map((l) => l.split(','))
        .map((r) => [r[0], r[header.indexOf('Report scope')]]),
    );
    expect(scopeOf).toEqual({ 淮安市人民政府: 'region aggregate', [HONGZE]: 'region aggregate', 上海市科学技术委员会: 'own work' });
  });
});

describe("3. the registry's usual scope: a report of another scope is flagged", () => {
  it('setting 洪泽区 to report its own work flags each of its reports detected otherwise, in the audit log; clearing it removes the flags', async () => {
    const UPDATE = `mutation($a: ID!, $s: ReportScope) { updateAgency(input: { id: $a, usualScope: $s }) { name usualScope } }`;
    const flagged = async () =>
      (
        await t.dataSource.query<{ year: number }[]>(
          `SELECT r.year FROM report_finding f JOIN report r ON r.id = f.report_id JOIN agency a ON a.id = r.agency_id
            WHERE f.rule = 'SCOPE_MISMATCH' AND a.name = $1 ORDER BY r.year`,
          [HONGZE],
        )
      ).map((r) => r.year);
    expect(await flagged()).toEqual([]);
    expect((await t.data<{ updateAgency: unknown }>(UPDATE, { a: id[HONGZE], s: 'self' })).updateAgency).toEqual({ name: HONGZE, usualScope: 'self' });
    // 洪泽区's reports: 2023 and 2024; those the parser did not read as its own work are flagged.
    const expected = [];
    for (const year of [2023, 2024]) if ((await scopeOf(HONGZE, year)) !== 'self') expected.push(year);
    expect(await flagged()).toEqual(expected);
    const [audit] = await t.dataSource.query<{ action: string; before_value: unknown; after_value: unknown }[]>(
      `SELECT action, before_value, after_value FROM audit_log WHERE action = 'agency.usualScopeChanged' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ action: 'agency.usualScopeChanged', before_value: null, after_value: 'self' });
    const refused = await t.gql(UPDATE, { a: id[HONGZE], s: 'everything' });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    await t.data(UPDATE, { a: id[HONGZE], s: null });
    expect(await flagged()).toEqual([]);
  });
});

describe('4. headlines carry their coverage and compare like with like', () => {
  it('2025 against 2024: no agency reported both years, so there is no matched change (not −77.4 %) and the break is marked', async () => {
    const { rollup } = await t.data<{
      rollup: { year: number; value: number; agenciesExpected: number; matchedAgencies: number; matchedChange: number | null; coverageChanged: boolean }[];
    }>(`{ rollup(years: [2024, 2025], metrics: ["applications.new"]) { year value agenciesExpected matchedAgencies matchedChange coverageChanged } }`);
    const agencies = (await t.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM agency'))[0]!.n;
    // 2025: 沭阳县 713 alone; 2024: 3 153 (淮安市 + 上海市科委). Naively (713 − 3 153) ÷ 3 153 = −77.4 %.
    expect(rollup.map((r) => [r.year, r.value, r.matchedAgencies, r.matchedChange, r.coverageChanged])).toEqual([
      [2024, 3153, 0, null, true],
      [2025, 713, 0, null, true],
    ]);
    expect(rollup.every((r) => r.agenciesExpected === Number(agencies))).toBe(true);
  });

  it('洪泽区 alone: 21 new applications in 2023, 95 in 2024, on the same one-agency panel (+352.4 %)', async () => {
    const { rollup } = await t.data<{
      rollup: { matchedAgencies: number; matchedValue: number; matchedPreviousValue: number; matchedChange: number; coverageChanged: boolean }[];
    }>(
      `query($a: ID!) { rollup(rootAgencyId: $a, years: [2024], metrics: ["applications.new"]) { matchedAgencies matchedValue matchedPreviousValue matchedChange coverageChanged } }`,
      { a: id[HONGZE] },
    );
    expect(rollup[0]).toMatchObject({ matchedAgencies: 1, matchedValue: 95, matchedPreviousValue: 21, coverageChanged: false });
    expect(rollup[0]!.matchedChange).toBeCloseTo((95 - 21) / 21, 10);
  });
});

describe('5. the on-time rate is self-reported, with its basis and the sentence it rests on', () => {
  it('four sample reports state one (鄂州 2020 a rate, 洪泽 2023 and 2024 and 淮安市 2024 "all within the legal time"), each with evidence', async () => {
    const { compare } = await t.data<{
      compare: {
        agencies: { id: string; name: string }[];
        values: {
          agencyId: string;
          year: number;
          value: number | null;
          quality: string;
          evidence: { kind: string; sentence: string; start: number; end: number }[];
        }[];
      };
    }>(`{ compare(selection: {}, years: [2020, 2023, 2024], metrics: ["timeliness.onTimeRate"]) {
          agencies { id name } values { agencyId year value quality evidence { kind sentence start end } } } }`);
    const name = new Map(compare.agencies.map((a) => [a.id, a.name]));
    const stated = compare.values.filter((v) => v.value !== null).map((v) => [name.get(v.agencyId), v.year, v.value, v.quality, v.evidence.map((e) => e.kind)]);
    expect(stated.sort()).toEqual(
      [
        [EZHOU, 2020, 1, 'SELF_REPORTED', ['onTimeRate']],
        [HONGZE, 2023, 1, 'SELF_REPORTED', ['allOnTime']],
        [HONGZE, 2024, 1, 'SELF_REPORTED', ['allOnTime']],
        ['淮安市人民政府', 2024, 1, 'SELF_REPORTED', ['allOnTime']],
      ].sort(),
    );
    const ezhou = compare.values.find((v) => v.agencyId === id[EZHOU])!;
    expect(ezhou.evidence[0]!.sentence).toContain('按时答复率为100%');
    // The position is where the sentence stands in the report text.
    const { report } = await t.data<{ report: { text: string } }>(`query($r: ID!) { report(id: $r) { text } }`, { r: await reportIdOf(EZHOU, 2020) });
    expect(report.text.slice(ezhou.evidence[0]!.start, ezhou.evidence[0]!.end)).toContain('按时答复率为100%');
  });

  it('the same comparison asked for less answers the same: its agencies alone, or its values without the sentences', async () => {
    const QUERY = (fields: string) => `{ compare(selection: {}, years: [2020, 2023, 2024], metrics: ["timeliness.onTimeRate"]) { ${fields} } }`;
    type Value = { agencyId: string; year: number; value: number | null; quality: string; evidence?: unknown[] };
    type Answer = { compare: { agencies?: { id: string; name: string }[]; values?: Value[] } };
    const full = (await t.data<Answer>(QUERY('agencies { id name } values { agencyId year value quality evidence { sentence } }'))).compare;
    expect(full.values!.some((v) => v.evidence!.length > 0)).toBe(true);
    const namesOnly = (await t.data<Answer>(QUERY('agencies { id name }'))).compare;
    expect(namesOnly.agencies).toEqual(full.agencies);
    const valuesOnly = (await t.data<Answer>(QUERY('values { agencyId year value quality }'))).compare;
    expect(valuesOnly.values).toEqual(full.values!.map(({ evidence: _evidence, ...v }) => v));
  });

  it('the export carries the basis; the roll-up says how many reports state one', async () => {
    const csv = await t.fetch(`/api/exports/comparison.csv?agencyIds=${id[HONGZE]}&years=2023&metrics=timeliness.onTimeRate&lang=zh`);
    const [head, row] = Buffer.from(await csv.arrayBuffer())
      .toString('utf8')
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(row![head!.indexOf('数据质量')]).toBe('报告自述');
    expect(row![head!.indexOf('自述依据')]!.replace(/\s+/g, '')).toContain('均在法定期限答复');
    const { rollup } = await t.data<{ rollup: { reportsCounted: number }[] }>(
      `{ rollup(years: [2020], metrics: ["timeliness.onTimeRate"]) { reportsCounted } }`,
    );
    expect(rollup[0]!.reportsCounted).toBe(1);
  });
});

describe('6. submissions claim only what was checked; deadlines follow the regulation in force', () => {
  it('鄂州 2018: due 31 March 2019 under the 2008 条例 (not 31 January), and not checked rather than missing', async () => {
    const { submissions } = await t.data<{ submissions: { year: number; status: string; deadline: string }[] }>(
      `query($a: ID!) { submissions(years: [2021, 2018], selection: { agencyIds: [$a] }) { year status deadline } }`,
      { a: id[EZHOU] },
    );
    expect(submissions).toEqual([
      { year: 2021, status: 'NOT_CHECKED', deadline: '2022-01-31' },
      { year: 2018, status: 'NOT_CHECKED', deadline: '2019-03-31' },
    ]);
  });

  it('over the samples, no agency-year is called missing: nobody checked', async () => {
    const { submissions } = await t.data<{ submissions: { status: string }[] }>(
      `{ submissions(years: [2019, 2020, 2021, 2022, 2023, 2024, 2025]) { status } }`,
    );
    expect(submissions.filter((s) => s.status === 'MISSING')).toEqual([]);
    expect(submissions.some((s) => s.status === 'NOT_CHECKED')).toBe(true);
  });
});

describe('7. a balance finding names the faulty side', () => {
  it('鄂州 2020: the outcome rows add up to 办理总计 (19 + 1 + 1 + 2 = 23), so 本年新收 is named as off, not 办理总计', async () => {
    const { compare } = await t.data<{ compare: { values: { reportId: string }[] } }>(
      `query($a: ID!) { compare(selection: { agencyIds: [$a] }, years: [2020], metrics: ["applications.new"]) { values { reportId } } }`,
      { a: id[EZHOU] },
    );
    const { report } = await t.data<{
      report: { findings: { rule: string; status: string; cells: string[]; expected: number; actual: number; messageZh: string }[] };
    }>(`query($r: ID!) { report(id: $r) { findings { rule status cells expected actual messageZh } } }`, { r: compare.values[0]!.reportId });
    const natural = report.findings.find((f) => f.rule === 'S3_BALANCE' && f.status === 'failed' && f.cells.includes('applications.newReceived[0]'))!;
    expect(natural.cells).toEqual(['applications.newReceived[0]', 'applications.carriedOver[0]']);
    expect([natural.expected, natural.actual]).toEqual([23, 29]);
    expect(natural.messageZh).toContain('本年新收+上年结转：应为 23，表中为 29');
  });
});

describe('8. smaller things that shifted or hid figures', () => {
  it('ranking leaves out samples under 30 handled applications by default and counts everyone left out', async () => {
    const { ranking } = await t.data<{
      ranking: {
        total: number;
        excludedBelowMinSample: number;
        excludedByQuality: number;
        excludedWithoutValue: number;
        withoutReport: number;
        items: { agency: { name: string } }[];
      };
    }>(
      `{ ranking(metric: "outcomes.disclosureRate", year: 2023) { total excludedBelowMinSample excludedByQuality excludedWithoutValue withoutReport items { agency { name } } } }`,
    );
    // 2023 handled: 平潭 81, 沭阳发改局 26, 洪泽 21; the default ranks own (self) reports with at least 30.
    const handled = [
      { name: PINGTAN, handled: 81, scope: await scopeOf(PINGTAN, 2023) },
      { name: SHUYANG_FGJ, handled: 26, scope: await scopeOf(SHUYANG_FGJ, 2023) },
      { name: HONGZE, handled: 21, scope: await scopeOf(HONGZE, 2023) },
    ].filter((r) => r.scope === 'self');
    const agencies = Number((await t.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM agency'))[0]!.n);
    expect(ranking.items.map((i) => i.agency.name)).toEqual(handled.filter((r) => r.handled >= 30).map((r) => r.name));
    expect(ranking).toMatchObject({
      total: handled.filter((r) => r.handled >= 30).length,
      excludedBelowMinSample: handled.filter((r) => r.handled < 30).length,
      excludedByQuality: 0,
      excludedWithoutValue: 0,
      // Every agency without an own report for 2023 is counted too.
      withoutReport: agencies - handled.length,
    });
    expect(handled.some((r) => r.handled < 30)).toBe(true);
  });

  it('refuses a metric list longer than the dictionary, but takes the whole dictionary', async () => {
    const { metricDefinitions } = await t.data<{ metricDefinitions: { code: string }[] }>('{ metricDefinitions { code } }');
    const all = metricDefinitions.map((m) => m.code);
    const res = await t.gql(`query($m: [String!]!) { compare(selection: {}, years: [2024], metrics: $m) { values { metric } } }`, { m: all });
    expect(res.errors).toBeUndefined();
    expect(
      errorCodes(await t.gql(`query($m: [String!]!) { compare(selection: {}, years: [2024], metrics: $m) { values { metric } } }`, { m: [...all, all[0]] })),
    ).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the report page gets both values of a metric and the one in use', () => {
  it('鄂州 2020: legal-person share printed 0, from the parts 6/29, in use 6/29 (the dictionary says parts), contradicted', async () => {
    const { report } = await t.data<{
      report: { metrics: { code: string; value: number | null; printedValue: number | null; partsValue: number | null; quality: string }[] };
    }>(`query($id: ID!) { report(id: $id) { metrics { code value printedValue partsValue quality } } }`, { id: await reportIdOf(EZHOU, 2020) });
    const share = report.metrics.find((m) => m.code === 'applicants.legalPersonShare')!;
    expect(share).toMatchObject({ printedValue: 0, quality: 'CONTRADICTED' });
    expect(share.partsValue).toBeCloseTo(6 / 29, 10);
    expect(share.value).toBeCloseTo(6 / 29, 10);
    // 本年新收 29 = 19 + 1 + 1 + 8 outcomes: printed and from the parts agree.
    expect(report.metrics.find((m) => m.code === 'applications.new')).toEqual({
      code: 'applications.new',
      value: 29,
      printedValue: 29,
      partsValue: 29,
      quality: 'VERIFIED',
    });
  });
});
