/**
 * `pnpm ingest PATH...`      — imports report files; folders are walked recursively.
 * `pnpm ingest --resume ID`  — completes an import batch that was cut short (the process was killed).
 * `pnpm ingest --url URL...` — fetches report pages, report files or listing pages from agencies' sites (every
 * annual report a listing links to is fetched) and imports the reports. Paths and `--url` can be combined.
 * `pnpm ingest --check-listings [--year YEAR]` — checks every registered agency's listing page once, as the
 * scheduled poll does, and prints what was found per agency.
 *
 * File imports are recorded import batches: the batch number is printed first, each file's result as it finishes
 * (stderr), and a summary (stored / already present / failed, with the reason per failed file) at the end
 * (stdout). Running the same command again after a crash resumes the interrupted batch. Addresses are summarised
 * the same way. Exit code 0 when nothing failed, 2 otherwise, 1 on a usage or startup error.
 */
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { runShutdownHooks, type Actor } from '@ogi/database';
import type { BatchItemResult } from '@ogi/write-model/batches';
import { describeResult, summarise } from '@ogi/write-model/ingest';
import { DISCOVERY_LABELS } from '@ogi/domain';
import { ALL_AGENCIES } from '../common/access/agency-scope.js';
import { ConfigError } from '../config/app-config.js';
import { describeOutcome, summariseCollect, type CollectOutcome } from '../modules/collect/collect-outcome.js';
import { CollectService } from '../modules/collect/collect.service.js';
import { ListingCheckService, type ListingCheckRecord } from '../modules/collect/listing-check.service.js';
import { IngestService } from '../modules/ingest/ingest.service.js';
import { startCliApp } from './cli-app.js';
import { IngestCliModule } from './ingest-cli.module.js';

const USAGE = `usage: pnpm ingest PATH...                 files or folders (folders are read recursively)
       pnpm ingest --resume BATCH_ID       complete an import batch that was cut short
       pnpm ingest --url URL...            report pages, report files or listing pages on agencies' sites
       pnpm ingest --check-listings [--year YEAR]
                                           check every registered agency's listing page once
Imports government information disclosure annual reports into the database (DATABASE_URL, or the embedded one).`;

function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { name: `cli:${name}`, userId: null };
}

interface Command {
  paths: string[];
  resumeId: number | null;
  urls: string[];
  checkListings: boolean;
  year: number | null;
}

function parseArgs(argv: string[]): Command | string {
  const cmd: Command = { paths: [], resumeId: null, urls: [], checkListings: false, year: null };
  let target: 'paths' | 'urls' = 'paths';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a === '--url' || a === '--urls') target = 'urls';
    else if (a.startsWith('--url=')) cmd.urls.push(a.slice('--url='.length));
    else if (a === '--check-listings') cmd.checkListings = true;
    else if (a === '--resume') {
      const id = Number(argv[++i]);
      if (!Number.isInteger(id) || id <= 0) return `--resume needs a batch number (got "${argv[i] ?? ''}")`;
      cmd.resumeId = id;
    } else if (a === '--year') {
      const y = Number(argv[++i]);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) return `--year needs a year from 2000 to 2100 (got "${argv[i] ?? ''}")`;
      cmd.year = y;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else cmd[target].push(a);
  }
  if (cmd.resumeId !== null && cmd.paths.length) return '--resume takes a batch number, not paths';
  if (cmd.year !== null && !cmd.checkListings) return '--year goes with --check-listings';
  if (!cmd.paths.length && cmd.resumeId === null && !cmd.urls.length && !cmd.checkListings) return 'nothing to import';
  return cmd;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cmd = parseArgs(argv);
  if (typeof cmd === 'string') {
    process.stderr.write(`${cmd}\n${USAGE}\n`);
    return 1;
  }
  const { app } = await startCliApp('ingest', (config, url) => IngestCliModule.forRoot(config, url));

  const out: string[] = [];
  let failed = false;

  if (cmd.paths.length || cmd.resumeId !== null) {
    const ingest = app.get(IngestService);
    const progress = (r: BatchItemResult, done: number, total: number) => process.stderr.write(`[${done}/${total}] ${describeResult(r)}\n`);
    const say = (batchId: number, resumed: boolean) =>
      process.stderr.write(resumed ? `Resuming interrupted import batch ${batchId} …\n` : `Import batch ${batchId} …\n`);
    let batchId: number;
    let results: BatchItemResult[];
    if (cmd.resumeId !== null) {
      say(cmd.resumeId, true);
      batchId = cmd.resumeId;
      results = await ingest.resume(cmd.resumeId, { onResult: progress });
    } else {
      ({ batchId, results } = await ingest.ingestPaths(cmd.paths, { origin: 'cli', actor: cliActor(), onResult: progress, onBatch: say }));
    }
    const s = summarise(results);
    if (!results.length) out.push(`No files found in: ${cmd.paths.join(', ')}`);
    out.push(`Batch ${batchId}: ${results.length} file(s): ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed.`);
    for (const r of results) if (r.status === 'failed') out.push(`  failed: ${r.path ?? r.fileName} — ${r.error.code}: ${r.error.message}`);
    failed ||= s.failed > 0;
  }
  if (cmd.urls.length) {
    let urlBatch: number | null = null;
    const outcomes = await app.get(CollectService).collect(cmd.urls, {
      actor: cliActor(),
      recordBatch: true,
      onBatch: (id) => {
        urlBatch = id;
        process.stderr.write(`Import batch ${id} (web addresses) …\n`);
      },
      onOutcome: (o) => process.stderr.write(`${describeOutcome(o)}\n`),
    });
    if (urlBatch !== null) out.push(`Batch ${urlBatch}: imported from web addresses.`);
    out.push(...addressSummary(outcomes));
    failed ||= outcomes.some((o) => o.status === 'failed');
  }
  if (cmd.checkListings) {
    const records = await app.get(ListingCheckService).checkListings(ALL_AGENCIES, { year: cmd.year, actor: cliActor() });
    out.push(...checkSummary(records));
    failed ||= records.some((r) => r.outcome === 'FAILED');
  }
  process.stdout.write(`${out.join('\n')}\n`);
  await runShutdownHooks();
  return failed ? 2 : 0;
}

function addressSummary(outcomes: CollectOutcome[]): string[] {
  const s = summariseCollect(outcomes);
  const items = outcomes.length - s.listing;
  const out = [`${items} address(es): ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed (${s.listing} listing page(s) read).`];
  for (const o of outcomes) {
    if (o.status === 'listing') out.push(`  listing: ${o.url} — ${o.reportLinks} annual report link(s)`);
    if (o.status === 'failed') out.push(`  failed: ${o.url} — ${o.error!.code}: ${o.error!.message}`);
  }
  return out;
}

function checkSummary(records: ListingCheckRecord[]): string[] {
  const out = [`${records.length} agency listing page(s) checked.`];
  for (const r of records) {
    out.push(`  ${r.agencyName} ${r.year}: ${r.outcome} (${DISCOVERY_LABELS[r.outcome].zh})${r.detail ? ` — ${r.detail}` : ''}`);
  }
  return out;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (err: unknown) => {
    const code = (err as { code?: unknown }).code;
    process.stderr.write(
      err instanceof ConfigError
        ? `${err.message}\n`
        : `Error${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` ${code}` : ''}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    await runShutdownHooks();
    process.exit(1);
  },
);
