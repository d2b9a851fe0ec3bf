/**
 * Signing in and out: a signed-out visitor is sent to the sign-in page and back to where they were going; a wrong
 * password is explained; the header shows who is signed in and their role; signing out ends the session. Every
 * page is served under the strict Content-Security-Policy without a single violation.
 */
import { expect, test } from '@playwright/test';
import { E2E_ADMIN, SIGNED_OUT } from '../support/accounts.js';
import { watchCsp } from '../support/csp.js';
import { snap } from '../support/screenshots.js';

test.use({ storageState: SIGNED_OUT });

test('sign in, see who you are, sign out', async ({ page }) => {
  const csp = watchCsp(page);
  const first = await page.goto('/?year=2020');
  expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(first?.headers()['x-content-type-options']).toBe('nosniff');

  await expect(page).toHaveURL(/\/login\?redirect=/);
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  await snap(page, 'sign-in-1.zh-CN');

  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。连续多次输错，账号将被暂时锁定。');
  await expect(page.getByLabel('密码')).toHaveValue('');

  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/\?year=2020$/);
  const account = page.getByRole('group', { name: '当前账号' });
  await expect(account).toContainText(E2E_ADMIN.displayName);
  await expect(account).toContainText('管理员');

  await account.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  expect(csp).toEqual([]);
});

test('the sign-in page speaks English too', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await snap(page, 'sign-in-2.en');
});
