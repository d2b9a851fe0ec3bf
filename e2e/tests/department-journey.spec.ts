/**
 * A department user sees only their own agency's reports — the server enforces it; the dashboard reflects it.
 */
import { expect, test } from '@playwright/test';
import { SIGNED_OUT } from '../support/accounts.js';
import { adminApi, createUser } from '../support/api.js';

test('a department clerk of 鄂州市行政审批局 lists only its reports', async ({ request, browser }) => {
  const api = await adminApi(request);
  const agencies = await api.gql<{ agencies: { items: { id: string; name: string }[] } }>('{ agencies(search: "鄂州市行政审批局") { items { id name } } }');
  const agency = agencies.agencies.items.find((a) => a.name === '鄂州市行政审批局')!;
  const all = await api.gql<{ reports: { total: number } }>('{ reports { total } }');
  expect(all.reports.total).toBeGreaterThan(1);
  const clerk = await createUser(api, { username: `dept.${Date.now()}`, displayName: '鄂州审批局填报员', role: 'department', agencyId: agency.id });

  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto('/reports');
  await page.getByLabel('用户名').fill(clerk.username);
  await page.getByLabel('密码').fill(clerk.password);
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page.getByRole('group', { name: '当前账号' })).toContainText('部门用户 · 鄂州市行政审批局');
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  const names = await rows.getByRole('link').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names)).toEqual(new Set(['鄂州市行政审批局']));
  await context.close();
});
