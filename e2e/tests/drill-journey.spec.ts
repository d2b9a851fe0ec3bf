/**
 * Journey: a leader sees the agency with the most applications on the overview, opens it from the chart,
 * goes to its latest report, and checks a number against the source text.
 */
import { expect, test } from '@playwright/test';
import { snap } from '../support/screenshots.js';

test('drill from the overview chart to an agency, its report, and a cell’s source', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  await expect(page.getByRole('region', { name: '本年新收申请' })).toBeVisible();
  const top = page.getByRole('figure', { name: '申请量最多的机关' });
  await expect(top.getByRole('img')).toBeVisible();
  await snap(page, 'overview-1.zh-CN');

  // The chart's first bar is the agency with the most applications: its name is the first row of the chart's data.
  await top.getByRole('button', { name: '表格' }).click();
  const first = top.getByRole('table').getByRole('row').nth(1);
  const agency = (await first.getByRole('rowheader').innerText()).trim();
  await top.getByRole('button', { name: '图表' }).click();

  // Keyboard drill: focus the chart, move to the first bar, Enter.
  const chart = top.getByRole('img');
  await chart.focus();
  await page.keyboard.press('ArrowDown');
  await expect(top.getByText(new RegExp(`${agency}：`))).toBeAttached();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: agency })).toBeVisible();
  await expect(page).toHaveURL(/\/agencies\/\d+/);
  await snap(page, 'agency-1.zh-CN');

  // Its latest report, then a number's source.
  await page.getByRole('table', { name: '历年报告' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(agency);
  const table = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
  const total = table
    .getByRole('row', { name: /（七）总计/ })
    .getByRole('cell')
    .last();
  const value = (await total.innerText()).trim();
  await total.click();
  const source = page.getByRole('complementary', { name: '原文' });
  await expect(source).toContainText('（七）总计 · 总计');
  const digits = value.replace(/,/g, '');
  await expect(source.getByText(digits, { exact: true })).toHaveJSProperty('tagName', 'MARK');
  await snap(page, 'report-1.zh-CN');
});

test('the overview prints as a briefing: figures and charts, without navigation, filters or buttons', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('figure', { name: '历年趋势' }).getByRole('img')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('search', { name: '筛选' })).toBeHidden();
  await expect(page.getByRole('button', { name: /导出/ }).first()).toBeHidden();
  await expect(page.getByText(/^(全省|全市|全县|全部机关) · \d{4} 年$/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: '公开率' })).toBeVisible();
  await expect(page.getByRole('figure', { name: '历年趋势' })).toBeVisible();
  await snap(page, 'overview-3-print.zh-CN');
});
