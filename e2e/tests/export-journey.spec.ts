/**
 * Journey: an analyst exports a chart of the comparison — its data as CSV and XLSX (the same numbers the chart's
 * table shows) and the chart as a PNG for a briefing — and the whole comparison table.
 */
import { expect, test, type Download, type Locator } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { snap } from '../support/screenshots.js';

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** The rows of an HTML table as the user reads them: header cells (without their sort arrows), then each row's cells. */
async function tableText(table: Locator): Promise<string[][]> {
  // A row's children are its cells (th or td), in order.
  const rows = await table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from((r as unknown as { children: ArrayLike<{ textContent: string | null }> }).children).map((c) => c.textContent ?? '')),
    );
  return rows.map((cells) => cells.map((c) => c.replace(/[↕▲▼]/g, '').trim()));
}

test('export a chart as CSV, XLSX and PNG, and the comparison table', async ({ page }) => {
  await page.goto('/compare?years=2023,2024&metrics=applications.new,outcomes.disclosureRate&chartMetric=applications.new');
  const figure = page.getByRole('figure', { name: '本年新收申请' });
  await expect(figure.getByRole('img')).toBeVisible();

  // What the chart shows, as its table.
  await figure.getByRole('button', { name: '表格' }).click();
  const shown = await tableText(figure.getByRole('table'));
  expect(shown.length).toBeGreaterThan(1);
  await snap(page, 'export-1-chart-table.zh-CN');
  await figure.getByRole('button', { name: '图表' }).click();

  // CSV: the same header and rows; blanks empty, not 0.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: '导出数据 CSV：本年新收申请' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^本年新收申请 .*\.csv$/);
  const csv = (await saved(csvDownload)).toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const csvRows = csv
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  expect(csvRows).toEqual(shown);

  // XLSX: a workbook a spreadsheet opens, with the same cells (numbers as numbers).
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: '导出数据 XLSX：本年新收申请' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await saved(xlsxDownload)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const sheetRows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= shown[0]!.length; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    sheetRows.push(cells);
  });
  expect(sheetRows).toEqual(shown);
  expect(typeof sheet.getRow(2).getCell(2).value === 'number' || sheet.getRow(2).getCell(2).value === null).toBe(true);

  // PNG: a real image, twice the screen resolution of the chart.
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: '导出图片 PNG：本年新收申请' }).click()]);
  const png = await saved(pngDownload);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const box = await figure.getByRole('img').boundingBox();
  expect(width).toBeGreaterThanOrEqual(Math.floor(box!.width * 2));

  // The whole comparison table as CSV: a row per agency, a column per metric and year.
  const table = page.getByRole('table', { name: '对比表' });
  const [tableDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出对比表 CSV' }).click()]);
  const tableCsv = (await saved(tableDownload)).toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(tableCsv[0]).toBe('机关,本年新收申请 2023 年 (件),本年新收申请 2024 年 (件),公开率 2023 年 (%),公开率 2024 年 (%)');
  expect(tableCsv).toHaveLength(await table.getByRole('row').count());
});
