/**
 * Accounts end to end: the administrator creates an analyst on the users page; the analyst signs in (in a browser
 * of their own), changes the first password on the account page and signs in again with the new one; the
 * administrator disables the account, which ends the analyst's session and refuses their next sign-in.
 */
import { expect, test, type Page } from '@playwright/test';
import { SIGNED_OUT } from '../support/accounts.js';
import { snap } from '../support/screenshots.js';

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('an administrator creates an analyst, who changes the password; disabled, the analyst cannot sign in', async ({ page, browser }) => {
  const username = `analyst.${Date.now().toString(36)}`;
  const firstPassword = 'first password 2026';
  const newPassword = '春眠不觉晓处处闻啼鸟';

  // The administrator opens the users page from the navigation and creates the account.
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
  await expect(page.getByRole('row', { name: /e2e\.admin（本人）/ })).toContainText('管理员');
  await page.getByRole('button', { name: '新建账号' }).click();
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('姓名', { exact: true }).fill('王分析');
  await page.getByLabel('角色', { exact: true }).selectOption({ label: '分析' });
  await page.getByLabel('初始密码', { exact: true }).fill(firstPassword);
  await page.getByLabel('再次输入密码', { exact: true }).fill(firstPassword);
  await snap(page, 'users-0.create-form.zh-CN');
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByRole('status')).toHaveText(`已创建账号「${username}」。`);
  const row = page.getByRole('row', { name: new RegExp(username.replace('.', '\\.')) });
  await expect(row).toContainText('王分析');
  await expect(row).toContainText('分析');
  await expect(row).toContainText('启用');
  await expect(row).toContainText('从未登录');
  await snap(page, 'users-1.zh-CN');
  // The server's search finds it; the link keeps the search.
  await page.getByLabel('搜索用户名或姓名').fill('王分析');
  await expect(page).toHaveURL(/\/users\?search=/);
  await expect(page.getByRole('table', { name: '账号列表' }).getByRole('row')).toHaveCount(2);
  await expect(row).toBeVisible();

  // The analyst, in a browser of their own, signs in and changes the first password.
  const analystContext = await browser.newContext({ storageState: SIGNED_OUT });
  const analyst = await analystContext.newPage();
  await analyst.goto('/');
  await signIn(analyst, username, firstPassword);
  const account = analyst.getByRole('group', { name: '当前账号' });
  await expect(account).toContainText('王分析');
  await expect(analyst.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户' })).toHaveCount(0);
  await analyst.goto('/users');
  await expect(analyst.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
  await account.getByRole('link', { name: '修改密码' }).click();
  await expect(analyst.getByRole('heading', { level: 1, name: '修改密码' })).toBeVisible();
  await analyst.getByLabel('当前密码').fill(firstPassword);
  await analyst.getByLabel('新密码', { exact: true }).fill(newPassword);
  await analyst.getByLabel('再次输入新密码').fill(newPassword);
  await analyst.getByRole('button', { name: '修改密码' }).click();
  await expect(analyst.getByRole('status')).toHaveText('密码已修改。下次登录请使用新密码。');
  await snap(analyst, 'account-1.zh-CN');

  // Signed out, the new password lets them in again.
  await account.getByRole('button', { name: '退出登录' }).click();
  await expect(analyst).toHaveURL(/\/login/);
  await signIn(analyst, username, newPassword);
  await expect(analyst.getByRole('group', { name: '当前账号' })).toContainText('王分析');

  // The administrator sees the sign-in and disables the account.
  await page.reload();
  await expect(row).not.toContainText('从未登录');
  await row.getByRole('button', { name: '编辑' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `编辑账号「${username}」` })).toBeVisible();
  await page.getByLabel('启用（可以登录）').uncheck();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText(`已保存账号「${username}」的修改。`);
  await expect(row).toContainText('已停用');

  // Their session has ended: the next page sends them to sign in, and signing in is refused.
  await analyst.goto('/reports');
  await expect(analyst).toHaveURL(/\/login/);
  await signIn(analyst, username, newPassword);
  // A disabled account is answered exactly like a wrong password, so a correct password is never confirmed.
  await expect(analyst.getByRole('alert')).toHaveText('用户名或密码不正确。连续多次输错，账号将被暂时锁定。');
  await snap(analyst, 'account-2.disabled.zh-CN');
  await analystContext.close();
});
