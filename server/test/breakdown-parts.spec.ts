/**
 * Breakdown parts are derived once, when a report's cells are written (report_breakdown_part), and the breakdown
 * queries sum them. After every kind of write — import (the samples and the hand-built province), a correction, a
 * re-parse, an agency merge, and the migration's backfill of an upgraded database — the stored parts of every
 * report equal the parts this test works out itself from the report's cells, following the official table
 * (row 三's 总计 column, the 行政复议/行政诉讼 columns); and the GraphQL answers follow the hand-computed numbers.
 */
import { MIGRATIONS } from '@ogi/database';
import { ReportIngestor } from '@ogi/write-model/ingest';
import { ParserPool } from '@ogi/parser';
import { CITY, CITY_EDU, DISTRICT, DISTRICT_EDU, storeOnlyIngestor, storeReport } from './helpers/analytics-fixture.js';
import { distinctAgencyReports } from './helpers/report-files.js';
import { startAppWithSamples, type SampleApp } from './helpers/test-app.js';

let t: SampleApp;
let id: Record<string, string>;

beforeAll(async () => {
  t = await startAppWithSamples({ fixture: true });
  id = t.agencyIds;
});

afterAll(async () => {
  await t?.close();
});

// ---- The parts of one report, worked out here from its cells by the official table's layout ----

type Cells = Map<string, number | null>;
const TOTAL = 6;
const WITHHELD = [
  'stateSecret',
  'lawProhibited',
  'securityStability',
  'thirdPartyRights',
  'internalAffairs',
  'processInformation',
  'enforcementFiles',
  'administrativeQuery',
];
const UNABLE = ['notHeld', 'needsCreation', 'stillUnclear'];
const NOT_PROCESSED = ['complaint', 'repeated', 'publication', 'massRepeated', 'confirmation'];
const OTHER = ['overdueCorrection', 'overdueFee', 'other'];
const APPLICANTS = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrg', 'legalServiceOrg', 'otherOrg'];
const RESULTS = ['upheld', 'corrected', 'other', 'pending'];

const app = (row: string, column = TOTAL) => `applications.${row}[${column}]`;
const rev = (group: string, column: number) => `reviewLitigation.${group}[${column}]`;

/** A part: the cells it reads and how its value follows from them (null when one it needs is blank or absent). */
interface Part {
  dimension: string;
  key: string;
  cells: string[];
  value: (c: Cells) => number | null;
}
const read = (c: Cells, path: string) => c.get(path) ?? null;
const sum = (c: Cells, paths: string[]) => {
  const values = paths.map((p) => read(c, p));
  return values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + v!, 0);
};
const single = (dimension: string, key: string, path: string): Part => ({ dimension, key, cells: [path], value: (c) => read(c, path) });
const group = (dimension: string, key: string, paths: string[]): Part => ({ dimension, key, cells: paths, value: (c) => sum(c, paths) });

const otherSubRows = OTHER.map((k) => app(`otherHandling.${k}`));
const PARTS: Part[] = [
  single('OUTCOMES', 'granted', app('granted')),
  single('OUTCOMES', 'partiallyGranted', app('partiallyGranted')),
  group(
    'OUTCOMES',
    'withheld',
    WITHHELD.map((k) => app(`withheld.${k}`)),
  ),
  group(
    'OUTCOMES',
    'unableToProvide',
    UNABLE.map((k) => app(`unableToProvide.${k}`)),
  ),
  group(
    'OUTCOMES',
    'notProcessed',
    NOT_PROCESSED.map((k) => app(`notProcessed.${k}`)),
  ),
  {
    // （六）: its three numbered rows when the report prints any of them, else the undivided row.
    dimension: 'OUTCOMES',
    key: 'otherHandling',
    cells: [app('otherHandling'), ...otherSubRows],
    value: (c) => (otherSubRows.some((p) => read(c, p) !== null) ? sum(c, otherSubRows) : read(c, app('otherHandling'))),
  },
  ...WITHHELD.map((k) => single('WITHHOLDING_REASONS', k, app(`withheld.${k}`))),
  ...UNABLE.map((k) => single('UNABLE_TO_PROVIDE', k, app(`unableToProvide.${k}`))),
  ...NOT_PROCESSED.map((k) => single('NOT_PROCESSED', k, app(`notProcessed.${k}`))),
  ...OTHER.map((k) => single('OTHER_HANDLING', k, app(`otherHandling.${k}`))),
  single('OTHER_HANDLING', 'undivided', app('otherHandling')),
  ...APPLICANTS.map((k, i) => single('APPLICANT_TYPES', k, app('newReceived', i))),
  ...RESULTS.map((k, i) => single('REVIEW_OUTCOMES', k, rev('review', i))),
  ...RESULTS.map((k, i) => group('LITIGATION_OUTCOMES', k, [rev('litigationDirect', i), rev('litigationAfterReview', i)])),
];

