/**
 * The same report in other bytes, uploaded after a newer version: one rule whatever the encoding — contents equal
 * to any stored version of that agency and year are a duplicate of that version, and nothing changes. Then the
 * same files again, all at once in parallel uploads with hostile ones among them. Prints the stored / duplicate
 * / failed counts.
 */
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { pdfStreamBomb } from '@ogi/parser/testing';
import { SEED_REPORT, startTestApp, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { asUtf16 } from '../helpers/report-files.js';
import { printFigure } from './figures.js';

interface Answer {
  fileName: string;
  status: 'stored' | 'duplicate' | 'failed';
  version?: number;
  reportId?: string;
  error?: { code: string };
}

let t: TestApp;
let editor: ApiClient;
let a: Buffer;
let b: Buffer;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false', UPLOAD_RATE_LIMIT: '1000' });
  editor = await t.signInAs('editor');
  const text = await readFile(SEED_REPORT, 'utf8');
  a = Buffer.from(text, 'utf8');
  // The same agency and year, published on another day: other contents, so a new version.
  b = Buffer.from(text.replace('2021年01月24日', '2021年01月25日'), 'utf8');
  expect(b.equals(a)).toBe(false);
});

afterAll(async () => {
  await t?.close();
});

async function upload(files: { name: string; bytes: Uint8Array }[]): Promise<Answer[]> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await editor.fetch('/api/uploads', { method: 'POST', body: form });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer[];
}

const versions = () => t.dataSource.query<{ version: number; is_current: boolean }[]>('SELECT version, is_current FROM report ORDER BY version');

it('answers an earlier version re-sent in another encoding as a duplicate of that version, as its own bytes are; the newer version stays current', async () => {
  const [storedA] = await upload([{ name: 'a.txt', bytes: a }]);
  const [storedB] = await upload([{ name: 'b.txt', bytes: b }]);
  expect([storedA?.status, storedA?.version, storedB?.status, storedB?.version]).toEqual(['stored', 1, 'stored', 2]);

  const [aInGbk] = await upload([{ name: 'a-gbk.txt', bytes: iconv.encode(a.toString('utf8'), 'gbk') }]);
  const [aAgain] = await upload([{ name: 'a-again.txt', bytes: a }]);
  expect(aInGbk).toMatchObject({ status: 'duplicate', version: 1, reportId: storedA!.reportId });
  expect(aAgain).toMatchObject({ status: 'duplicate', version: 1, reportId: storedA!.reportId });
  expect(await versions()).toEqual([
    { version: 1, is_current: false },
    { version: 2, is_current: true },
  ]);
});

it('stores nothing more when every encoding of both versions arrives at once, in parallel uploads, among hostile files', async () => {
  const before = await t.rowCounts();
  const encodings = (name: string, bytes: Buffer) => [
    { name: `${name}.txt`, bytes },
    { name: `${name}-utf16.txt`, bytes: asUtf16(bytes) },
    { name: `${name}-gbk.txt`, bytes: iconv.encode(bytes.toString('utf8'), 'gbk') },
    { name: `${name}-crlf.txt`, bytes: Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'), 'utf8') },
  ];
  const bomb = { name: 'bomb.pdf', bytes: pdfStreamBomb(512 * 1024 * 1024) };
  const answers = (
    await Promise.all([upload([...encodings('a', a), bomb]), upload(encodings('b', b)), upload([...encodings('a2', a), ...encodings('b2', b)])])
  ).flat();
  const count = (status: Answer['status']) => answers.filter((x) => x.status === status).length;
  printFigure('mixed parallel uploads: stored / duplicate / failed', `${count('stored')} / ${count('duplicate')} / ${count('failed')}`);
  expect([count('stored'), count('duplicate'), count('failed')]).toEqual([0, 16, 1]);
  expect(answers.find((x) => x.fileName === 'bomb.pdf')?.error?.code).toBe('FILE_TOO_LARGE');
  for (const x of answers.filter((y) => y.status === 'duplicate')) expect(x.version).toBe(x.fileName.startsWith('a') ? 1 : 2);
  expect(await t.rowCounts()).toEqual(before);
  expect(await versions()).toEqual([
    { version: 1, is_current: false },
    { version: 2, is_current: true },
  ]);
});
