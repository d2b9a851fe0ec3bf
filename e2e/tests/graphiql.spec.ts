/**
 * An analyst opens the GraphQL explorer at /graphql: our own bundle (no request leaves the server), the example
 * queries ready as tabs, and a query runs against the real API.
 */
import { expect, test } from '@playwright/test';
import { watchCsp } from '../support/csp.js';
import { snap } from '../support/screenshots.js';

test('the GraphQL explorer loads from our server and runs an example query', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  const csp = watchCsp(page);
  await page.goto('/graphql');
  await expect(page).toHaveTitle(/GraphQL/);
  // The three examples open as tabs; the first (a comparison) is shown.
  await expect(page.getByRole('tab')).toHaveCount(3);
  await expect(page.getByText('CompareCityDepartments').first()).toBeVisible();
  await page.getByRole('button', { name: /Execute query/ }).click();
  // The answer comes back from the real API (the sample data has city departments).
  await expect(page.getByText('"compare"').first()).toBeVisible();
  await expect(page.getByText('"values"').first()).toBeVisible();
  await snap(page, 'graphiql');
  expect(foreign).toEqual([]);
  // It works under the same Content-Security-Policy as the dashboard: nothing blocked.
  expect(csp).toEqual([]);
});
