/**
 * The analysts' Python example (docs/examples/analyst_requests.py), run exactly as documented — a real Python with
 * `requests`, against this test server, with a personal access token — on the hand-built province of
 * helpers/analytics-fixture.ts: its API reading and its download reading of 新收 agree with the fixture, and its
 * walk of the reports list by cursor, three a page, finds every report of the year once.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CITY_EDU, DISTRICT_HEALTH, REPORTS, loadFixture } from './helpers/analytics-fixture.js';
import { SERVER_DIR, startTestApp, type TestApp } from './helpers/test-app.js';

const run = promisify(execFile);
const EXAMPLE = join(SERVER_DIR, '..', 'docs', 'examples', 'analyst_requests.py');

/** A Python that has `requests`: Debian's (python3-requests, installed by .ci/run), else whatever python3 is. */
async function pythonWithRequests(): Promise<string> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (candidate.startsWith('/') && !existsSync(candidate)) continue;
    try {
      await run(candidate, ['-c', 'import requests']);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('No python3 with requests: apt-get install -y python3-requests (.ci/run does).');
}

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  await loadFixture(t.dataSource);
});

afterAll(async () => {
  await t?.close();
});

it('the Python example reads 新收 per agency from the API and from the CSV download, the same numbers', async () => {
  const python = await pythonWithRequests();
  const analyst = await t.signInAs('analyst');
  const created = await analyst.gql<{ createAccessToken: { token: string } }>('mutation { createAccessToken(input: { name: "python example" }) { token } }');
  const { stdout } = await run(python, [EXAMPLE, '2023'], {
    env: { PATH: process.env['PATH'] ?? '', OGI_URL: t.url, OGI_TOKEN: created.data!.createAccessToken.token, OGI_PAGE_SIZE: '3' },
    timeout: 120_000,
  });
  const out = JSON.parse(stdout) as {
    api: Record<string, number | null>;
    download: Record<string, number | null>;
    agree: boolean;
    reports: Record<string, { names: string[]; pages: number; totalCount: number }>;
  };
  // Every 2023 report of the fixture, 新收 as the fixture's table gives it.
  const expected = Object.fromEntries(REPORTS.filter((r) => r.year === 2023).map((r) => [`${r.agency} 2023`, r.n]));
  expect(out.api).toEqual(expected);
  expect(out.download).toEqual(expected);
  expect(out.agree).toBe(true);
  expect(out.api[`${CITY_EDU} 2023`]).toBe(40);
  expect(out.api[`${DISTRICT_HEALTH} 2023`]).toBe(50);
  // The six 2023 reports, by agency name (the database's C collation: by UTF-8 bytes), in two pages of three.
  const names2023 = REPORTS.filter((r) => r.year === 2023)
    .map((r) => r.agency)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  expect(out.reports['2023']).toEqual({ names: names2023, pages: 2, totalCount: 6 });
});

it('the Python example stops with the server’s message when the token is refused', async () => {
  const python = await pythonWithRequests();
  const failed = await run(python, [EXAMPLE, '2023'], {
    env: { PATH: process.env['PATH'] ?? '', OGI_URL: t.url, OGI_TOKEN: 'ogi_pat_revokedrevokedrevokedrevoked' },
  }).catch((err: { code: number; stderr: string }) => err);
  expect('code' in failed && failed.code).toBe(1);
  expect((failed as { stderr: string }).stderr).toContain('TOKEN_INVALID');
});
