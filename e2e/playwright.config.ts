/**
 * Browser journeys against the real product: the built server (which also serves the built client) on a
 * free port with a throwaway data directory, driven in Debian's Chromium. Run `pnpm build` first.
 *
 * E2E_BASE_URL=http://host:port runs the journeys against a product that is already running instead
 * (nothing is started then) — for looking at a dev server, never for CI.
 */
import { defineConfig } from '@playwright/test';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_ADMIN, STORAGE_STATE } from './support/accounts.js';

// A port of this run's own (the workers inherit it through the environment), so that two runs on one machine
// never share a server or a data directory.
process.env.E2E_PORT ??= String(3200 + (process.pid % 2000));
const PORT = Number(process.env.E2E_PORT);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA_DIR = join(tmpdir(), `ogi-e2e-${PORT}`);
const external = process.env.E2E_BASE_URL;

// The config is also loaded by each worker; only the runner (which starts the server) starts from empty.
if (!external && process.env.TEST_WORKER_INDEX === undefined) rmSync(DATA_DIR, { recursive: true, force: true });

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  // The machine running the journeys is often shared: a page may take longer than the default 5 s to answer.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    baseURL: external ?? `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    // Charts then draw without animation (the dashboard honours the setting), so screenshots show them finished.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium (apt-get install chromium); never a browser downloaded by `playwright install`.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // Signs in once through the sign-in page; every journey starts from that session.
    { name: 'setup', testMatch: /auth\.setup\.ts$/, use: { browserName: 'chromium' } },
    { name: 'chromium', use: { browserName: 'chromium', storageState: STORAGE_STATE }, dependencies: ['setup'] },
  ],
  webServer: external
    ? undefined
    : {
        command: 'node server/dist/main.js',
        cwd: ROOT,
        url: `http://127.0.0.1:${PORT}/`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          PORT: String(PORT),
          HOST: '127.0.0.1',
          DATA_DIR,
          NODE_ENV: 'test',
          // The first administrator, created on the first start of the empty database.
          ADMIN_USERNAME: E2E_ADMIN.username,
          ADMIN_PASSWORD: E2E_ADMIN.password,
          ADMIN_DISPLAY_NAME: E2E_ADMIN.displayName,
          // Every journey signs in from 127.0.0.1: the per-address limit (30 per 15 minutes, tested on its own in
          // server/test) would otherwise depend on how many journeys there are.
          LOGIN_RATE_LIMIT: '1000',
          // The collect journey serves an agency's site from 127.0.0.1; without this the product refuses it.
          COLLECT_ALLOW_PRIVATE_NETWORKS: 'true',
          COLLECT_HOST_INTERVAL_MS: '0',
        },
      },
});
