/**
 * `pnpm db:dataset [--agencies N] [--seed S]`: drops everything, migrates and loads the generated national-scale
 * province (3 000 agencies × 2019–2025 by default) into DATABASE_URL, or the embedded PostgreSQL in
 * <repo>/.data/postgres (DATA_DIR overrides .data). For benchmarks and performance checks. Exit code 0 done, 1 error.
 */
import { join, resolve } from 'node:path';
import { createDataSource, defaultDataDir, installSignalHandlers, onShutdown, startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import { dropAndMigrate } from '../../src/upgrade/upgrade.js';
import { loadDataset } from './load-dataset.js';
import { generateProvince } from './province-generator.js';

const say = (line: string) => process.stderr.write(`${line}\n`);
const masked = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

function option(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const agencies = option(argv, 'agencies', 3000);
  const seed = option(argv, 'seed', 20_260_101);
  const databaseUrl = process.env['DATABASE_URL']?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  installSignalHandlers();
  let server: RunningPostgres | null = null;
  let url = databaseUrl;
  if (!url) {
    const dataDir = resolve(process.env['DATA_DIR']?.trim() || defaultDataDir());
    say(`Starting the embedded PostgreSQL in ${join(dataDir, 'postgres')} …`);
    server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), persistent: true });
    url = server.url;
  }
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  onShutdown('database connections', () => dataSource.destroy());
  try {
    say(`Resetting ${masked(url)}: dropping every table …`);
    await dropAndMigrate(dataSource);
    const generated = Date.now();
    const dataset = generateProvince({ agencies, seed });
    say(`Generated ${dataset.agencies.length} agencies and ${dataset.reports.length} reports in ${Date.now() - generated} ms. Loading …`);
    const s = await loadDataset(dataSource, dataset);
    say(`Loaded ${s.reports} reports (${s.cells} cells, ${s.findings} findings, ${s.metrics} metrics) in ${(s.milliseconds / 1000).toFixed(1)} s.`);
    return 0;
  } finally {
    await dataSource.destroy();
    await server?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(`Error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
