/**
 * Journey: an analyst checks that every figure says what it rests on, on the sample reports — a contradicted value
 * is marked on compare with its reason, the overview's figures carry their coverage and the ranking's tooltip its
 * scope and quality, and 鄂州 2020's report sets the printed legal-person share beside the one its parts give.
 * The outcomes page's charts say what each figure rests on. Then an editor marks an unchecked agency-year 未报送
 * (逾期未报) and takes the mark back, from the form and from the matrix cell itself.
 */
import { expect, test } from '@playwright/test';

test('a contradicted value is marked with its reason on compare', async ({ page }) => {
  // 洪泽 2023 prints its review 总计 as 0; its parts give 10 维持 + 1 纠正 = 11.
  await page.goto('/compare?years=2023&metrics=review.total&chartMetric=review.total');
  const table = page.getByRole('table', { name: '对比表' });
  const hongze = table.getByRole('row', { name: /淮安市洪泽区人民政府/ });
  await expect(hongze.getByRole('img', { name: '表内矛盾' })).toBeVisible();
  await expect(hongze.getByTitle(/表内矛盾 · 原表印数 0，按分项推算 11/)).toBeVisible();
});

test('the overview gives coverage beside its figures and in the trend, and the ranking names scope and quality', async ({ page }) => {
  await page.goto('/?year=2024');
  await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  await expect(page.getByText(/覆盖 \d[\d,]*\/\d[\d,]* 个机关/).first()).toBeVisible();

  // The trend's tooltip: a year's coverage.
  const trend = page.getByRole('figure', { name: '历年趋势' });
  const trendChart = trend.getByRole('img');
  await expect(trendChart).toBeVisible();
  const box = (await trendChart.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(trend.getByText(/覆盖 \d[\d,]*\/\d[\d,]* 个机关/)).toBeVisible();

  // The ranking's tooltip, reached by keyboard: the first bar's scope and quality state in words.
  const top = page.getByRole('figure', { name: '申请量最多的机关' });
  await top.getByRole('img').focus();
  await page.keyboard.press('ArrowDown');
  await expect(top.getByText(/口径：本机关 · 数据质量：(已核验|无法核验|已人工更正|报告自述)/)).toBeVisible();
});

test('鄂州 2020: the printed legal-person share and the one from its parts, side by side, and which one is used', async ({ page }) => {
  await page.goto('/reports?year=2020');
  await page
    .getByRole('row', { name: /鄂州市行政审批局/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('鄂州市行政审批局');
  const metrics = page.getByRole('region', { name: '指标与数据质量' });
  const share = metrics.getByRole('row', { name: /法人或其他组织申请占比/ });
  // 本年新收 prints 0 of 29 from legal persons; 办理总计 gives 3 商业企业 + 3 其他 = 6 of 29 = 20.7 %.
  await expect(share.getByRole('cell')).toHaveText([/20\.7\s*%/, '表内矛盾', /^0(\.0)?\s*%$/, /20\.7\s*%/, /按分项推算/]);
  await expect(share.getByRole('img', { name: '表内矛盾' })).toBeVisible();
});

test("the outcomes page's tooltips give each figure's scope, coverage and quality", async ({ page }) => {
  await page.goto('/outcomes?year=2023');
  await expect(page.getByRole('heading', { level: 1, name: '不予公开原因与处理结果' })).toBeVisible();
  // Per agency in 2023 (平潭, 沭阳发改局, 洪泽区): the first agency's bars, reached by keyboard, name their one report.
  const perAgency = page.getByRole('figure', { name: /2023 年各机关/ });
  await perAgency.getByRole('img').focus();
  await page.keyboard.press('ArrowDown');
  await expect(perAgency.getByText(/数据质量：已核验 · 口径：[^·]+ · 依据 1 份报告，覆盖 1\/1 个机关/).first()).toBeVisible();
});

test('an editor marks an unchecked agency-year 未报送 with a note, and takes it back', async ({ page }) => {
  await page.goto('/quality?years=2021');
  const panel = page.getByRole('region', { name: '标记未报送' });
  await panel.getByRole('combobox', { name: '机关年度' }).selectOption({ label: '鄂州市行政审批局 · 2021 年度' });
  await panel.getByRole('textbox', { name: '说明' }).fill('已核对门户网站年报栏目，未见 2021 年度报告');
  await panel.getByRole('button', { name: '标记为未报送' }).click();
  await expect(panel.getByRole('status')).toHaveText('已将 鄂州市行政审批局 2021 年度标记为未报送。');
  const matrix = page.getByRole('table', { name: /报送矩阵/ });
  await expect(matrix.getByRole('row', { name: /鄂州市行政审批局/ })).toContainText('未报送 · 人工标记');

  await panel.getByRole('textbox', { name: '说明' }).fill('测试完毕，撤销');
  await panel.getByRole('button', { name: '撤销 鄂州市行政审批局 2021 年度的未报送标记' }).click();
  await expect(panel.getByRole('status')).toHaveText('已撤销 鄂州市行政审批局 2021 年度的未报送标记。');
  await expect(matrix.getByRole('row', { name: /鄂州市行政审批局/ })).toContainText('未核查');
});

test('an editor marks an agency-year 未报送 from its matrix cell, and takes it back there', async ({ page }) => {
  await page.goto('/quality?years=2021');
  const matrix = page.getByRole('table', { name: /报送矩阵/ });
  const row = matrix.getByRole('row', { name: /鄂州市行政审批局/ });
  await expect(row).toContainText('未核查');
  // Only a cell whose status allows it offers the action: 鄂州's 2021 is unchecked.
  await row.getByRole('button', { name: '标记 鄂州市行政审批局 2021 年度为未报送' }).click();
  const dialog = page.getByRole('dialog', { name: '将 鄂州市行政审批局 2021 年度标记为未报送' });
  await dialog.getByRole('textbox', { name: '说明' }).fill('已核对门户网站年报栏目，未见 2021 年度报告');
  await dialog.getByRole('button', { name: '标记为未报送' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '已将 鄂州市行政审批局 2021 年度标记为未报送。' })).toBeVisible();
  await expect(row).toContainText('未报送 · 人工标记');

  await row.getByRole('button', { name: '撤销 鄂州市行政审批局 2021 年度的未报送标记' }).click();
  const undo = page.getByRole('dialog', { name: '撤销 鄂州市行政审批局 2021 年度的未报送标记' });
  await expect(undo).toContainText('已核对门户网站年报栏目');
  await undo.getByRole('textbox', { name: '说明' }).fill('测试完毕，撤销');
  await undo.getByRole('button', { name: '撤销标记' }).click();
  await expect(undo).toBeHidden();
  await expect(row).toContainText('未核查');
});