/** Every report version's parts from its cells (a part is there when at least one of its cells is stored). */
async function partsFromCells(): Promise<string[]> {
  const cells = await t.dataSource.query<{ report_id: number; path: string; value: string | null }[]>(
    `SELECT report_id, section || '.' || row_key || '[' || column_key || ']' AS path, value FROM report_cell
      WHERE section IN ('applications', 'reviewLitigation')`,
  );
  const byReport = new Map<number, Cells>();
  for (const c of cells) {
    const m = byReport.get(c.report_id) ?? new Map<string, number | null>();
    m.set(c.path, c.value === null ? null : Number(c.value));
    byReport.set(c.report_id, m);
  }
  const out: string[] = [];
  for (const [reportId, c] of byReport) {
    for (const p of PARTS) if (p.cells.some((path) => c.has(path))) out.push(`${reportId} ${p.dimension} ${p.key} ${p.value(c)}`);
  }
  return out.sort();
}

async function storedParts(): Promise<string[]> {
  const rows = await t.dataSource.query<{ report_id: number; dimension: string; part_key: string; value: string | null }[]>(
    'SELECT report_id, dimension, part_key, value FROM report_breakdown_part',
  );
  return rows.map((r) => `${r.report_id} ${r.dimension} ${r.part_key} ${r.value === null ? null : Number(r.value)}`).sort();
}

async function expectStoredPartsToFollowCells(): Promise<void> {
  const expected = await partsFromCells();
  expect(expected.length).toBeGreaterThan(0);
  expect(await storedParts()).toEqual(expected);
}

const BREAKDOWN = `query($d: BreakdownDimension!, $s: AgencySelection!, $y: [Int!]!, $c: Boolean) {
  breakdown(dimension: $d, selection: $s, years: $y, combine: $c) { agencyId year key value share } }`;
type Rows = { breakdown: { agencyId: string | null; year: number; key: string; value: number | null; share: number | null }[] };
const outcomes = async (selection: Record<string, unknown>, years: number[], combine = false) =>
  (await t.data<Rows>(BREAKDOWN, { d: 'OUTCOMES', s: selection, y: years, c: combine })).breakdown.map((r) => [r.key, r.value]);

