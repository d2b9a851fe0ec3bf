/**
 * First journey: a clerk opens the observatory, finds the seed report (鄂州市行政审批局, 2020), opens it and
 * reads the section 三 table as printed, then switches the interface to English.
 */
import { expect, test } from '@playwright/test';
import { snap } from '../support/screenshots.js';

test('find the seed report, read its section 三 table, switch to English', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: '政府信息公开年报观测台' })).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '报告列表' })).toBeVisible();

  const listRow = page.getByRole('row', { name: /鄂州市行政审批局/ }).filter({ has: page.getByRole('cell', { name: '2020', exact: true }) });
  await expect(listRow).toBeVisible();
  await snap(page, '1-report-list.zh-CN');

  await listRow.getByRole('link', { name: '鄂州市行政审批局' }).click();
  await expect(page).toHaveURL(/\/reports\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('鄂州市行政审批局');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2020');

  const table = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
  await expect(table.getByRole('columnheader', { name: '申请人情况' })).toBeVisible();

  const newReceived = table.getByRole('row', { name: /本年新收政府信息公开申请数量/ });
  await expect(newReceived.getByRole('cell')).toHaveText(['29', '0', '0', '0', '0', '0', '29']);

  const granted = table.getByRole('row', { name: /（一）予以公开/ });
  await expect(granted.getByRole('cell').first()).toHaveText('19');

  const total = table.getByRole('row', { name: /（七）总计/ });
  await expect(total.getByRole('cell').last()).toHaveText('29');

  // The seed report breaks the printed 勾稽 rule under 自然人: that cell explains itself on focus.
  await newReceived.getByRole('cell').first().focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await snap(page, '2-report.zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'III. Disclosure applications received and handled' })).toBeVisible();
  const tableEn = page.getByRole('table', { name: 'III. Disclosure applications received and handled' });
  await expect(tableEn.getByRole('row', { name: /New applications this year/ }).getByRole('cell')).toHaveText(['29', '0', '0', '0', '0', '0', '29']);
  await snap(page, '3-report.en');

  await page.getByRole('link', { name: 'Back to reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await snap(page, '4-report-list.en');
});

test('the year filter lives in the URL', async ({ page }) => {
  await page.goto('/reports?year=2020');
  const year = page.getByRole('combobox', { name: '数据年度' });
  await expect(year).toHaveValue('2020');
  await expect(page.getByRole('row', { name: /鄂州市行政审批局/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^20(19|2[1-9])$/ })).toHaveCount(0);

  await year.selectOption('');
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('cell', { name: /^20(19|2[1-9])$/ }).first()).toBeVisible();
});
