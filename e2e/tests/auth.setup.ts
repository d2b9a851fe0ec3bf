/**
 * Signs the administrator in through the real sign-in page and saves the session for the other journeys.
 */
import { expect, test as setup } from '@playwright/test';
import { E2E_ADMIN, STORAGE_STATE } from '../support/accounts.js';

setup('sign in as the administrator', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  // Checking a password is deliberately slow, and slower on a busy machine: more than the default 5 s.
  await expect(page.getByRole('group', { name: '当前账号' })).toContainText(E2E_ADMIN.displayName, { timeout: 20_000 });
  await page.context().storageState({ path: STORAGE_STATE });
});
