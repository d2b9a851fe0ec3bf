/**
 * Every breakdown row says what it rests on: its scope, how many reports it counts out of the agencies expected, and
 * how many of those reports' values of the part are contradicted, uncertain, unverifiable or corrected. The sample
 * reports through the real app and GraphQL; every expected number is worked out by hand from the printed tables
 * (packages/corpus/expected, the hand-checked parses), as the comments show.
 */
import { MIGRATIONS } from '@ogi/database';
import { startAppWithSamples, type SampleApp } from './helpers/test-app.js';

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

interface Row {
  agencyId: string | null;
  year: number;
  key: string;
  value: number | null;
  scopes: string[];
  quality: string | null;
  reportsCounted: number;
  reportsBlank: number;
  agenciesCovered: number;
  agenciesExpected: number;
  reportsContradicted: number;
  reportsUncertain: number;
  reportsUnverifiable: number;
  reportsCorrected: number;
}
const BREAKDOWN = `query($d: BreakdownDimension!, $s: AgencySelection!, $y: [Int!]!, $c: Boolean) {
  breakdown(dimension: $d, selection: $s, years: $y, combine: $c) {
    agencyId year key value scopes quality reportsCounted reportsBlank agenciesCovered agenciesExpected
    reportsContradicted reportsUncertain reportsUnverifiable reportsCorrected } }`;
const breakdown = async (dimension: string, agencies: string[], years: number[], combine = false) =>
  (await t.data<{ breakdown: Row[] }>(BREAKDOWN, { d: dimension, s: { agencyIds: agencies.map((a) => id[a]) }, y: years, c: combine })).breakdown;
const byKey = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

async function scopeOf(agency: string, year: number): Promise<string> {
  const [r] = await t.dataSource.query<{ scope: string }[]>(
    'SELECT r.scope FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.is_current AND a.name = $1 AND r.year = $2',
    [agency, year],
  );
  return r!.scope;
}

