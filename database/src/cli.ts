/**
 * `pnpm db:migrate` — apply pending migrations.
 * `pnpm db:reset`   — drop everything, migrate, import the sample reports.
 *
 * Both use DATABASE_URL when set, else the embedded PostgreSQL in <repo>/.data/postgres (DATA_DIR overrides .data).
 * Exit codes: 0 done; 1 error (nothing or only part was done, said why); 2 reset done but some sample reports failed.
 */
import { join, resolve } from 'node:path';
import { createDataSource, dropAndMigrate, migrate } from './data-source.js';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';
import { describeResult, summarise } from './ingest/summary.js';
import { defaultDataDir } from './repo-root.js';
import { seedWithOwnParser } from './seed.js';
import { installSignalHandlers, onShutdown } from './shutdown.js';

const USAGE = 'usage: node database/dist/cli.js migrate|reset';

/** The environment this CLI reads, validated once. */
function readEnv(env: NodeJS.ProcessEnv): { databaseUrl: string | null; dataDir: string } {
  const url = env['DATABASE_URL']?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  return { databaseUrl: url, dataDir: resolve(env['DATA_DIR']?.trim() || defaultDataDir()) };
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const masked = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command !== 'migrate' && command !== 'reset') {
    say(USAGE);
    return 1;
  }
  const env = readEnv(process.env);
  installSignalHandlers();

  let server: RunningPostgres | null = null;
  let url = env.databaseUrl;
  if (!url) {
    say(`Starting the embedded PostgreSQL in ${join(env.dataDir, 'postgres')} …`);
    server = await startEmbeddedPostgres({ dataDir: join(env.dataDir, 'postgres'), persistent: true });
    url = server.url;
  }
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  onShutdown('database connections', () => dataSource.destroy());
  try {
    if (command === 'migrate') {
      const applied = await migrate(dataSource);
      say(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The schema is up to date.');
      return 0;
    }
    say(`Resetting ${masked(url)}: dropping every table …`);
    const applied = await dropAndMigrate(dataSource);
    say(`Applied ${applied.length} migration(s). Importing the sample reports …`);
    const results = await seedWithOwnParser(dataSource, (r) => say(`  ${describeResult(r)}`));
    const s = summarise(results);
    say(`Sample reports: ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed.`);
    return s.failed ? 2 : 0;
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
