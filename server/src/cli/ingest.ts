/**
 * `pnpm ingest PATH...` — imports report files; folders are walked recursively.
 * Per-file progress goes to stderr when it is a terminal; a summary (stored / already present / failed, with the
 * reason per failed file) is printed at the end. Exit code 0 when no file failed, 2 otherwise, 1 on a usage or
 * startup error.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { describeResult, installSignalHandlers, migrate, onShutdown, runShutdownHooks, summarise } from '@ogi/database';
import { DataSource } from 'typeorm';
import { openDatabase } from '../common/database/open-database.js';
import { ConfigError, loadConfig, nestLogLevels } from '../config/app-config.js';
import { IngestService } from '../modules/ingest/ingest.service.js';
import { IngestCliModule } from './ingest-cli.module.js';

const USAGE = `usage: pnpm ingest PATH...   (files or folders; folders are read recursively)
Imports government information disclosure annual reports into the database (DATABASE_URL, or the embedded one).`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const paths = argv.filter((a) => a !== '--');
  if (!paths.length) {
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

  const progress = process.stderr.isTTY;
  const results = await app.get(IngestService).ingestPaths(paths, (r, done, total) => {
    if (progress) process.stderr.write(`[${done}/${total}] ${describeResult(r)}\n`);
  });
  const s = summarise(results);
  const out: string[] = [];
  if (!results.length) out.push(`No files found in: ${paths.join(', ')}`);
  out.push(`${results.length} file(s): ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed.`);
  for (const r of results) if (r.status === 'failed') out.push(`  failed: ${r.path ?? r.fileName} — ${r.error.code}: ${r.error.message}`);
  process.stdout.write(`${out.join('\n')}\n`);
  await runShutdownHooks();
  return s.failed ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (err: unknown) => {
    process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `Error: ${err instanceof Error ? err.message : String(err)}\n`);
    await runShutdownHooks();
    process.exit(1);
  },
);
