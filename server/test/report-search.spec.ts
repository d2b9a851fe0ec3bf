/**
 * Report text search through the bigram index: Chinese phrases are found by the index (not a scan of every
 * text) on the embedded cluster's C locale, a text holding every bigram of a phrase but not the phrase is not a
 * hit, one-character and mixed-case queries still work, and a department user finds only its agency's reports.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_REPORTS_DIR } from '@ogi/database';
import { SEED_REPORT, startTestApp, type TestApp } from './helpers/test-app.js';

const SEARCH = 'query($q: String!) { searchReports(query: $q) { total items { report { id agency { name } } snippet offset } } }';
type Search = { searchReports: { total: number; items: { report: { id: string; agency: { name: string } }; snippet: string; offset: number }[] } };

let t: TestApp;
let dir: string;
let ezhou: { agencyId: number; reportId: number };

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  dir = await mkdtemp(join(tmpdir(), 'ogi-search-'));
  // The seed report with one sentence added: 甲乙甲 holds the bigrams of 甲乙甲乙 (甲乙, 乙甲) but not the phrase.
  const text = await readFile(SEED_REPORT, 'utf8');
  await writeFile(join(dir, 'ezhou.txt'), text.replace('一、总体情况', '一、总体情况\n测试用语甲乙甲，GovInfo 平台上线。'));
  await copyFile(join(SEED_REPORTS_DIR, '004_shuyang_xian_2025.txt'), join(dir, 'shuyang.txt'));
  const { results } = await t.ingest.ingestPaths([join(dir, 'ezhou.txt'), join(dir, 'shuyang.txt')]);
  const [a, b] = results;
  if (a?.status !== 'stored' || b?.status !== 'stored') throw new Error(`not stored: ${JSON.stringify(results)}`);
  ezhou = a;
});

afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const search = async (q: string, client = t.admin) => {
  const res = await client.gql<Search>(SEARCH, { q });
  expect(res.errors).toBeUndefined();
  return res.data!.searchReports;
};

it('finds a Chinese phrase, with its offset in the text', async () => {
  const found = await search('甲乙甲');
  expect(found.total).toBe(1);
  expect(found.items[0]!.report.id).toBe(String(ezhou.reportId));
  expect(found.items[0]!.snippet).toContain('测试用语甲乙甲');
  const [row] = await t.dataSource.query<{ raw_text: string }[]>('SELECT raw_text FROM report WHERE id = $1', [ezhou.reportId]);
  expect(row!.raw_text.slice(found.items[0]!.offset, found.items[0]!.offset + 3)).toBe('甲乙甲');
});

it('checks the exact phrase after the index: all its bigrams are not enough', async () => {
  expect((await search('甲乙甲乙')).total).toBe(0);
});

it('still finds one character and mixed case', async () => {
  expect((await search('甲')).items.map((h) => h.report.id)).toContain(String(ezhou.reportId));
  expect((await search('govinfo 平台')).total).toBe(1);
});

it('gives a department user its own agency’s reports only', async () => {
  const clerk = await t.signInAs('department', { agencyId: ezhou.agencyId });
  const both = await search('信息公开');
  expect(both.total).toBe(2);
  const mine = await search('信息公开', clerk);
  expect(mine.items.map((h) => h.report.id)).toEqual([String(ezhou.reportId)]);
});

it('can answer from the bigram index on the C locale (the plan names it)', async () => {
  const [locale] = await t.dataSource.query<{ datcollate: string }[]>('SELECT datcollate FROM pg_database WHERE datname = current_database()');
  expect(locale!.datcollate).toBe('C');
  const runner = t.dataSource.createQueryRunner();
  await runner.startTransaction();
  let plan: string;
  try {
    // Two reports are cheaper to scan than to look up: forbid the scan, and (rolled back below) the other indexes
    // on current reports, to see that the bigram index serves the search condition.
    await runner.query('SET LOCAL enable_seqscan = off');
    const others = (await runner.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'report' AND indexdef LIKE '%is_current%' AND indexname <> 'report_text_bigrams_idx'`,
    )) as { indexname: string }[];
    for (const { indexname } of others) await runner.query(`DROP INDEX ${indexname}`);
    const rows = (await runner.query(
      `EXPLAIN SELECT id FROM report r WHERE r.is_current AND report_text_bigrams(r.raw_text) @> report_text_bigrams($1) AND strpos(r.raw_text, $1) > 0`,
      ['信息公开'],
    )) as { 'QUERY PLAN': string }[];
    plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
  expect(plan).toContain('report_text_bigrams_idx');
});
