import type { Page } from '@playwright/test';

/**
 * Collects what the Content-Security-Policy blocked on a page (Chromium reports each on the console). A page that
 * works as intended blocks nothing; markup smuggled in through data would show up here even though CSP stops it.
 */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}
