/**
 * The bulk loader of generated data sets (`pnpm bench:api`, `db:load`) drops the reports' and their rows' indexes,
 * primary and foreign keys for the load and builds them again once at the end. Loaded into a real database: every
 * index and constraint is back exactly as the migrations made it (foreign keys validated), and the rows are all there.
 */
import { generateProvince, loadDataset } from '@ogi/write-model/dataset';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
});

afterAll(async () => {
  await t?.close();
});

const TABLES = ['report', 'report_cell', 'report_metric', 'report_finding', 'narrative_fact', 'report_breakdown_part'];

/** The indexes and constraints of the tables the loader touches, as the catalogue defines them. */
async function schemaOf(): Promise<string[]> {
  const rows = await t.dataSource.query<{ entry: string }[]>(
    `SELECT 'index ' || indexdef AS entry FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1)
     UNION ALL
     SELECT 'constraint ' || cl.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' validated=' || c.convalidated
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
      WHERE cl.relnamespace = 'public'::regnamespace AND (cl.relname = ANY($1) OR c.confrelid = 'report'::regclass)
     ORDER BY 1`,
    [TABLES],
  );
  return rows.map((r) => r.entry);
}

it('loads every report and row, and leaves every index and key of the migrations in place', async () => {
  const before = await schemaOf();
  // The migrations' foreign keys from the per-report tables to report, and the text search index, are among them.
  expect(before).toContainEqual(expect.stringMatching(/^constraint report_cell .* FOREIGN KEY \(report_id\) REFERENCES report\(id\)/));
  expect(before).toContainEqual(expect.stringMatching(/^index CREATE INDEX report_text_bigrams_idx ON public\.report USING gin/));

  const dataset = generateProvince({ agencies: 80, years: [2023, 2024] });
  const loaded = await loadDataset(t.dataSource, dataset);

  expect(await schemaOf()).toEqual(before);
  const count = async (table: string) => (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  expect(await count('report')).toBe(dataset.reports.length);
  expect(loaded.reports).toBe(dataset.reports.length);
  expect(await count('report_cell')).toBe(loaded.cells);
  expect(await count('report_metric')).toBe(loaded.metrics);
});

it('generates a 10 000-agency province with a distinct name for every agency', () => {
  // The two-character place names run out near 2 000; a province this size needs more of them.
  const { agencies } = generateProvince({ agencies: 10_000, years: [2024] });
  expect(agencies).toHaveLength(10_000);
  expect(new Set(agencies.map((a) => a.name)).size).toBe(10_000);
});
