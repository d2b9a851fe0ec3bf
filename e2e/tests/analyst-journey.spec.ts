/**
 * Journey: an analyst's script access. On the account page the administrator creates a read-only access token,
 * copies it (shown once), and a script (here Node's fetch, no cookie) reads the reports with it; a mutation is
 * refused; the token is listed with its last use and revoked, after which the script is refused. Then the original
 * file of a report is downloaded from the report page, byte for byte the sample file.
 */
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SEED = fileURLToPath(new URL('../../packages/corpus/reports/000_ezhou_xzspj_2020.txt', import.meta.url));

test('create an access token, use it from a script, revoke it', async ({ page, baseURL }) => {
  await page.goto('/account');
  const panel = page.getByRole('region', { name: '访问令牌' });
  await panel.getByLabel('名称').fill('e2e 脚本');
  await panel.getByRole('button', { name: '生成令牌' }).click();

  const shown = page.getByRole('region', { name: '新令牌「e2e 脚本」' });
  await expect(shown).toContainText('令牌只显示这一次');
  const token = await shown.getByLabel('令牌').inputValue();
  expect(token).toMatch(/^ogi_pat_/);

  const script = (query: string) =>
    fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    }).then((r) => r.json() as Promise<{ data?: { reports?: { items: { agency: { name: string } }[] } }; errors?: { extensions?: { reason?: string } }[] }>);
  const read = await script('{ reports(take: 100) { items { agency { name } } } }');
  expect(read.errors).toBeUndefined();
  expect(read.data!.reports!.items.map((r) => r.agency.name)).toContain('鄂州市行政审批局');
  const write = await script('mutation { logout }');
  expect(write.errors?.[0]?.extensions?.reason).toBe('SESSION_REQUIRED');

  // The list shows it, used just now; once the page is closed the token cannot be seen again.
  await shown.getByRole('button', { name: '我已保存' }).click();
  await page.reload();
  const row = page.getByRole('table', { name: '我的访问令牌' }).getByRole('row', { name: /e2e 脚本/ });
  await expect(row).toContainText('有效');
  await expect(row).not.toContainText('从未使用');
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole('button', { name: '撤销' }).click();
  await row.getByRole('button', { name: '确认撤销「e2e 脚本」' }).click();
  await expect(page.getByRole('status')).toContainText('令牌「e2e 脚本」已撤销');
  await expect(row).toContainText('已撤销');
  const refused = await script('{ reports { total } }');
  expect(refused.errors?.[0]?.extensions?.reason).toBe('TOKEN_INVALID');
});

test("download a report's original file from the report page", async ({ page }) => {
  await page.goto('/reports');
  const listRow = page.getByRole('row', { name: /鄂州市行政审批局/ }).filter({ has: page.getByRole('cell', { name: '2020', exact: true }) });
  await listRow.getByRole('link', { name: '鄂州市行政审批局' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('鄂州市行政审批局');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载原始文件 000_ezhou_xzspj_2020.txt' }).click()]);
  expect(download.suggestedFilename()).toBe('000_ezhou_xzspj_2020.txt');
  expect((await readFile(await download.path())).equals(await readFile(SEED))).toBe(true);
});
