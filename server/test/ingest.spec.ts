/**
 * Importing files the ways a clerk does — the upload route, `pnpm ingest`, and the service behind both — against
 * a real database and the real parser.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SEED_REPORT, SERVER_DIR, TEST_ADMIN, errorCodes, startTestApp, type TestApp } from './helpers/test-app.js';

const run = promisify(execFile);

let t: TestApp;
let work: string;
let seedBytes: Buffer;
/** The seed with its publication date moved to 24 Feb 2021: a corrected re-publication, 24 days late. */
let republished: Buffer;

beforeAll(async () => {
  t = await startTestApp({ UPLOAD_MAX_MB: '1' });
  work = await mkdtemp(join(tmpdir(), 'ogi-ingest-'));
  seedBytes = await readFile(SEED_REPORT);
  const text = seedBytes.toString('utf8');
  const moved = text.replaceAll('2021年01月24日', '2021年02月24日').replaceAll('2021年1月24日', '2021年2月24日');
  expect(moved).not.toBe(text);
  republished = Buffer.from(moved, 'utf8');
});

afterAll(async () => {
  await t?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function upload(files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as unknown };
}

interface VersionsResult {
  reports: {
    total: number;
    items: { id: string; version: number; daysLate: number; findings: { rule: string }[]; versions: { version: number; isCurrent: boolean }[] }[];
  };
}
const VERSIONS_QUERY = '{ reports(year: 2020) { total items { id version daysLate findings { rule } versions { version isCurrent } } } }';

describe('importing the same report again', () => {
  it('stores the seed once: the second import of the same bytes is "already present" and writes nothing', async () => {
    const first = await t.ingest.ingestBytes(seedBytes, '000_ezhou_xzspj_2020.txt');
    expect(first).toMatchObject({ status: 'stored', version: 1 });
    const before = await t.rowCounts();

    const again = await t.ingest.ingestBytes(seedBytes, 'renamed-copy.txt');
    expect(again).toMatchObject({ status: 'duplicate', reportId: first.status === 'stored' ? first.reportId : -1 });
    expect(await t.rowCounts()).toEqual(before);
  });
});

describe('a file that is not an annual report', () => {
  it('fails with NOT_AN_ANNUAL_REPORT and writes nothing', async () => {
    const before = await t.rowCounts();
    const r = await t.ingest.ingestBytes(Buffer.from('会议通知\n定于下周一召开全体会议，请准时参加。\n', 'utf8'), 'notice.txt');
    expect(r).toMatchObject({ status: 'failed', error: { code: 'NOT_AN_ANNUAL_REPORT' } });
    expect(r.status === 'failed' && r.error.message).toBeTruthy();
    expect(await t.rowCounts()).toEqual(before);
  });
});

describe('a Word 97–2003 attachment', () => {
  it('is read and stored like any other report, its container recorded as .doc', async () => {
    const doc = await readFile(join(SERVER_DIR, '..', 'packages', 'parser', 'test', 'rendered', '009_pingtan_syq_2021.doc'));
    const r = await t.ingest.ingestBytes(doc, '平潭综合实验区2021年报.doc');
    expect(r).toMatchObject({ status: 'stored', agencyName: '平潭综合实验区', year: 2021 });
    const id = r.status === 'stored' ? r.reportId : -1;
    const res = await t.gql<{ report: { format: string; applications: { key: string; values: (number | null)[] }[] } }>(
      `{ report(id: "${id}") { format applications { key values } } }`,
    );
    expect(res.data?.report.format).toBe('doc');
    expect(res.data?.report.applications.find((a) => a.key === 'newReceived')?.values).toEqual([64, 0, 0, 2, 0, 4, 70]);
  });
});

describe('uploads (POST /api/uploads)', () => {
  it('answers one result per file, in order; one bad or oversized file does not stop the others', async () => {
    const before = await t.rowCounts();
    const { status, body } = await upload([
      { name: '鄂州市行政审批局2020年报.txt', bytes: seedBytes },
      { name: 'notice.txt', bytes: Buffer.from('这不是年报。', 'utf8') },
      { name: 'huge.txt', bytes: Buffer.alloc(1024 * 1024 + 1, 0x41) },
      { name: 'empty.txt', bytes: Buffer.alloc(0) },
    ]);
    expect(status).toBe(200);
    expect(body).toEqual([
      expect.objectContaining({ fileName: '鄂州市行政审批局2020年报.txt', status: 'duplicate', reportId: expect.any(String) }),
      { fileName: 'notice.txt', status: 'failed', error: { code: 'NOT_AN_ANNUAL_REPORT', message: expect.any(String) } },
      { fileName: 'huge.txt', status: 'failed', error: { code: 'FILE_TOO_LARGE', message: expect.stringContaining('1 MB') } },
      { fileName: 'empty.txt', status: 'failed', error: { code: 'EMPTY_FILE', message: expect.any(String) } },
    ]);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('records each upload as an import batch the GraphQL API shows, file by file', async () => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(seedBytes)]), 'a.txt');
    form.append('files', new Blob(['不是年报']), 'b.txt');
    const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
    const batchId = res.headers.get('x-ingest-batch');
    expect(batchId).toMatch(/^\d+$/);
    const q = await t.gql<{ ingestBatch: Record<string, unknown> }>(
      'query($id: ID!) { ingestBatch(id: $id) { id origin status fileCount pending stored duplicate failed createdBy items { position fileName status reportId errorCode } } }',
      { id: batchId },
    );
    expect(q.errors).toBeUndefined();
    expect(q.data!.ingestBatch).toEqual({
      id: batchId,
      origin: 'upload',
      status: 'done',
      fileCount: 2,
      pending: 0,
      stored: 0,
      duplicate: 1,
      failed: 1,
      createdBy: TEST_ADMIN.username,
      items: [
        { position: 0, fileName: 'a.txt', status: 'duplicate', reportId: expect.stringMatching(/^\d+$/), errorCode: null },
        { position: 1, fileName: 'b.txt', status: 'failed', reportId: null, errorCode: 'NOT_AN_ANNUAL_REPORT' },
      ],
    });
  });

  it('answers NOT_FOUND for an unknown batch', async () => {
    expect(errorCodes(await t.gql('{ ingestBatch(id: "999999") { id } }'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await t.gql('mutation { resumeIngestBatch(id: "999999") { id } }'))).toEqual(['NOT_FOUND']);
  });

  it('refuses a request without files with a clear error', async () => {
    const res = await t.fetch('/api/uploads', { method: 'POST', body: new FormData() });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'NO_FILES', message: expect.stringContaining('files') } });
  });
});