describe('breakdown rows carry scope, coverage and quality', () => {
  it('洪泽区 2023 prints its review 总计 as 0 while 10 + 1 + 0 + 0 = 11: every review outcome is contradicted', async () => {
    const rows = byKey(await breakdown('REVIEW_OUTCOMES', [HONGZE], [2023]));
    expect(Object.keys(rows)).toEqual(['upheld', 'corrected', 'other', 'pending']);
    for (const r of Object.values(rows)) {
      expect(r).toMatchObject({ quality: 'CONTRADICTED', reportsCounted: 1, reportsContradicted: 1, agenciesCovered: 1, agenciesExpected: 1, reportsBlank: 0 });
      expect(r.scopes).toEqual([await scopeOf(HONGZE, 2023)]);
    }
    expect(rows['upheld']!.value).toBe(10);
    // Its outcomes of applications add up (section 三 holds): verified.
    const outcomes = await breakdown('OUTCOMES', [HONGZE], [2023]);
    expect(new Set(outcomes.map((r) => r.quality))).toEqual(new Set(['VERIFIED']));
    expect(outcomes.every((r) => r.reportsContradicted === 0)).toBe(true);
  });

  it('鄂州 2020: the faulty 本年新收 row makes the applicant columns that break the balance contradicted, the others verified', async () => {
    // 本年新收 29/0/0/0/0/0 against 办理总计 23/3/0/0/0/3: 自然人, 商业企业 and 其他组织 break 新收 + 上年结转 = 办理总计 + 结转.
    const rows = byKey(await breakdown('APPLICANT_TYPES', [EZHOU], [2020]));
    expect(Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, r.quality]))).toEqual({
      naturalPerson: 'CONTRADICTED',
      commercialEnterprise: 'CONTRADICTED',
      researchInstitution: 'VERIFIED',
      socialWelfareOrg: 'VERIFIED',
      legalServiceOrg: 'VERIFIED',
      otherOrg: 'CONTRADICTED',
    });
    expect(rows['naturalPerson']).toMatchObject({ value: 29, reportsContradicted: 1, reportsCounted: 1 });
    expect(rows['researchInstitution']).toMatchObject({ value: 0, reportsContradicted: 0, reportsCounted: 1 });
  });

  it('combined 2023 over 洪泽区, 平潭 and 沭阳发改局: sums with the count of contradicted reports and the coverage', async () => {
    const agencies = [HONGZE, PINGTAN, SHUYANG_FGJ];
    const review = byKey(await breakdown('REVIEW_OUTCOMES', agencies, [2023], true));
    // 维持 10 + 1 + 0, 纠正 1 + 1 + 0, 尚未审结 0 + 0 + 1; only 洪泽区's review group is contradicted.
    expect(Object.fromEntries(Object.entries(review).map(([k, r]) => [k, r.value]))).toEqual({ upheld: 11, corrected: 2, other: 0, pending: 1 });
    for (const r of Object.values(review)) {
      expect(r).toMatchObject({
        agencyId: null,
        quality: null,
        reportsCounted: 3,
        reportsContradicted: 1,
        agenciesCovered: 3,
        agenciesExpected: 3,
        reportsBlank: 0,
      });
    }
    const scopes = [...new Set([await scopeOf(HONGZE, 2023), await scopeOf(PINGTAN, 2023), await scopeOf(SHUYANG_FGJ, 2023)])].sort();
    expect(review['upheld']!.scopes).toEqual(scopes);

    // 沭阳发改局 prints its applicant columns other than 自然人 blank: left out of those sums, and of the coverage.
    const applicants = byKey(await breakdown('APPLICANT_TYPES', agencies, [2023], true));
    expect(applicants['naturalPerson']).toMatchObject({ value: 21 + 80 + 26, reportsCounted: 3, reportsBlank: 0, agenciesCovered: 3 });
    expect(applicants['commercialEnterprise']).toMatchObject({ value: 0 + 1, reportsCounted: 2, reportsBlank: 1, agenciesCovered: 2, agenciesExpected: 3 });
  });

  it("editors' corrections: a corrected 总计 clears the contradiction, corrected parts read corrected; the upgrade's backfill derives the same states", async () => {
    const correct = async (agency: string, year: number, path: string, value: number) => {
      const [report] = await t.dataSource.query<{ id: number }[]>(
        'SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.is_current AND a.name = $1 AND r.year = $2',
        [agency, year],
      );
      await t.data(
        'mutation($id: ID!, $path: String!, $value: Float, $reason: String!) { correctCell(reportId: $id, path: $path, value: $value, reason: $reason) { correction { id } } }',
        { id: String(report!.id), path, value, reason: '核对原件' },
      );
    };
    // 洪泽区 2023: 总计 0 → 11 = 10 + 1 + 0 + 0. The parts' own cells were not corrected: verified now.
    await correct(HONGZE, 2023, 'reviewLitigation.review[4]', 11);
    const quality = async (year: number) =>
      (await breakdown('REVIEW_OUTCOMES', [HONGZE], [year])).map((r) => [r.key, r.quality, r.reportsCorrected, r.reportsContradicted]);
    expect(await quality(2023)).toEqual([
      ['upheld', 'VERIFIED', 0, 0],
      ['corrected', 'VERIFIED', 0, 0],
      ['other', 'VERIFIED', 0, 0],
      ['pending', 'VERIFIED', 0, 0],
    ]);
    // 洪泽区 2024 (1 / 1 / 0 / 0, 总计 2): 维持 1 → 0 and 其他 0 → 1 still add up to 2; those two parts read corrected.
    await correct(HONGZE, 2024, 'reviewLitigation.review[0]', 0);
    await correct(HONGZE, 2024, 'reviewLitigation.review[2]', 1);
    expect(await quality(2024)).toEqual([
      ['upheld', 'CORRECTED', 1, 0],
      ['corrected', 'VERIFIED', 0, 0],
      ['other', 'CORRECTED', 1, 0],
      ['pending', 'VERIFIED', 0, 0],
    ]);

    const stored = () =>
      t.dataSource.query<{ row: string }[]>(
        `SELECT report_id || ' ' || dimension || ' ' || part_key || ' ' || coalesce(quality, '-') AS row FROM report_breakdown_part ORDER BY 1`,
      );
    const before = await stored();
    expect(before.some((r) => r.row.endsWith(' -'))).toBe(false);
    const runner = t.dataSource.createQueryRunner();
    try {
      const migration = new (MIGRATIONS.find((m) => m.name === 'BreakdownPartQuality1797700000000')!)();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await stored()).toEqual(before);
  });
});
