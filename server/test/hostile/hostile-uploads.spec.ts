/**
 * Uploads that used to spoil more than themselves: a raw control character in one file name failed every file of
 * the request; a request of slow files held every parser worker; a department user's file of another agency went
 * as far as the storing transaction before it was refused.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEED_REPORTS_DIR } from '@ogi/database';
import { slowPdf } from '@ogi/parser/testing';
import { SEED_REPORT, startTestApp, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { distinctAgencyReports } from '../helpers/report-files.js';
import { rawMultipart } from './generators/hostile-uploads.js';
import { printFigure } from './figures.js';

interface Answer {
  fileName: string;
  status: string;
  agencyName?: string;
  error?: { code: string; message: string };
}

let t: TestApp;

beforeAll(async () => {
  // A short parse time bound, so slow files are stopped within the test.
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false', PARSER_WORKERS: '2', PARSE_TIMEOUT_SECONDS: '5', UPLOAD_RATE_LIMIT: '1000' });
});

afterAll(async () => {
  await t?.close();
});

async function ezhouId(): Promise<number> {
  const [row] = await t.dataSource.query<{ id: number }[]>(`SELECT id FROM agency WHERE name = '鄂州市行政审批局'`);
  return row!.id;
}

async function upload(client: ApiClient, files: { name: string; bytes: Uint8Array }[]): Promise<Answer[]> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await client.fetch('/api/uploads', { method: 'POST', body: form });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer[];
}

describe('a raw control character in a file name', () => {
  it('no longer fails the upload: every file is imported, the odd one under its name without the control characters', async () => {
    const [first, second] = await distinctAgencyReports(2, '控制');
    const { body, contentType } = rawMultipart([
      { rawName: Buffer.concat([Buffer.from('年报'), Buffer.from([0x01, 0x1b, 0x7f]), Buffer.from('甲.txt')]), bytes: first!.bytes },
      { rawName: Buffer.from('乙.txt'), bytes: second!.bytes },
    ]);
    const res = await t.fetch('/api/uploads', { method: 'POST', headers: { 'content-type': contentType }, body });
    expect(res.status).toBe(200);
    const answers = (await res.json()) as Answer[];
    expect(answers.map((a) => [a.fileName, a.status, a.agencyName])).toEqual([
      ['年报甲.txt', 'stored', first!.agency],
      ['乙.txt', 'stored', second!.agency],
    ]);
    const names = await t.dataSource.query<{ file_name: string }[]>(`SELECT file_name FROM source_file ORDER BY id DESC LIMIT 2`);
    expect(names.map((n) => n.file_name).sort()).toEqual(['乙.txt', '年报甲.txt']);
  });
});

describe('slow files', () => {
  it('are stopped at the time bound with TIMEOUT, while another user uploads a report beside them and it is stored first', async () => {
    const editor = await t.signInAs('editor');
    const slowFiles = Array.from({ length: 3 }, (_, i) => ({ name: `slow-${i}.pdf`, bytes: slowPdf() }));
    let slowDone = false;
    const slowUpload = upload(t.admin, slowFiles).then((answers) => {
      slowDone = true;
      return answers;
    });
    // Once the slow upload holds a worker, the other user's upload comes in.
    for (let i = 0; i < 400 && t.ingest.parserStats().busy === 0; i++) await new Promise((r) => setTimeout(r, 25));
    const [report] = await distinctAgencyReports(1, '并行');
    const answers = await upload(editor, [{ name: 'parallel.txt', bytes: report!.bytes }]);
    expect(answers).toEqual([expect.objectContaining({ fileName: 'parallel.txt', status: 'stored', agencyName: report!.agency })]);
    // The slow upload was given one worker: the report did not wait for its files.
    expect(slowDone).toBe(false);

    const slow = await slowUpload;
    expect(slow).toHaveLength(3);
    for (const a of slow) {
      expect(a).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
      expect(a.error!.message).toContain('读取该文件超过 5 秒，已停止，未导入');
    }
    printFigure('slow files: stopped at the time bound (of 3)', t.ingest.parserStats().timedOut);
    // The pool has its workers back.
    expect(t.ingest.parserStats()).toMatchObject({ busy: 0, queued: 0 });
    const [after] = await distinctAgencyReports(1, '之后');
    expect(await upload(editor, [{ name: 'after.txt', bytes: after!.bytes }])).toEqual([expect.objectContaining({ status: 'stored' })]);
  }, 180_000);
});

describe("a department user's file of another agency", () => {
  it('is refused as soon as the file is read, with a clear message, and writes nothing — no agency is even attempted', async () => {
    const own = await upload(t.admin, [{ name: 'ezhou.txt', bytes: await readFile(SEED_REPORT) }]);
    expect(own).toEqual([expect.objectContaining({ status: 'stored', agencyName: '鄂州市行政审批局' })]);
    const ezhou = await ezhouId();
    const clerk = await t.signInAs('department', { agencyId: ezhou });

    const before = await t.rowCounts();
    const [sequence] = await t.dataSource.query<{ last_value: string }[]>('SELECT last_value FROM agency_id_seq');
    const started = t.ingest.parserStats().started;
    const answers = await upload(clerk, [{ name: 'shanghai.md', bytes: await readFile(join(SEED_REPORTS_DIR, '005_shanghai_kewei_2024.md')) }]);
    expect(answers).toEqual([
      { fileName: 'shanghai.md', status: 'failed', error: { code: 'AGENCY_NOT_ALLOWED', message: expect.stringContaining('部门用户只能导入本机关的年报') } },
    ]);
    // Read once, and refused before the storing transaction: not even a number of the agency sequence was taken.
    expect(t.ingest.parserStats().started - started).toBe(1);
    expect(await t.dataSource.query('SELECT last_value FROM agency_id_seq')).toEqual([sequence]);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('already stored for another agency is refused before any worker reads it', async () => {
    const started = t.ingest.parserStats().started;
    const ezhou = await ezhouId();
    const clerk = await t.signInAs('department', { agencyId: ezhou });
    const [other] = await distinctAgencyReports(1, '控制');
    const answers = await upload(clerk, [{ name: 'stored-elsewhere.txt', bytes: other!.bytes }]);
    expect(answers).toEqual([expect.objectContaining({ status: 'failed', error: expect.objectContaining({ code: 'AGENCY_NOT_ALLOWED' }) })]);
    expect(t.ingest.parserStats().started).toBe(started);
  });
});
