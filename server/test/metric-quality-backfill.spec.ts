/**
 * An upgraded database shows true quality states without a re-parse: metric values written before quality states
 * existed (migration MetricQuality1797200000000 gave them UNVERIFIABLE) are derived again when the database is
 * migrated. The database is taken back to the schema before quality states, its metric rows rewritten in the old
 * shape, then upgraded through the same `migrate` every start runs.
 */
import { migrate } from '@ogi/write-model/upgrade';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let ezhou2020: string;
/** Every metric value's state as a fresh import computes it, before the database is taken back. */
let freshStates: { report_id: number; metric_code: string; quality: string }[];

const EZHOU = '鄂州市行政审批局';
const STATES = 'SELECT report_id, metric_code, quality FROM report_metric ORDER BY report_id, metric_code';

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  await t.ingest.seedIfEmpty();
  const [row] = await t.dataSource.query<{ id: number }[]>(
    'SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.name = $1 AND r.year = 2020 AND r.is_current',
    [EZHOU],
  );
  ezhou2020 = String(row!.id);
  freshStates = await t.dataSource.query(STATES);

  // Back to the schema before quality states: undo migrations down to and including MetricQuality1797200000000.
  for (;;) {
    const [last] = await t.dataSource.query<{ name: string }[]>('SELECT name FROM schema_migration ORDER BY timestamp DESC, id DESC LIMIT 1');
    await t.dataSource.undoLastMigration({ transaction: 'each' });
    if (last!.name === 'MetricQuality1797200000000') break;
  }
  // The old writer used the printed tables only: 鄂州 2020's legal-person share was 0 of 29 (its 本年新收 row).
  await t.dataSource.query(`UPDATE report_metric SET value = 0, numerator = 0 WHERE report_id = $1 AND metric_code = 'applicants.legalPersonShare'`, [
    ezhou2020,
  ]);
  await migrate(t.dataSource);
});

afterAll(async () => {
  await t?.close();
});

describe('metric values stored before quality states', () => {
  it('鄂州 2020: the legal-person share reads 6 of 29 from the outcome rows, contradicted, with the printed 0 kept beside it', async () => {
    const res = await t.gql<{ compare: { values: Record<string, unknown>[] } }>(
      `query($a: ID!) { compare(selection: { agencyIds: [$a] }, years: [2020], metrics: ["applicants.legalPersonShare", "applications.new"]) {
        values { metric value printedValue partsValue numerator denominator quality } } }`,
      { a: (await t.dataSource.query<{ agency_id: number }[]>('SELECT agency_id FROM report WHERE id = $1', [ezhou2020]))[0]!.agency_id.toString() },
    );
    expect(res.errors).toBeUndefined();
    const [share, fresh] = res.data!.compare.values;
    // 办理总计 [23, 3, 0, 0, 0, 3, 29]: 3 商业企业 + 3 其他 = 6 not natural persons of 29; 本年新收 prints 0 of them.
    expect(share).toMatchObject({ metric: 'applicants.legalPersonShare', printedValue: 0, numerator: 6, denominator: 29, quality: 'CONTRADICTED' });
    expect(share!['value']).toBeCloseTo(6 / 29, 10);
    // 本年新收 29 = 19 + 1 + 1 + 8 outcomes, and the 总计 column balances.
    expect(fresh).toMatchObject({ metric: 'applications.new', value: 29, quality: 'VERIFIED' });
  });

  it('every value has the state a fresh import gives it, and nothing is left queued', async () => {
    const states = await t.dataSource.query<{ quality: string }[]>(STATES);
    expect(states.filter((s) => s.quality !== 'UNVERIFIABLE').length).toBeGreaterThan(0);
    expect(states).toEqual(freshStates);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM metric_quality_backfill')).toEqual([{ n: 0 }]);
  });
});
