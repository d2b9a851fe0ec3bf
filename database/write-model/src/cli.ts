/**
 * `pnpm db:migrate`       — apply pending migrations.
 * `pnpm db:reset`         — drop everything, migrate, import the sample reports.
 * `pnpm db:backup [FILE]` — write a backup of the whole database (default: <DATA_DIR>/backups/ogi-<time>.backup.gz).
 * `pnpm db:restore FILE`  — replace the whole database with a backup, in one transaction.
 *
 * All use DATABASE_URL when set, else the embedded PostgreSQL in <repo>/.data/postgres (DATA_DIR overrides .data).
 * Exit codes: 0 done; 1 error (nothing or only part was done, said why; a failed restore changes nothing);
 * 2 reset done but some sample reports failed.
 *
 * It lives in the write model, not in @ogi/database: `migrate` finishes the data upgrades the migrations queue and
 * `reset` imports the sample reports, both write-model work.
 */
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import {
  backupDatabase,
  createDataSource,
  defaultDataDir,
  installSignalHandlers,
  onShutdown,
  restoreDatabase,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '@ogi/database';
import { describeResult, summarise } from './ingest/summary.js';
import { seedWithOwnParser } from './seed/seed.js';
import { dropAndMigrate, migrate } from './upgrade/upgrade.js';

const USAGE = 'usage: node database/write-model/dist/cli.js migrate | reset | backup [FILE] | restore FILE';
const COMMANDS = ['migrate', 'reset', 'backup', 'restore'];

/** The environment this CLI reads, validated once. */
function readEnv(env: NodeJS.ProcessEnv): { databaseUrl: string | null; dataDir: string; callerDir: string } {
  const url = env['DATABASE_URL']?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  // pnpm runs scripts in the repository root; a file named on the command line is relative to where the user was.
  return { databaseUrl: url, dataDir: resolve(env['DATA_DIR']?.trim() || defaultDataDir()), callerDir: env['INIT_CWD']?.trim() || process.cwd() };
}

function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const masked = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? '';
  if (!COMMANDS.includes(command) || (command === 'restore' && !argv[1])) {
    say(USAGE);
    return 1;
  }
  const env = readEnv(process.env);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const file = command === 'backup' || command === 'restore' ? resolve(env.callerDir, argv[1] ?? join(env.dataDir, 'backups', `ogi-${stamp}.backup.gz`)) : '';
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
    if (command === 'backup') {
      say(`Backing up ${masked(url)} to ${file} …`);
      const { rows } = await backupDatabase(dataSource, file);
      say(`Backup written: ${file} (${Object.values(rows).reduce((a, b) => a + b, 0)} rows in ${Object.keys(rows).length} tables).`);
      return 0;
    }
    if (command === 'restore') {
      say(`Restoring ${masked(url)} from ${file} (every table is replaced, in one transaction) …`);
      const { rows, createdAt } = await restoreDatabase(dataSource, file, { name: cliUser(), userId: null });
      say(`Restored the backup of ${createdAt}: ${Object.values(rows).reduce((a, b) => a + b, 0)} rows in ${Object.keys(rows).length} tables.`);
      return 0;
    }
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
