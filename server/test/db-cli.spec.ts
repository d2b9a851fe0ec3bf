/**
 * `pnpm db:migrate` and `pnpm db:reset` (database/write-model/dist/cli.js) against a throwaway PostgreSQL, as a user runs them.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MIGRATIONS, createDataSource, startEmbeddedPostgres, type RunningPostgres } from '@ogi/database';
import { SERVER_DIR } from './helpers/test-app.js';

const run = promisify(execFile);
const CLI = join(SERVER_DIR, '..', 'database', 'write-model', 'dist', 'cli.js');

let pg: RunningPostgres;
const cli = (command: string) => run(process.execPath, [CLI, command], { env: { ...process.env, DATABASE_URL: pg.url } });

beforeAll(async () => {
  pg = await startEmbeddedPostgres({ persistent: false });
});

afterAll(async () => {
  await pg?.stop();
});

it('migrates an empty database, then finds nothing left to do', async () => {
  expect(existsSync(CLI)).toBe(true); // built by `pnpm build`
  expect((await cli('migrate')).stderr).toContain(`Applied ${MIGRATIONS.length} migration(s): ${MIGRATIONS.map((m) => m.name).join(', ')}`);
  expect((await cli('migrate')).stderr).toContain('The schema is up to date.');
});

it('resets to the sample reports: every one stored, printed names resolved through the registry', async () => {
  for (let i = 0; i < 2; i++) {
    const { stderr } = await cli('reset');
    expect(stderr).toMatch(/Sample reports: 11 stored, 0 already present, 0 failed\./);
  }
  const ds = createDataSource(pg.url);
  await ds.initialize();
  try {
    const rows = await ds.query<{ name: string; years: number[] }[]>(
      `SELECT a.name, array_agg(r.year ORDER BY r.year) AS years FROM report r JOIN agency a ON a.id = r.agency_id GROUP BY a.name ORDER BY a.name`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { name: '淮安市洪泽区人民政府', years: [2023, 2024] },
        { name: '平潭综合实验区', years: [2019, 2021, 2023] },
        { name: '沭阳县人民政府', years: [2025] },
        { name: '鄂州市行政审批局', years: [2020] },
        { name: '莆田市审计局', years: [2021] },
      ]),
    );
    expect(rows.flatMap((r) => r.years)).toHaveLength(11);
  } finally {
    await ds.destroy();
  }
});
