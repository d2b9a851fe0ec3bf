/**
 * `pnpm ingest PATH...`      — imports report files; folders are walked recursively.
 * `pnpm ingest --resume ID`  — completes an import batch that was cut short (the process was killed).
 *
 * Every run is a recorded import batch: its number is printed first, each file's result as it finishes (stderr),
 * and a summary (stored / already present / failed, with the reason per failed file) at the end (stdout).
 * Running the same command again after a crash resumes the interrupted batch. Exit code 0 when no file failed,
 * 2 otherwise, 1 on a usage or startup error.
 */
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { describeResult, installSignalHandlers, migrate, onShutdown, runShutdownHooks, summarise, type Actor, type BatchItemResult } from '@ogi/database';
import { DataSource } from 'typeorm';
import { openDatabase } from '../common/database/open-database.js';
import { ConfigError, loadConfig, nestLogLevels } from '../config/app-config.js';
import { IngestService } from '../modules/ingest/ingest.service.js';
import { IngestCliModule } from './ingest-cli.module.js';

const USAGE = `usage: pnpm ingest PATH...          (files or folders; folders are read recursively)
       pnpm ingest --resume BATCH_ID  (complete an import batch that was cut short)
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

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const resumeAt = argv.indexOf('--resume');
  const resumeId = resumeAt >= 0 ? Number(argv[resumeAt + 1]) : null;
  const paths = argv.filter((a, i) => a !== '--' && (resumeAt < 0 || (i !== resumeAt && i !== resumeAt + 1)));
  if (resumeId !== null && (!Number.isInteger(resumeId) || resumeId <= 0 || paths.length)) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  if (resumeId === null && !paths.length) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const config = loadConfig();
  installSignalHandlers();
  const db = await openDatabase(config);
  onShutdown('database', () => db.stop());
  const app = await NestFactory.createApplicationContext(IngestCliModule.forRoot(config, db.url), {
    logger: nestLogLevels(config.logLevel === 'log' ? 'warn' : config.logLevel),
    abortOnError: false,
  });
  onShutdown('ingest', () => app.close());
  await migrate(app.get(DataSource));

  const ingest = app.get(IngestService);
  const progress = (r: BatchItemResult, done: number, total: number) => process.stderr.write(`[${done}/${total}] ${describeResult(r)}\n`);
  const say = (batchId: number, resumed: boolean) =>
    process.stderr.write(resumed ? `Resuming interrupted import batch ${batchId} …\n` : `Import batch ${batchId} …\n`);

  let batchId: number;
  let results: BatchItemResult[];
  if (resumeId !== null) {
    say(resumeId, true);
    batchId = resumeId;
    results = await ingest.resume(resumeId, { onResult: progress });
  } else {
    ({ batchId, results } = await ingest.ingestPaths(paths, { origin: 'cli', actor: cliActor(), onResult: progress, onBatch: say }));
  }
  const s = summarise(results);
  const out: string[] = [];
  if (!results.length) out.push(`No files found in: ${paths.join(', ')}`);
  out.push(`Batch ${batchId}: ${results.length} file(s): ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed.`);
  for (const r of results) if (r.status === 'failed') out.push(`  failed: ${r.path ?? r.fileName} — ${r.error.code}: ${r.error.message}`);
  process.stdout.write(`${out.join('\n')}\n`);
  await runShutdownHooks();
  return s.failed ? 2 : 0;
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
