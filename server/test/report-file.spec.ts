/**
 * The original file of a report, downloaded over HTTP: the stored bytes exactly, under their imported name (Chinese
 * intact in filename*), as an attachment with its type and nosniff, an HTML page never served to be shown; a
 * department user gets only its own agency's files, a token works like the session it stands for.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_REPORTS_DIR } from '@ogi/database';
import { SEED_REPORT, startTestApp, type TestApp } from './helpers/test-app.js';

const HTML_REPORT = join(SEED_REPORTS_DIR, '016_shuyang_fgj_2023.html');
const PDF_REPORT = join(SEED_REPORTS_DIR, '001_huaian_shi_2024.pdf');
const CHINESE_NAME = '鄂州市行政审批局(2020)年报.txt';

let t: TestApp;
let dir: string;
const ids: Record<'text' | 'html' | 'pdf', { reportId: number; agencyId: number }> = {} as never;

beforeAll(async () => {
  t = await startTestApp();
  dir = await mkdtemp(join(tmpdir(), 'ogi-file-'));
  await copyFile(SEED_REPORT, join(dir, CHINESE_NAME));
  const { results } = await t.ingest.ingestPaths([join(dir, CHINESE_NAME), HTML_REPORT, PDF_REPORT]);
  const [text, html, pdf] = results;
  if (text?.status !== 'stored' || html?.status !== 'stored' || pdf?.status !== 'stored') throw new Error(`reports not stored: ${JSON.stringify(results)}`);
  ids.text = text;
  ids.html = html;
  ids.pdf = pdf;
});

afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/reports/:id/file', () => {
  it('sends the stored bytes under the imported name, as an attachment', async () => {
    const res = await t.fetch(`/api/reports/${ids.text.reportId}/file`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(SEED_REPORT))).toBe(true);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="report-\d+\.txt"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(CHINESE_NAME);
    // RFC 5987 forbids raw parentheses in filename*.
    expect(disposition).toContain('%282020%29');
  });

  it('sends a PDF as application/pdf and an HTML page as a sandboxed attachment, never to be shown', async () => {
    const pdf = await t.fetch(`/api/reports/${ids.pdf.reportId}/file`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).equals(await readFile(PDF_REPORT))).toBe(true);

    const html = await t.fetch(`/api/reports/${ids.html.reportId}/file`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment; filename="016_shuyang_fgj_2023\.html"/);
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await html.arrayBuffer()).equals(await readFile(HTML_REPORT))).toBe(true);
  });

  it("gives a department user its own agency's files only, and nobody's to strangers", async () => {
    const clerk = await t.signInAs('department', { agencyId: ids.text.agencyId });
    expect((await clerk.fetch(`/api/reports/${ids.text.reportId}/file`)).status).toBe(200);
    const other = await clerk.fetch(`/api/reports/${ids.html.reportId}/file`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'REPORT_NOT_FOUND',
      message: expect.stringContaining('找不到该年报'),
    });
    expect((await t.anonymous.fetch(`/api/reports/${ids.text.reportId}/file`)).status).toBe(401);
    expect((await t.fetch('/api/reports/not-a-number/file')).status).toBe(404);
  });

  it('downloads with a personal access token', async () => {
    const created = await t.gql<{ createAccessToken: { token: string } }>('mutation { createAccessToken(input: { name: "files" }) { token } }');
    const res = await fetch(`${t.url}/api/reports/${ids.pdf.reportId}/file`, { headers: { authorization: `Bearer ${created.data!.createAccessToken.token}` } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(PDF_REPORT))).toBe(true);
  });
});
