/**
 * Every page opens with its data on the sample reports, in both languages, and leaves a screenshot.
 */
import { expect, test } from '@playwright/test';
import { snap } from '../support/screenshots.js';

const PAGES = [
  { path: '/outcomes', zh: '不予公开原因与处理结果', en: 'Withholding reasons and outcomes', figure: /历年办理结果|Outcomes over the years/ },
  { path: '/review', zh: '复议诉讼', en: 'Review & litigation', figure: /^行政复议$|^Administrative reviews$/ },
  { path: '/quality', zh: '报送与质量', en: 'Submissions & quality', figure: /各项检查不通过次数|How often each check fails/ },
  { path: '/explorer', zh: 'GraphQL', en: 'GraphQL', figure: null },
  { path: '/users', zh: '用户管理', en: 'Users', figure: null },
  { path: '/account', zh: '修改密码', en: 'Change password', figure: null },
];

for (const p of PAGES) {
  test(`${p.path} opens with its data`, async ({ page }) => {
    await page.goto(p.path);
    await expect(page.getByRole('heading', { level: 1, name: p.zh })).toBeVisible();
    if (p.figure) await expect(page.getByRole('figure', { name: p.figure }).first().getByRole('img')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await snap(page, `page${p.path.replace(/\//g, '-')}.zh-CN`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: p.en })).toBeVisible();
    await snap(page, `page${p.path.replace(/\//g, '-')}.en`);
  });
}

// Running a query in the explorer is graphiql.spec.ts's journey; this page's part is embedding it.
test('the GraphQL page embeds the server’s explorer with its example queries', async ({ page }) => {
  await page.goto('/explorer');
  const explorer = page.getByTitle('GraphQL 查询浏览器').contentFrame();
  await expect(explorer.getByRole('button', { name: /Execute query/ })).toBeVisible();
  await expect(explorer.getByRole('tab')).toHaveCount(3);
});

test('the quality page drills from a submission to its report', async ({ page }) => {
  await page.goto('/quality?years=2023,2024');
  const matrix = page.getByRole('table', { name: /报送矩阵/ });
  const row = matrix.getByRole('row', { name: /沭阳县发展和改革局/ });
  await row.getByRole('link', { name: /按时|逾期|日期不明/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('沭阳县发展和改革局');
});
