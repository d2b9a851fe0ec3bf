/**
 * Journey: a clerk of the data bureau drops three files on the import page — a report of an agency the
 * observatory has not seen, a report it already has, and a file that is not a report — sees each file's
 * result, and finds the new report in the list and opens it.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { snap } from '../support/screenshots.js';

const SEED = fileURLToPath(new URL('../../packages/corpus/reports/000_ezhou_xzspj_2020.txt', import.meta.url));
const seedText = readFileSync(SEED, 'utf8');
/** The seed report as another (new) agency would have published it. */
const NEW_AGENCY = '鄂州市政务服务和大数据管理局';
const newReport = seedText.replaceAll('鄂州市行政审批局', NEW_AGENCY).replaceAll('市行政审批局', '市政务服务和大数据管理局');

test('import files: each shows its result, and the new report appears', async ({ page }) => {
  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入' })).toBeVisible();

  await page.getByLabel('选择文件').setInputFiles([
    { name: 'ezhou-zwfw-2020.txt', mimeType: 'text/plain', buffer: Buffer.from(newReport, 'utf8') },
    { name: '000_ezhou_xzspj_2020.txt', mimeType: 'text/plain', buffer: Buffer.from(seedText, 'utf8') },
    { name: '会议纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('这是一份会议纪要，不是年度报告。\n出席人员：张三、李四。\n', 'utf8') },
  ]);

  const results = page.getByRole('table', { name: '上传结果' });
  const stored = results.getByRole('row', { name: /ezhou-zwfw-2020\.txt/ });
  const duplicate = results.getByRole('row', { name: /000_ezhou_xzspj_2020\.txt/ });
  const failed = results.getByRole('row', { name: /会议纪要\.txt/ });

  await expect(stored).toContainText('已入库', { timeout: 60_000 });
  await expect(stored).toContainText(`${NEW_AGENCY} · 2020`);
  await expect(duplicate).toContainText('已存在', { timeout: 60_000 });
  await expect(failed).toContainText('失败', { timeout: 60_000 });
  await expect(failed).toContainText('不是政府信息公开工作年度报告');
  await expect(failed).toContainText('NOT_AN_ANNUAL_REPORT');
  await expect(page.getByRole('status').filter({ hasText: '已入库 1' })).toHaveText('已入库 1 · 已存在 1 · 失败 1 · 待处理 0');
  await snap(page, 'import-1-results.zh-CN');

  // The new report is in the list, and opens.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报告' }).click();
  const listRow = page.getByRole('row', { name: new RegExp(NEW_AGENCY) });
  await expect(listRow).toBeVisible();
  await listRow.getByRole('link', { name: NEW_AGENCY }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${NEW_AGENCY} 2020 年度报告`);
  const table = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
  await expect(table.getByRole('row', { name: /本年新收政府信息公开申请数量/ }).getByRole('cell')).toHaveText(['29', '0', '0', '0', '0', '0', '29']);
});

test('the import page keeps a link to the stored report of each file', async ({ page }) => {
  await page.goto('/import');
  await page.getByLabel('选择文件').setInputFiles([{ name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(seedText, 'utf8') }]);
  const row = page.getByRole('table', { name: '上传结果' }).getByRole('row', { name: /again\.txt/ });
  await expect(row).toContainText('已存在', { timeout: 60_000 });
  await row.getByRole('link', { name: '查看报告' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('鄂州市行政审批局 2020 年度报告');
});
