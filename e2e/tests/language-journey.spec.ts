/**
 * Journey: a foreign visitor switches the dashboard to English; every page follows, the metric names come from
 * the shared dictionary, and the choice is remembered.
 */
import { expect, test } from '@playwright/test';
import { snap } from '../support/screenshots.js';

test('switch to English on the overview, and it stays English across pages and visits', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link')).toHaveText([
    'Overview',
    'Compare',
    'Outcomes',
    'Review & litigation',
    'Submissions & quality',
    'Reports',
    'Import',
    'GraphQL',
    'Annual briefing',
    'Follow-ups',
    'Thresholds',
    'Change log',
    'Users',
  ]);
  await expect(page.getByRole('region', { name: 'New applications' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Disclosure rate' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Trend over the years' })).toBeVisible();

  // The formula is one click away, in English too.
  await page.getByRole('region', { name: 'Disclosure rate' }).getByRole('button', { name: 'Formula of “Disclosure rate”' }).click();
  await expect(page.getByRole('dialog', { name: 'Metric: Disclosure rate' })).toContainText('disclosed ÷ total handled');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Metric: Disclosure rate' })).toHaveCount(0);
  await snap(page, 'overview-2.en');

  await nav.getByRole('link', { name: 'Submissions & quality' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Submissions & quality' })).toBeVisible();
  await snap(page, 'quality-1.en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Submissions & quality' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '报送与质量' })).toBeVisible();
});
