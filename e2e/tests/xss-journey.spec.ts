/**
 * Hostile text never runs: a report whose text carries <script> and <img onerror>, uploaded under a file name
 * that is itself markup, its agency renamed to markup, and a user whose display name is markup. Every page that
 * shows them shows the characters as written; no payload sets its window flag, and the Content-Security-Policy
 * has nothing to block (nothing was ever parsed as markup).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SIGNED_OUT } from '../support/accounts.js';
import { adminApi, createUser } from '../support/api.js';
import { watchCsp } from '../support/csp.js';
import { snap } from '../support/screenshots.js';

const SEED = fileURLToPath(new URL('../../packages/corpus/reports/000_ezhou_xzspj_2020.txt', import.meta.url));

const TEXT_PAYLOAD = `<script>window.__xss="text-script"</script> <img src=x onerror="window.__xss='text-img'">`;
const FILE_NAME = `<svg onload=window.__xss='file'>.txt`;
const AGENCY_NAME = `安全测试市<img/src=x/onerror=window.__xss="agency">行政审批局`;
const DISPLAY_NAME = `<img src=x onerror="window.__xss='user'">测试员`;

/** What the payloads would have set, had any of them run. */
const xssFlag = (page: Page) => page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss);

test('report text, file names, agency names and user names are shown as text and never run', async ({ page, request, browser }) => {
  const api = await adminApi(request);

  // A report of a new agency whose text carries the payloads, uploaded under a file name that is markup.
  const text = (await readFile(SEED, 'utf8')).replaceAll('鄂州市行政审批局', '安全测试市行政审批局').split('\n');
  text.splice(2, 0, TEXT_PAYLOAD);
  const upload = await request.post('/api/uploads', {
    headers: { 'x-csrf-token': api.csrfToken },
    multipart: { files: { name: FILE_NAME, mimeType: 'text/plain', buffer: Buffer.from(text.join('\n'), 'utf8') } },
  });
  expect(upload.status()).toBe(200);
  const [stored] = (await upload.json()) as { status: string; fileName: string; reportId: string; agencyId: string }[];
  expect(stored).toMatchObject({ status: 'stored', fileName: FILE_NAME });

  await api.gql('mutation($i: UpdateAgencyInput!) { updateAgency(input: $i) { id } }', { i: { id: stored!.agencyId, name: AGENCY_NAME } });
  const user = await createUser(api, { username: `xss.${Date.now()}`, displayName: DISPLAY_NAME, role: 'viewer' });

  const csp = watchCsp(page);
  await page.goto(`/reports/${stored!.reportId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(AGENCY_NAME);
  // The file name, in the report's details and its versions: as text each time.
  await expect(page.getByText(FILE_NAME, { exact: false }).first()).toBeVisible();

  // The report's own text, opened from one of its numbers.
  const table = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
  await table
    .getByRole('row', { name: /（一）予以公开/ })
    .getByRole('cell')
    .last()
    .click();
  const source = page.getByRole('complementary', { name: '原文' });
  await expect(source).toContainText(TEXT_PAYLOAD);
  await snap(page, 'xss-1-report.zh-CN');

  await page.goto('/reports');
  await expect(page.getByRole('link', { name: AGENCY_NAME })).toBeVisible();
  await page.goto(`/agencies/${stored!.agencyId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(AGENCY_NAME);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(await xssFlag(page)).toBeUndefined();
  expect(csp).toEqual([]);

  // The user whose name is markup sees it, as text, in the header.
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const own = await context.newPage();
  const ownCsp = watchCsp(own);
  await own.goto('/login');
  await own.getByLabel('用户名').fill(user.username);
  await own.getByLabel('密码').fill(user.password);
  await own.getByRole('button', { name: '登录' }).click();
  await expect(own.getByRole('group', { name: '当前账号' })).toContainText(DISPLAY_NAME);
  await own.goto(`/reports/${stored!.reportId}`);
  await expect(own.getByRole('heading', { level: 1 })).toContainText(AGENCY_NAME);
  expect(await xssFlag(own)).toBeUndefined();
  expect(ownCsp).toEqual([]);
  await context.close();
});
