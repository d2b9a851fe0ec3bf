/**
 * 50 uploads at once through the real HTTP route — the same files twice, the same reports re-encoded, bad files —
 * against a real PostgreSQL: no report is stored twice (the database's constraints and the per-agency lock make
 * the race impossible, not a check before the insert), no file is lost, every failure is reported with its code.
 */
import { ReportIngestor, type IngestResult } from '@ogi/write-model/ingest';
import { INGEST_ERROR_CODES, PARSE_ERROR_CODES, type ParsedReport } from '@ogi/domain';
import { ParserPool } from '@ogi/parser';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { asUtf16, distinctAgencyReports, sampleReports, withCrlf, type ReportFile } from './helpers/report-files.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false', UPLOAD_MAX_MB: '1', PARSER_WORKERS: '2' });
});

afterAll(async () => {
  await t?.close();
});

interface UploadAnswer {
  fileName: string;
  status: 'stored' | 'duplicate' | 'failed';
  reportId?: string;
  agencyName?: string;
  year?: number;
  version?: number;
  error?: { code: string; message: string };
}

async function uploadOne(file: ReportFile): Promise<{ status: number; batch: string | null; body: UploadAnswer[] }> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  const res = await t.fetch('/api/uploads', { method: 'POST', body: form });
  return { status: res.status, batch: res.headers.get('x-ingest-batch'), body: (await res.json()) as UploadAnswer[] };
}

it('stores each report once, reports every duplicate and every failure, loses nothing', async () => {
  const samples = await sampleReports();
  expect(samples).toHaveLength(11);
  const texts = samples.filter((s) => s.name.endsWith('.txt') || s.name.endsWith('.md'));
  const pdf = samples.find((s) => s.name.endsWith('.pdf'))!;

  const good: ReportFile[] = [
    ...samples,
    ...samples.map((s) => ({ name: `copy-of-${s.name}`, bytes: s.bytes })),
    ...samples.map((s) => ({ name: `another-copy-of-${s.name}`, bytes: s.bytes })),
    ...texts.map((s) => ({ name: `utf16-${s.name}`, bytes: asUtf16(s.bytes) })),
    ...texts.map((s) => ({ name: `crlf-${s.name}`, bytes: withCrlf(s.bytes) })),
    ...texts.slice(0, 2).map((s) => ({ name: `again-utf16-${s.name}`, bytes: asUtf16(s.bytes) })),
  ];
  const bad: (ReportFile & { codes: readonly string[] })[] = [
    { name: 'empty.txt', bytes: Buffer.alloc(0), codes: ['EMPTY_FILE'] },
    { name: 'notice.txt', bytes: Buffer.from('会议通知\n定于下周一召开全体会议，请准时参加。\n', 'utf8'), codes: ['NOT_AN_ANNUAL_REPORT'] },
    { name: 'huge.txt', bytes: Buffer.alloc(1024 * 1024 + 1, 0x41), codes: ['FILE_TOO_LARGE'] },
    { name: 'cut.pdf', bytes: pdf.bytes.subarray(0, 2000), codes: ['CORRUPT_FILE', 'NO_TEXT_LAYER', 'UNSUPPORTED_FORMAT'] },
    {
      name: 'random.bin',
      bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      codes: ['UNSUPPORTED_FORMAT', 'NOT_AN_ANNUAL_REPORT', 'CORRUPT_FILE'],
    },
    { name: 'half-a-report.txt', bytes: texts[0]!.bytes.subarray(0, 600), codes: ['NOT_AN_ANNUAL_REPORT', 'TABLES_NOT_FOUND'] },
  ];
  const files = [...good, ...bad];
  // 11 samples × 3, 7 text samples × 2 + 2, and 6 bad files.
  expect(files).toHaveLength(55);

  const answers = await Promise.all(files.map(uploadOne));

  // Every file answered: one result, its own name, in a batch of its own.
  answers.forEach((a, i) => {
    expect(a.status).toBe(200);
    expect(a.body).toHaveLength(1);
    expect(a.body[0]!.fileName).toBe(files[i]!.name);
    expect(a.batch).toMatch(/^\d+$/);
  });
  const results = answers.map((a) => a.body[0]!);

  // Good files: the same report (agency and year) always points at one stored report; exactly one upload stored it.
  const byReport = new Map<string, UploadAnswer[]>();
  for (const r of results.slice(0, good.length)) {
    expect(['stored', 'duplicate']).toContain(r.status);
    const key = `${r.agencyName}/${r.year}`;
    byReport.set(key, [...(byReport.get(key) ?? []), r]);
  }
  expect(byReport.size).toBe(11);
  for (const [key, rs] of byReport) {
    expect({ key, stored: rs.filter((r) => r.status === 'stored').length }).toEqual({ key, stored: 1 });
    expect(new Set(rs.map((r) => r.reportId)).size).toBe(1);
    expect(rs.every((r) => r.version === 1)).toBe(true);
  }

  // Bad files: failed, each with a known code and a message.
  const known = new Set<string>([...PARSE_ERROR_CODES, ...INGEST_ERROR_CODES]);
  results.slice(good.length).forEach((r, i) => {
    expect(r.status).toBe('failed');
    expect(known.has(r.error!.code)).toBe(true);
    expect(bad[i]!.codes).toContain(r.error!.code);
    expect(r.error!.message.length).toBeGreaterThan(5);
  });

  // The database: eleven reports, each once, each current; one file per report; no row left behind by a lost race.
  const q = <T>(sql: string) => t.dataSource.query<T[]>(sql);
  expect(await q(`SELECT agency_id, year FROM report GROUP BY agency_id, year HAVING count(*) > 1`)).toEqual([]);
  expect(await q(`SELECT count(*)::int AS reports, count(*) FILTER (WHERE is_current)::int AS current FROM report`)).toEqual([{ reports: 11, current: 11 }]);
  expect(await q(`SELECT count(*)::int AS n FROM source_file`)).toEqual([{ n: 11 }]);
  expect(await q(`SELECT f.id FROM source_file f WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.source_file_id = f.id)`)).toEqual([]);
  expect(await q(`SELECT r.id FROM report r WHERE NOT EXISTS (SELECT 1 FROM report_cell c WHERE c.report_id = r.id)`)).toEqual([]);
  expect(await q(`SELECT r.id FROM report r WHERE NOT EXISTS (SELECT 1 FROM report_metric x WHERE x.report_id = r.id)`)).toEqual([]);

  // The batches: 55, all done; every item finished with the status its upload was answered with.
  const items = await q<{ batch_id: number; status: string; error_code: string | null; report_id: number | null; batch_status: string }>(
    `SELECT i.batch_id, i.status, i.error_code, i.report_id, b.status AS batch_status FROM ingest_item i JOIN ingest_batch b ON b.id = i.batch_id`,
  );
  expect(items).toHaveLength(55);
  const itemOf = new Map(items.map((i) => [String(i.batch_id), i]));
  answers.forEach((a) => {
    const item = itemOf.get(a.batch!)!;
    const r = a.body[0]!;
    expect(item).toEqual({
      batch_id: Number(a.batch),
      status: r.status,
      error_code: r.error?.code ?? null,
      report_id: r.reportId ? Number(r.reportId) : null,
      batch_status: 'done',
    });
  });
  // Upload bytes are kept only until their item is done.
  expect(await q(`SELECT count(*)::int AS n FROM ingest_item WHERE content IS NOT NULL`)).toEqual([{ n: 0 }]);
});

