/**
 * What is stored of an agency's reports does not depend on the order they arrive in: a report whose text does not
 * state its scope keeps the scope of the same agency's report of the year before (淮安市洪泽区, 2023: 全区受理…;
 * 2024: nothing said), whether the year before arrived first, last, or at the same time. Through the real parser
 * pool and a real PostgreSQL, each order on a database of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_REPORTS_DIR, SYSTEM_ACTOR } from '@ogi/database';
import { seedAgencyRegistry } from '@ogi/write-model/agencies';
import { ReportIngestor } from '@ogi/write-model/ingest';
import { reparseReport } from '@ogi/write-model/reparse';
import { ParserPool } from '@ogi/parser';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const HONGZE = '淮安市洪泽区人民政府';
const YEAR_BEFORE = '002_hongze_qu_2023.pdf';
const YEAR_AFTER = '003_hongze_qu_2024.pdf';
const file = (name: string) => readFileSync(join(SEED_REPORTS_DIR, name));

let t: TestApp;
let pool: ParserPool;
let ingestor: ReportIngestor;

/** A database with the agency registry (which knows 2023's printed 洪泽区人民政府 as the same government) and no report. */
async function start(): Promise<void> {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  await seedAgencyRegistry(t.dataSource);
  pool = new ParserPool({ size: 2, timeoutMs: 60_000 });
  ingestor = new ReportIngestor(t.dataSource, pool);
}

async function stop(): Promise<void> {
  await pool?.close();
  await t?.close();
}

const stored = () =>
  t.dataSource.query<{ id: number; year: number; scope: string; version: number }[]>(
    `SELECT r.id, r.year, r.scope, r.version FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.name = $1 AND r.is_current ORDER BY r.year`,
    [HONGZE],
  );
const ingest = async (name: string) => expect(await ingestor.ingest(file(name), name)).toMatchObject({ status: 'stored' });

describe('the year after arrives first', () => {
  beforeAll(start);
  afterAll(stop);

  it('2024 is read as its own work; once 2023 arrives, 2024 is read again and keeps 2023’s scope, in the audit log', async () => {
    await ingest(YEAR_AFTER);
    // Its text says nothing of its scope and no earlier report is stored yet.
    expect((await stored()).map((r) => [r.year, r.scope])).toEqual([[2024, 'self']]);

    await ingest(YEAR_BEFORE);
    const reports = await stored();
    expect(reports.map((r) => [r.year, r.scope, r.version])).toEqual([
      [2023, 'region_aggregate', 1],
      [2024, 'region_aggregate', 1],
    ]);
    // Read again in place (the same version), and the audit log says what changed.
    const audit = await t.dataSource.query<{ detail: { scope?: { before: string; after: string } } }[]>(
      `SELECT detail FROM audit_log WHERE action = 'report.reparsed' AND report_id = $1`,
      [reports[1]!.id],
    );
    expect(audit.map((a) => a.detail.scope)).toEqual([{ before: 'self', after: 'region_aggregate' }]);

    // Read again later (as with a newer parser): the year before is given again, so the scope does not flip back.
    expect(await reparseReport(t.dataSource, pool, reports[1]!.id, SYSTEM_ACTOR)).toMatchObject({ status: 'unchanged' });
    expect((await stored()).map((r) => r.scope)).toEqual(['region_aggregate', 'region_aggregate']);
  });
});

describe('both years arrive at the same time', () => {
  beforeAll(start);
  afterAll(stop);

  // Which interleaving happens is up to the machine: 2024 read before 2023 is stored, and stored after 2023 looked
  // for it, is settled by 2024 looking again for 2023 once stored; the other interleavings as above.
  it('whichever is stored last sees the other: 2024 keeps 2023’s scope', async () => {
    await Promise.all([ingest(YEAR_AFTER), ingest(YEAR_BEFORE)]);
    expect((await stored()).map((r) => [r.year, r.scope])).toEqual([
      [2023, 'region_aggregate'],
      [2024, 'region_aggregate'],
    ]);
  });
});
