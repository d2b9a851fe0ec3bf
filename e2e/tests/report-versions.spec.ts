/**
 * Journey: an agency re-publishes its report with a changed number and a later date. The report page lists both
 * versions, and comparing them names what changed — the publication date and each changed cell, old → new.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adminApi } from '../support/api.js';
import { snap } from '../support/screenshots.js';

const SEED = fileURLToPath(new URL('../../packages/corpus/reports/000_ezhou_xzspj_2020.txt', import.meta.url));
/** The seed report as an agency of its own, so re-publishing it leaves the other journeys' data alone. */
const AGENCY = '鄂州市版本演示局';
const first = readFileSync(SEED, 'utf8').replaceAll('鄂州市行政审批局', AGENCY);

/** The same report re-published four days later, with 予以公开 (natural persons and total) 19 → 18. */
function republished(text: string): string {
  const lines = text.replaceAll('2021年01月24日', '2021年01月28日').replaceAll('2021年1月24日', '2021年1月28日').split('\n');
  const row = lines.findIndex((l) => l.startsWith('(一)予以公开'));
  expect(row).toBeGreaterThan(0);
  // the row's seven cells follow its label, one per line: six applicant columns, then the total
  for (const at of [row + 1, row + 7]) {
    expect(lines[at]).toBe('19 |');
    lines[at] = '18 |';
  }
  return lines.join('\n');
}

async function upload(request: APIRequestContext, name: string, text: string): Promise<{ status: string; reportId: string }> {
  const { csrfToken } = await adminApi(request);
  const response = await request.post('/api/uploads', {
    multipart: { files: { name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') } },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { status: string; reportId: string }[])[0]!;
}

test('a re-published report: both versions are listed, and comparing them shows what changed', async ({ page, request }) => {
  expect(await upload(request, 'versions-demo-2020.txt', first)).toMatchObject({ status: 'stored' });
  const second = await upload(request, 'versions-demo-2020-republished.txt', republished(first));
  expect(second).toMatchObject({ status: 'stored' });

  await page.goto(`/reports/${second.reportId}`);
  const versions = page.getByRole('region', { name: '版本', exact: true });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions.getByRole('listitem').first()).toContainText('第 2 版');
  await expect(versions.getByRole('listitem').first()).toContainText('现行版本');

  await versions.getByRole('button', { name: '与此版本（第 1 版）比较' }).click();
  const diff = page.getByRole('region', { name: '版本比较' });
  await expect(diff.getByRole('status')).toContainText('第 1 版 → 第 2 版');
  const cells = diff.getByRole('table', { name: '数字的变化（2 处）' });
  await expect(cells.getByRole('row', { name: /予以公开/ })).toHaveCount(2);
  for (const row of await cells.getByRole('row', { name: /予以公开/ }).all()) {
    await expect(row.getByRole('cell')).toHaveText(['19', '18', '−1']);
  }
  await expect(diff.getByRole('table', { name: '报告信息的变化' })).toContainText('2021');
  await snap(page, 'report-versions-diff.zh-CN');

  // The comparison lives in the address: reloading keeps it.
  await page.reload();
  await expect(page.getByRole('region', { name: '版本比较' }).getByRole('table', { name: '数字的变化（2 处）' })).toBeVisible();
});