it('the store transaction raced directly (no parsing to spread the writers out): still each report once', async () => {
  // Parse first, then let 48 writers hit the database at the same moment: 12 agencies, each report 4 times
  // with different bytes (so the file-hash shortcut cannot answer and every writer reaches the transaction).
  const files = await distinctAgencyReports(12, '竞态');
  const pool = new ParserPool({ size: 2 });
  let parsed: ParsedReport[];
  try {
    parsed = await Promise.all(
      files.map(async (f) => {
        const o = await pool.parse(f.bytes, f.name);
        if (!o.ok) throw new Error(`${f.name}: ${o.error.code}`);
        return o.report;
      }),
    );
  } finally {
    await pool.close();
  }
  // The agencies exist already (an inserted new agency would make the writers queue behind its insert).
  for (const f of files) await t.dataSource.query(`INSERT INTO agency (name, kind) VALUES ($1, 'department')`, [f.agency]);
  const ingestor = new ReportIngestor(t.dataSource, { parse: () => Promise.reject(new Error('not used')) });
  const jobs: Promise<IngestResult>[] = [];
  for (let copy = 0; copy < 4; copy++) {
    parsed.forEach((report, i) =>
      jobs.push(ingestor.store(report, Buffer.concat([files[i]!.bytes, Buffer.from(`\n${'　'.repeat(copy)}`)]), `${copy}-${files[i]!.name}`)),
    );
  }
  const results = await Promise.all(jobs);

  expect(results.filter((r) => r.status === 'failed')).toEqual([]);
  expect(results.filter((r) => r.status === 'stored')).toHaveLength(12);
  expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(36);
  const rows = await t.dataSource.query<{ name: string; reports: number; versions: number[] }[]>(
    `SELECT a.name, count(r.id)::int AS reports, array_agg(r.version) AS versions
       FROM agency a LEFT JOIN report r ON r.agency_id = a.id WHERE a.name LIKE '%竞态%' GROUP BY a.name`,
  );
  expect(rows).toHaveLength(12);
  expect(rows.every((r) => r.reports === 1 && r.versions[0] === 1)).toBe(true);
});
