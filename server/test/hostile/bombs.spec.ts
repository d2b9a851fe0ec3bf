/**
 * Decompression bombs through the real upload route: PDFs whose page stream inflates to 1 GB and DOCX files whose
 * document entry lies about its size, several at once and in parallel requests, alongside a real report. Every
 * bomb is refused with FILE_TOO_LARGE, the real report is stored, and the server's memory stays under the stated
 * ceiling. Prints the peak resident memory.
 */
import { docxZipBomb, pdfStreamBomb } from '@ogi/parser/testing';
import { startTestApp, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { sampleReports } from '../helpers/report-files.js';
import { printFigure } from './figures.js';

const MB = 1024 * 1024;
/** The ceiling the README states for the server's growth while parsing hostile files (2 parser workers). */
const MEMORY_CEILING_MB = 1200;

let t: TestApp;
let editor: ApiClient;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false', PARSER_WORKERS: '2', UPLOAD_RATE_LIMIT: '1000' });
  editor = await t.signInAs('editor');
});

afterAll(async () => {
  await t?.close();
});

interface Answer {
  fileName: string;
  status: string;
  error?: { code: string; message: string };
}

async function upload(files: { name: string; bytes: Uint8Array }[]): Promise<Answer[]> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await editor.fetch('/api/uploads', { method: 'POST', body: form });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer[];
}

it('refuses every bomb with FILE_TOO_LARGE, stores the real report beside them, and stays under the memory ceiling', async () => {
  const pdfBomb = pdfStreamBomb(1024 * MB);
  const zipBomb = docxZipBomb(1024 * MB);
  printFigure('bombs: PDF stream bomb file size (bytes) / inflated (MB)', `${pdfBomb.length} / 1024`);
  const report = (await sampleReports()).find((s) => s.name.endsWith('.txt'))!;

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  let answers: Answer[][];
  try {
    answers = await Promise.all([
      upload([
        { name: 'bomb-1.pdf', bytes: pdfBomb },
        { name: 'bomb-2.pdf', bytes: pdfBomb },
        { name: 'bomb-3.docx', bytes: zipBomb },
        { name: report.name, bytes: report.bytes },
      ]),
      upload([
        { name: 'bomb-4.pdf', bytes: pdfBomb },
        { name: 'bomb-5.docx', bytes: zipBomb },
      ]),
      upload([{ name: 'bomb-6.pdf', bytes: pdfBomb }]),
    ]);
  } finally {
    clearInterval(sampler);
  }
  const growthMb = Math.round((peak - baseline) / MB);
  printFigure('bombs: server resident memory before / peak (MB)', `${Math.round(baseline / MB)} / ${Math.round(peak / MB)}`);
  printFigure('bombs: peak growth with 6 bombs in 3 parallel uploads (MB)', growthMb);

  const all = answers.flat();
  const bombs = all.filter((a) => a.fileName.startsWith('bomb-'));
  expect(bombs).toHaveLength(6);
  for (const b of bombs) {
    expect(b).toMatchObject({ status: 'failed', error: { code: 'FILE_TOO_LARGE' } });
    expect(b.error!.message).toMatch(/压缩炸弹/);
  }
  expect(all.find((a) => a.fileName === report.name)?.status).toBe('stored');
  expect(growthMb).toBeLessThan(MEMORY_CEILING_MB);
});
