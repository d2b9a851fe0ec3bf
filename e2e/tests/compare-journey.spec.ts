/**
 * Journey: an analyst compares two agencies over two years — picks them by search and from the agency tree,
 * chooses the years, reads the chart and the table, and checks a number against the report it came from.
 */
import { expect, test } from '@playwright/test';
import { snap } from '../support/screenshots.js';

test('compare two agencies over years, and trace a value to its report', async ({ page }) => {
  await page.goto('/compare');
  await expect(page.getByRole('heading', { level: 1, name: '对比' })).toBeVisible();

  // One agency by search…
  await page.getByRole('button', { name: /^机关：/ }).click();
  const picker = page.getByRole('dialog', { name: '选择机关' });
  await picker.getByRole('searchbox', { name: '搜索机关' }).fill('洪泽');
  await picker.getByRole('checkbox', { name: '淮安市洪泽区人民政府' }).check();
  // …one from the tree.
  await picker.getByRole('searchbox', { name: '搜索机关' }).fill('');
  await picker.getByRole('checkbox', { name: /^淮安市人民政府/ }).check();
  await picker.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('list', { name: '已选机关' }).getByRole('listitem')).toHaveText([/淮安市洪泽区人民政府/, /淮安市人民政府/]);

  // Years 2023 and 2024 only.
  const years = page.getByRole('group', { name: '年度' });
  for (const y of ['2019', '2020', '2021', '2022', '2023', '2024', '2025']) {
    const button = years.getByRole('button', { name: y, exact: true });
    const want = y === '2023' || y === '2024';
    if ((await button.getAttribute('aria-pressed')) !== String(want)) await button.click();
    await expect(button).toHaveAttribute('aria-pressed', String(want));
  }
  await expect(page).toHaveURL(/years=2023%2C2024|years=2023,2024/);

  // The chart is drawn for the two agencies and the two years.
  const chart = page.getByRole('figure', { name: '本年新收申请' });
  await expect(chart.getByText('2 个机关 · 2023、2024')).toBeVisible();
  await expect(chart.getByRole('img')).toBeVisible();

  // The table has one row per agency, a column per metric and year.
  const table = page.getByRole('table', { name: '对比表' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('columnheader', { name: /本年新收申请 2023 年/ })).toBeVisible();
  const hongze = table.getByRole('row', { name: /淮安市洪泽区人民政府/ });
  const cells = hongze.getByRole('cell');
  const newIn2023 = (await cells.nth(0).innerText()).trim();
  expect(newIn2023).toMatch(/^\d[\d,]*$/);
  await snap(page, 'compare-1.zh-CN');

  // Sorting by a column puts the larger value first.
  await table.getByRole('button', { name: /本年新收申请 2024 年/ }).click();
  await expect(table.getByRole('columnheader', { name: /本年新收申请 2024 年/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('淮安市人民政府');

  // The number in the comparison is the number the report prints (row 一, total column).
  await cells.nth(0).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('淮安市洪泽区人民政府 2023 年度报告');
  const report = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
  await expect(
    report
      .getByRole('row', { name: /本年新收政府信息公开申请数量/ })
      .getByRole('cell')
      .last(),
  ).toHaveText(newIn2023);

  // Back: the view (agencies, years, sort) is in the URL.
  await page.goBack();
  await expect(page.getByRole('table', { name: '对比表' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('group', { name: '年度' }).getByRole('button', { name: '2025' })).toHaveAttribute('aria-pressed', 'false');
});

test('all departments of a government in one click', async ({ page }) => {
  await page.goto('/compare?years=2023,2024');
  await page.getByRole('button', { name: /^机关：/ }).click();
  const picker = page.getByRole('dialog', { name: '选择机关' });
  await picker.getByRole('button', { name: '选择沭阳县人民政府的全部部门' }).click();
  await picker.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('button', { name: /^机关：/ })).toHaveText(/沭阳县人民政府的全部部门/);
  await expect(page).toHaveURL(/parent=\d+&kinds=department|kinds=department.*parent=\d+/);
  const table = page.getByRole('table', { name: '对比表' });
  await expect(table.getByRole('row', { name: /沭阳县发展和改革局/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /沭阳县人民政府/ })).toHaveCount(0);
});
