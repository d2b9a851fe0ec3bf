/**
 * Journey: a clerk checks a number of a report against the document — clicks it, and the source text opens
 * beside the tables with the number highlighted where it was read; the view is a link that reproduces it.
 */
import { expect, test } from '@playwright/test';
import { snap } from '../support/screenshots.js';

test('click a number of a report: its source text is shown and highlighted, and the link keeps it', async ({ page }) => {
  await page.goto('/reports');
  await page
    .getByRole('row', { name: /鄂州市行政审批局/ })
    .getByRole('link', { name: '鄂州市行政审批局' })
    .click();
  const table = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
  const granted = table
    .getByRole('row', { name: /（一）予以公开/ })
    .getByRole('cell')
    .last();
  await expect(granted).toHaveText('19');
  await granted.click();

  const source = page.getByRole('complementary', { name: '原文' });
  await expect(source).toBeVisible();
  await expect(source).toContainText('（一）予以公开 · 总计');
  // The highlighted number: the one element of the text that is exactly the value, a <mark>, scrolled into view.
  const highlight = source.getByText('19', { exact: true });
  await expect(highlight).toHaveJSProperty('tagName', 'MARK');
  await expect(highlight).toBeInViewport();
  await expect(page).toHaveURL(/cell=applications\.granted/);
  await snap(page, 'report-source-1.zh-CN');

  // The URL reproduces the view.
  await page.reload();
  await expect(page.getByRole('complementary', { name: '原文' }).getByText('19', { exact: true })).toHaveJSProperty('tagName', 'MARK');

  // From the keyboard: focus another number and press Enter.
  const newReceived = table
    .getByRole('row', { name: /本年新收政府信息公开申请数量/ })
    .getByRole('cell')
    .last();
  await newReceived.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: '原文' })).toContainText('一、本年新收政府信息公开申请数量 · 总计');
  await expect(page.getByRole('complementary', { name: '原文' }).getByText('29', { exact: true })).toHaveJSProperty('tagName', 'MARK');

  await page.getByRole('complementary', { name: '原文' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('complementary', { name: '原文' })).toHaveCount(0);
});
