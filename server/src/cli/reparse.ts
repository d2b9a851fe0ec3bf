/**
 * `pnpm reparse ID...`  — reads stored reports again from their stored files with the parser now installed.
 * `pnpm reparse --all`  — every stored report version.
 *
 * The new reading replaces the old one in place (same version, same id); editors' corrections are applied again
 * where the cell is printed the same and flagged CORRECTION_STALE where it is not; every change is audited.
 * One line per report, then a summary. Exit code 0 when none failed, 2 otherwise, 1 on a usage or startup error.
 */
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { runShutdownHooks } from '@ogi/database';
import { allReportIds, type ReparseResult } from '@ogi/write-model/reparse';
import { ConfigError } from '../config/app-config.js';
import { IngestService } from '../modules/ingest/ingest.service.js';
import { startCliApp } from './cli-app.js';
import { IngestCliModule } from './ingest-cli.module.js';

const USAGE = `usage: pnpm reparse REPORT_ID...   (report version ids, as in the dashboard's address bar)
       pnpm reparse --all          (every stored report version)
Reads stored reports again from their stored files with the current parser; corrections survive.`;

function describe(r: ReparseResult): string {
  if (r.status === 'failed') return `failed    report ${r.reportId}: ${r.error.code} ${r.error.message}`;
  const corrections = r.correctionsReapplied + r.correctionsStale ? `; corrections re-applied ${r.correctionsReapplied}, stale ${r.correctionsStale}` : '';
  return r.status === 'unchanged'
    ? `unchanged report ${r.reportId} (parser ${r.parserAfter})`
    : `updated   report ${r.reportId}: parser ${r.parserBefore} → ${r.parserAfter}, ${r.changedCells} cell(s) read differently${corrections}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const all = argv.includes('--all');
  const ids = argv.filter((a) => a !== '--all' && a !== '--').map(Number);
  if ((!all && !ids.length) || (all && ids.length) || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const { app, dataSource } = await startCliApp('reparse', (config, url) => IngestCliModule.forRoot(config, url));
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry: keep "unknown"
  }

  const ingest = app.get(IngestService);
  const counts = { updated: 0, unchanged: 0, failed: 0 };
  for (const id of all ? await allReportIds(dataSource) : ids) {
    const r: ReparseResult = await ingest.reparse(id, { name: `cli:${user}`, userId: null }).catch((err: unknown) => ({
      status: 'failed' as const,
      reportId: id,
      error: { code: (err as { code?: string }).code ?? 'REPARSE_FAILED', message: err instanceof Error ? err.message : String(err) },
    }));
    counts[r.status]++;
    process.stdout.write(`${describe(r)}\n`);
  }
  process.stdout.write(
    `${counts.updated + counts.unchanged + counts.failed} report(s): ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed.\n`,
  );
  await runShutdownHooks();
  return counts.failed ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (err: unknown) => {
    process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `Error: ${err instanceof Error ? err.message : String(err)}\n`);
    await runShutdownHooks();
    process.exit(1);
  },
);
