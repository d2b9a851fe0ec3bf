/**
 * Huge answers through aliases: a report with 2 MB of text asked for 40 times is refused before it runs
 * (QUERY_TOO_COMPLEX), 19 times (38 MB) after it ran but before it is sent (RESPONSE_TOO_LARGE), once is
 * answered. Prints the server's memory growth.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_REPORT, startTestApp, type TestApp } from '../helpers/test-app.js';
import { MAX_RESPONSE_BYTES } from '../../src/common/graphql/query-limits.js';
import { printFigure } from './figures.js';
import { aliasedReportText } from './generators/huge-aliases.js';

let t: TestApp;
let reportId: string;
let textLength: number;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  // The sample report with 2 MB of closing remarks: a long report, but a real one.
  const dir = await mkdtemp(join(tmpdir(), 'ogi-long-report-'));
  const remarks = '本机关将继续深化政务公开，提升政府信息公开工作质量。'.repeat((2 * 1024 * 1024) / 75);
  const file = join(dir, 'long-report.txt');
  await writeFile(file, `${await readFile(SEED_REPORT, 'utf8')}\n六、其他需要报告的事项\n${remarks}\n`);
  const { results } = await t.ingest.ingestPaths([file]);
  await rm(dir, { recursive: true, force: true });
  if (results[0]?.status !== 'stored') throw new Error(`long report not stored: ${JSON.stringify(results[0])}`);
  reportId = String(results[0].reportId);
  const one = await t.gql<{ report: { text: string } }>(`{ report(id: "${reportId}") { text } }`);
  textLength = Buffer.byteLength(one.data!.report.text);
});

afterAll(async () => {
  await t?.close();
});

it('answers one copy of a long text', () => {
  expect(textLength).toBeGreaterThan(2 * 1024 * 1024);
});

it('refuses 40 aliases of the text before running anything', async () => {
  const res = await t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: aliasedReportText(reportId, 40) }),
  });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { data?: unknown; errors: { extensions: Record<string, unknown> }[] };
  expect(body.errors.map((e) => e.extensions['reason'])).toEqual(['QUERY_TOO_COMPLEX']);
});

it('refuses an answer past the cap before it is sent, with a message that says what to do', async () => {
  const copies = 19;
  expect(copies * textLength).toBeGreaterThan(MAX_RESPONSE_BYTES);
  const before = process.memoryUsage().rss;
  const res = await t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: aliasedReportText(reportId, copies) }),
  });
  const raw = await res.text();
  const growthMb = Math.round((process.memoryUsage().rss - before) / 1024 / 1024);
  printFigure(
    `response cap: ${copies} aliases of a ${(textLength / 1024 / 1024).toFixed(1)} MB text — answer bytes / server growth (MB)`,
    `${raw.length} / ${growthMb}`,
  );
  const body = JSON.parse(raw) as { data: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.data).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE', limit: MAX_RESPONSE_BYTES });
  expect(body.errors[0]!.message).toMatch(/查询结果过大（超过 32 MB），未发送/);
  expect(raw.length).toBeLessThan(4096);
});