describe('breakdown parts stored with the cells', () => {
  it('after import: every report of the samples and the fixture has the parts its cells give', async () => {
    await expectStoredPartsToFollowCells();
  });

  it("every sample report's breakdown over GraphQL is its cells' parts, for every dimension", async () => {
    const reports = await t.dataSource.query<{ id: number; agency_id: number; year: number }[]>('SELECT id, agency_id, year FROM report WHERE is_current');
    const expected = await partsFromCells();
    const dimensions = [...new Set(PARTS.map((p) => p.dimension))];
    for (const r of reports) {
      for (const d of dimensions) {
        const { breakdown } = await t.data<Rows>(BREAKDOWN, { d, s: { agencyIds: [String(r.agency_id)] }, y: [r.year] });
        const mine = expected.filter((e) => e.startsWith(`${r.id} ${d} `)).map((e) => e.split(' ').slice(2).join(' '));
        expect(breakdown.map((b) => `${b.key} ${b.value}`).sort()).toEqual(mine.sort());
      }
    }
  });

  it('combined over the province, as worked out by hand (2023)', async () => {
    // Counted: 市政府, 教育局, 公安局, 乙区 aggregate (its departments are inside it); the samples are other provinces'.
    const rows = await outcomes(
      { agencyIds: [CITY, CITY_EDU, '甲市公安局', DISTRICT, DISTRICT_EDU, '甲市乙区卫生健康委员会'].map((n) => id[n]) },
      [2023],
      true,
    );
    expect(rows).toEqual([
      ['granted', 146],
      ['partiallyGranted', 20],
      ['withheld', 34],
      ['unableToProvide', 51],
      ['notProcessed', 0],
      ['otherHandling', 0],
    ]);
  });

  it('per agency, only the topAgencies whose outcomes add up to the most, largest first', async () => {
    const reports = await t.dataSource.query<{ id: number; agency_id: number }[]>('SELECT id, agency_id FROM report WHERE is_current AND year = 2023');
    const agencyOf = new Map(reports.map((r) => [String(r.id), String(r.agency_id)]));
    // Each agency's total of its 2023 outcome parts, from its cells (blank parts count nothing).
    const totals = new Map<string, number>();
    for (const line of await partsFromCells()) {
      const [reportId, dimension, , value] = line.split(' ');
      const agency = agencyOf.get(reportId!);
      if (!agency || dimension !== 'OUTCOMES') continue;
      totals.set(agency, (totals.get(agency) ?? 0) + (value === 'null' ? 0 : Number(value)));
    }
    const selection = { agencyIds: [...totals.keys()] };
    const TOP = `query($s: AgencySelection!, $n: Int, $c: Boolean) {
      breakdown(dimension: OUTCOMES, selection: $s, years: [2023], combine: $c, topAgencies: $n) { agencyId key value } }`;
    type TopRows = { breakdown: { agencyId: string; key: string; value: number | null }[] };
    const agenciesOf = (rows: TopRows) => [...new Set(rows.breakdown.map((r) => r.agencyId))];
    // Without topAgencies: every agency, in the selection's order (which breaks ties between equal totals).
    const selectionOrder = agenciesOf(await t.data<TopRows>(TOP, { s: selection }));
    expect([...selectionOrder].sort()).toEqual([...totals.keys()].sort());
    const ranked = [...totals].sort((a, b) => b[1] - a[1] || selectionOrder.indexOf(a[0]) - selectionOrder.indexOf(b[0]));
    expect(ranked[2]![1]).toBeGreaterThan(ranked[3]![1]); // the fourth is not tied with the third

    const top = await t.data<TopRows>(TOP, { s: selection, n: 3 });
    expect(agenciesOf(top)).toEqual(ranked.slice(0, 3).map(([agency]) => agency));
    for (const [agency, total] of ranked.slice(0, 3)) {
      expect(top.breakdown.filter((r) => r.agencyId === agency).reduce((sum, r) => sum + (r.value ?? 0), 0)).toBe(total);
    }

    const refused = await t.gql(TOP, { s: selection, n: 2, c: true });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOP_AGENCIES_COMBINED' });
    const tooMany = await t.gql(TOP, { s: selection, n: 100_000 });
    expect(tooMany.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it("after a correction: the corrected report's parts and the combined sum follow the new value", async () => {
    const [report] = await t.dataSource.query<{ id: number }[]>('SELECT id FROM report WHERE agency_id = $1 AND year = 2023 AND is_current', [id[CITY_EDU]]);
    const res = await t.gql(
      'mutation($id: ID!, $path: String!, $value: Float, $reason: String!) { correctCell(reportId: $id, path: $path, value: $value, reason: $reason) { correction { id } } }',
      { id: String(report!.id), path: 'applications.granted[6]', value: 33, reason: '核对纸质原件为 33' },
    );
    expect(res.errors).toBeUndefined();
    await expectStoredPartsToFollowCells();
    // 教育局 disclosed 30 → 33: the city's combined 146 → 149.
    expect(await outcomes({ agencyIds: [id[CITY_EDU]] }, [2023])).toContainEqual(['granted', 33]);
    const combined = await outcomes({ agencyIds: [CITY, CITY_EDU, '甲市公安局', DISTRICT].map((n) => id[n]) }, [2023], true);
    expect(combined).toContainEqual(['granted', 149]);
  });

  it('after a re-parse: the parts follow the cells the parser reads now', async () => {
    // A report as an older parser read it: 予以公开 总计 misread as 5 more than printed.
    const [file] = await distinctAgencyReports(1, '重读拆分');
    const pool = new ParserPool({ size: 1 });
    const outcome = await pool.parse(file!.bytes, file!.name).finally(() => pool.close());
    if (!outcome.ok) throw new Error(outcome.error.code);
    const printed = outcome.report.applications['granted']![TOTAL]!;
    const old = structuredClone(outcome.report);
    old.parserVersion = '0.9.0-old';
    old.applications['granted']![TOTAL] = printed + 5;
    const stored = await new ReportIngestor(t.dataSource, { parse: () => Promise.reject(new Error('not used')) }).store(old, file!.bytes, file!.name);
    if (stored.status !== 'stored') throw new Error(stored.status);
    const agency = String(stored.agencyId);
    const year = outcome.report.year!;
    expect(await outcomes({ agencyIds: [agency] }, [year])).toContainEqual(['granted', printed + 5]);

    const res = await t.gql<{ reparseReport: { status: string } }>('mutation($id: ID!) { reparseReport(id: $id) { status } }', { id: String(stored.reportId) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reparseReport.status).toBe('updated');
    await expectStoredPartsToFollowCells();
    expect(await outcomes({ agencyIds: [agency] }, [year])).toContainEqual(['granted', printed]);
  });

  it('after an agency merge: the moved report is counted under the registered agency', async () => {
    await storeReport(storeOnlyIngestor(t.dataSource), { agency: '乙区教育局', year: 2021, publishedOn: '2022-01-15', n: 7, g: 4, p: 0, w: 3, u: 0, legal: 0 });
    const { agencyMatchProposals } = await t.data<{ agencyMatchProposals: { id: string; printedName: string }[] }>(
      '{ agencyMatchProposals { id printedName } }',
    );
    const proposal = agencyMatchProposals.find((p) => p.printedName === '乙区教育局');
    await t.data('mutation($p: ID!) { confirmAgencyMatch(proposalId: $p) { id } }', { p: proposal!.id });
    await expectStoredPartsToFollowCells();
    expect(await outcomes({ agencyIds: [id[DISTRICT_EDU]] }, [2021])).toEqual([
      ['granted', 4],
      ['partiallyGranted', 0],
      ['withheld', 3],
      ['unableToProvide', 0],
      ['notProcessed', 0],
      ['otherHandling', 0],
    ]);
    // Combined over the district's subtree in 2021: only that report.
    expect(await outcomes({ parentId: id[DISTRICT], includeDescendants: true, includeParent: true }, [2021], true)).toContainEqual(['withheld', 3]);
  });

  it("the migration's backfill gives an upgraded database the same parts, without a re-parse", async () => {
    const before = await storedParts();
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('DROP TABLE report_breakdown_part');
      const migration = MIGRATIONS.find((m) => m.name === 'BreakdownParts1797630000000');
      await new migration!().up(runner);
    } finally {
      await runner.release();
    }
    expect(await storedParts()).toEqual(before);
    await expectStoredPartsToFollowCells();
  });
});
