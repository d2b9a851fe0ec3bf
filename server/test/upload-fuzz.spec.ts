/**
 * Fuzzing the upload route with mutated real reports (the parser's own mutations, @ogi/parser/testing) and
 * hostile file names: hundreds of files through POST /api/uploads, several requests at once. Every file gets a
 * result with a known code, the server stays up, and the database stays consistent.
 */
import { INGEST_ERROR_CODES, PARSE_ERROR_CODES } from '@ogi/domain';
import { MUTATION_KINDS, mutate, seededRandom } from '@ogi/parser/testing';
import { distinctAgencyReports, sampleReports, type ReportFile } from './helpers/report-files.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false', UPLOAD_MAX_MB: '2', PARSER_WORKERS: '2' });
});

afterAll(async () => {
  await t?.close();
});

const NASTY_NAMES = [
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<svg onload=alert(1)>.html',
  '"; DROP TABLE report; --.txt',
  `${'很长的文件名'.repeat(60)}.txt`,
  '空 格 与\ttab.md',
  '.hidden',
  'no-extension',
  'report.pdf.exe',
  '年报（最终版）(1).docx',
];

interface Answer {
  fileName: string;
  status: string;
  error?: { code: string; message: string };
}

it('answers every mutated file with a known result, stays up, and keeps the database consistent', async () => {
  const sources = (await sampleReports()).filter((s) => !s.name.endsWith('.pdf') || s.bytes.length < 260_000);
  const random = seededRandom(20261128);
  const files: ReportFile[] = [];
  for (let i = 0; i < 300; i++) {
    const source = sources[i % sources.length]!;
    const name = random(5) === 0 ? NASTY_NAMES[random(NASTY_NAMES.length)]! : `fuzz-${i}-${source.name}`;
    files.push({ name, bytes: Buffer.from(mutate(source.bytes, random(MUTATION_KINDS), random)) });
  }
  const requests: ReportFile[][] = [];
  for (let i = 0; i < files.length; i += 10) requests.push(files.slice(i, i + 10));

  const known = new Set<string>([...PARSE_ERROR_CODES, ...INGEST_ERROR_CODES]);
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  // Four requests at a time, as several clerks uploading at once.
  let next = 0;
  const client = async () => {
    while (next < requests.length) {
      const batch = requests[next++]!;
      const form = new FormData();
      for (const f of batch) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
      const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
      const body = (await res.json()) as Answer[];
      if (res.status !== 200 || !Array.isArray(body) || body.length !== batch.length) {
        problems.push(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
        continue;
      }
      body.forEach((r, i) => {
        counts[r.status] = (counts[r.status] ?? 0) + 1;
        if (!['stored', 'duplicate', 'failed'].includes(r.status)) problems.push(`${batch[i]!.name}: status ${r.status}`);
        if (typeof r.fileName !== 'string' || !r.fileName) problems.push(`${batch[i]!.name}: no file name in the answer`);
        if (r.status === 'failed') {
          const code = r.error?.code ?? '';
          // A server-side fault is never an acceptable answer to a bad file.
          if (!known.has(code) || code === 'STORE_FAILED' || code === 'DATABASE_UNAVAILABLE') problems.push(`${batch[i]!.name}: ${code} ${r.error?.message}`);
          if (!r.error?.message) problems.push(`${batch[i]!.name}: ${code} without a message`);
        }
      });
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  expect(problems).toEqual([]);
  expect((counts['stored'] ?? 0) + (counts['duplicate'] ?? 0) + (counts['failed'] ?? 0)).toBe(300);
  // Mutations keep many reports readable: the route really stored things, not only refused them.
  expect(counts['stored'] ?? 0).toBeGreaterThan(10);
  expect(counts['failed'] ?? 0).toBeGreaterThan(10);

  // The server is still up.
  const res = await t.gql<{ reports: { total: number } }>('{ reports { total } }');
  expect(res.errors).toBeUndefined();

  // The database is consistent: one current version per agency and year, versions 1..n, nothing half stored.
  const q = (sql: string) => t.dataSource.query(sql);
  expect(await q(`SELECT agency_id, year FROM report GROUP BY agency_id, year HAVING count(*) FILTER (WHERE is_current) <> 1`)).toEqual([]);
  expect(await q(`SELECT agency_id, year FROM report GROUP BY agency_id, year HAVING max(version) <> count(*)`)).toEqual([]);
  expect(await q(`SELECT r.id FROM report r WHERE NOT EXISTS (SELECT 1 FROM report_cell c WHERE c.report_id = r.id)`)).toEqual([]);
  expect(await q(`SELECT r.id FROM report r WHERE NOT EXISTS (SELECT 1 FROM report_metric m WHERE m.report_id = r.id)`)).toEqual([]);
  expect(await q(`SELECT f.id FROM source_file f WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.source_file_id = f.id)`)).toEqual([]);
  expect(await q(`SELECT count(*)::int AS n FROM ingest_item`)).toEqual([{ n: 300 }]);
  expect(await q(`SELECT count(*)::int AS n FROM ingest_item WHERE status = 'pending' OR content IS NOT NULL`)).toEqual([{ n: 0 }]);
  expect(await q(`SELECT count(*)::int AS n FROM ingest_batch WHERE status <> 'done'`)).toEqual([{ n: 0 }]);
});

it('stores a report whose text carries NUL bytes (which PostgreSQL text cannot hold), shown as U+FFFD', async () => {
  const [sample] = await distinctAgencyReports(1, '空字符');
  const text = sample!.bytes.toString('utf8');
  const withNul = Buffer.from(text.replace('政府信息公开', '政府\u0000信息公开'), 'utf8');
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(withNul)]), 'nul-in-text.txt');
  const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
  const body = (await res.json()) as unknown;
  expect({ status: res.status, body }).toEqual({ status: 200, body: [expect.anything()] });
  const [answer] = body as (Answer & { reportId: string })[];
  expect(answer).toMatchObject({ status: 'stored' });
  const [row] = await t.dataSource.query<{ has_replacement: boolean }[]>(
    `SELECT position(U&'\\FFFD' IN raw_text) > 0 AS has_replacement FROM report WHERE id = $1`,
    [Number(answer!.reportId)],
  );
  expect(row).toEqual({ has_replacement: true });
});
