/**
 * Journey: search the reports' text from the header's box; the results name the report and show the sentence
 * with the words marked; the link opens the report.
 */
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SEED = fileURLToPath(new URL('../../packages/corpus/reports/000_ezhou_xzspj_2020.txt', import.meta.url));

test('search the text of the reports and open a hit', async ({ page }) => {
  // A phrase of the sample report of 鄂州市行政审批局 2020, taken from the file itself.
  const text = await readFile(SEED, 'utf8');
  const phrase = '行政审批局';
  expect(text).toContain(phrase);

  await page.goto('/');
  const box = page.getByRole('search', { name: '搜索年报全文' });
  await box.getByRole('searchbox', { name: '搜索年报全文' }).fill(phrase);
  await box.getByRole('button', { name: '搜索' }).click();

  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1, name: '全文搜索' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`包含“${phrase}”`);
  const results = page.getByRole('list', { name: '搜索结果' });
  const hit = results.getByRole('listitem').filter({ hasText: '鄂州市行政审批局' }).first();
  await expect(hit.locator('mark').first()).toHaveText(phrase);

  await hit.getByRole('link', { name: /鄂州市行政审批局/ }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('鄂州市行政审批局');
});