describe('a changed report for the same agency and year', () => {
  it('becomes version 2, the current one; version 1 stays, no longer current', async () => {
    const { body } = await upload([{ name: '000_ezhou_xzspj_2020_republished.txt', bytes: republished }]);
    expect(body).toEqual([expect.objectContaining({ status: 'stored', version: 2, agencyName: '鄂州市行政审批局', year: 2020 })]);

    const res = await t.gql<VersionsResult>(VERSIONS_QUERY);
    expect(res.errors).toBeUndefined();
    const { total, items } = res.data!.reports;
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ version: 2, daysLate: 24 });
    expect(items[0]!.versions).toEqual([
      { version: 2, isCurrent: true },
      { version: 1, isCurrent: false },
    ]);
    expect(items[0]!.findings.map((f) => f.rule)).toContain('LATE_PUBLICATION');
  });
});

describe('pnpm ingest', () => {
  const cli = join(SERVER_DIR, 'dist', 'cli', 'ingest.js');

  it('imports a folder recursively, prints a summary with the reason per failed file, and exits 2 when one failed', async () => {
    expect(existsSync(cli)).toBe(true); // built by `pnpm build` (the root `pnpm test` builds first)
    await mkdir(join(work, 'batch', 'nested'), { recursive: true });
    await writeFile(join(work, 'batch', '000_ezhou_xzspj_2020.txt'), seedBytes);
    await writeFile(join(work, 'batch', 'nested', 'minutes.txt'), '会议纪要：无表格。');

    const outcome = await run(process.execPath, [cli, join(work, 'batch')], { env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' } }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toMatch(/Batch \d+: 2 file\(s\): 0 stored, 1 already present, 1 failed\./);
    expect(outcome.stdout).toMatch(/failed: \S*\/batch\/nested\/minutes\.txt — NOT_AN_ANNUAL_REPORT: /);
  });

  it('exits 0 when nothing failed', async () => {
    const r = await run(process.execPath, [cli, SEED_REPORT], { env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' } });
    expect(r.stdout).toMatch(/Batch \d+: 1 file\(s\): 0 stored, 1 already present, 0 failed\./);
  });
});
