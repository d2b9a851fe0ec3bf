/**
 * The database going away in the middle of an upload, after the upload was recorded with its files' bytes. Those
 * files used to be answered "该文件未导入" although the next start of the server imported them: now the answer
 * says they are kept and will be imported once the database is back — and the same server does so, without a
 * restart and without the file being sent again.
 */
import { readFile } from 'node:fs/promises';
import { startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import { slowPdf } from '@ogi/parser/testing';
import { SEED_REPORT, startTestApp, until, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let revived: RunningPostgres | null = null;

beforeAll(async () => {
  // One worker and a short time bound: the files of the upload are read one after the other, the first one slowly.
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false', PARSER_WORKERS: '1', PARSE_TIMEOUT_SECONDS: '8' }, { restartableDatabase: true });
});

afterAll(async () => {
  await t?.close();
  await revived?.stop();
});

interface Answer {
  fileName: string;
  status: string;
  error?: { code: string; message: string };
}

it('answers a file the database went away under as kept and imported later, and imports it once the database is back', async () => {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(slowPdf())]), 'slow.pdf');
  form.append('files', new Blob([new Uint8Array(await readFile(SEED_REPORT))]), 'ezhou.txt');
  const answered = t.fetch('/api/uploads', { method: 'POST', body: form });
  // The upload is recorded and its first file is being read: now the database goes away.
  await until(async () => t.ingest.parserStats().busy > 0, 'the first file to be parsed');
  await t.postgres.stop();

  const res = await answered;
  expect(res.status).toBe(200);
  const batchId = res.headers.get('x-ingest-batch');
  expect(batchId).toMatch(/^\d+$/);
  const [slow, report] = (await res.json()) as Answer[];
  // The slow file is no report: it is refused either way, by the time bound on a busy machine or, read to the end
  // within it on a quiet one, as not an annual report. Only its being busy while the database went away matters here.
  expect(slow).toMatchObject({ fileName: 'slow.pdf', status: 'failed' });
  expect(['TIMEOUT', 'NOT_AN_ANNUAL_REPORT']).toContain(slow?.error?.code);
  expect(report).toEqual({
    fileName: 'ezhou.txt',
    status: 'failed',
    error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining(`文件已收到并保存在导入批次 ${batchId} 中，数据库恢复后将自动导入，无需重新上传`) },
  });
  expect(report!.error!.message).not.toContain('该文件未导入');

  // The same cluster on the same port, as after an operator restarts the database server.
  revived = await startEmbeddedPostgres({ persistent: true, dataDir: t.postgres.dataDir, port: t.postgres.port });
  const batchState = async () =>
    t.dataSource
      .query<{ status: string; items: string[] }[]>(
        `SELECT b.status, array_agg(i.status ORDER BY i.position) AS items FROM ingest_batch b JOIN ingest_item i ON i.batch_id = b.id WHERE b.id = $1 GROUP BY b.id`,
        [batchId],
      )
      .then((rows) => rows[0] ?? null)
      .catch(() => null);
  await until(async () => (await batchState())?.status === 'done', 'the kept batch to be imported');
  expect(await batchState()).toEqual({ status: 'done', items: ['failed', 'stored'] });
  const [stored] = await t.dataSource.query<{ name: string; year: number }[]>('SELECT a.name, r.year FROM report r JOIN agency a ON a.id = r.agency_id');
  expect(stored).toEqual({ name: '鄂州市行政审批局', year: 2020 });
}, 240_000);
