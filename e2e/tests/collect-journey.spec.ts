/**
 * Journey: a clerk pastes the address of an agency's 年报 listing page on the import page. The server collects it
 * in the background as an import batch; the page shows each linked address as it is answered — the report stored
 * (with a link to it), a dead link failed with its code — and the report opens.
 *
 * The agency's site is a small server of this test on 127.0.0.1 (the product under test allows private networks
 * for that, see playwright.config.ts); nothing outside this machine is asked for.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { snap } from '../support/screenshots.js';

const SEED = fileURLToPath(new URL('../../packages/corpus/reports/000_ezhou_xzspj_2020.txt', import.meta.url));
/** The seed report as an agency of its own, so this journey leaves the others' data alone. */
const AGENCY = '鄂州市网址演示局';
const report = readFileSync(SEED, 'utf8').replaceAll('鄂州市行政审批局', AGENCY);
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PAGES: Record<string, string> = {
  '/nb/index.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
    <ul><li><a href="2020.html">${AGENCY}2020年政府信息公开工作年度报告</a></li>
    <li><a href="2019.html">${AGENCY}2019年政府信息公开工作年度报告</a></li></ul></body></html>`,
  '/nb/2020.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2020年报</title></head><body>${report
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n')}</body></html>`,
};

let site: Server;
let base = '';

test.beforeAll(async () => {
  site = createServer((req, res) => {
    const body = PAGES[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? '<html><body>404</body></html>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => site.close(resolve));
});

test('import from a listing page’s address: the batch shows each linked report as it is answered', async ({ page }) => {
  await page.goto('/import');
  await page.getByLabel('网址（每行一个）').fill(`${base}/nb/index.html`);
  await page.getByRole('button', { name: '抓取 1 个网址' }).click();

  const items = page.getByRole('table', { name: /^批次 #\d+ 的文件$/ });
  const stored = items.getByRole('row', { name: /2020\.html/ });
  await expect(stored.getByRole('cell').first()).toBeVisible();
  await expect(stored).toContainText('已入库');
  await expect(stored).toContainText(`${base}/nb/2020.html`);
  const dead = items.getByRole('row', { name: /2019\.html/ });
  await expect(dead).toContainText('HTTP_404');
  await expect(page.getByRole('region', { name: /^批次 #\d+/ }).first()).toContainText('已完成');
  // and the recent batches list has it, from web addresses
  await expect(page.getByRole('region', { name: '最近的导入批次' }).getByRole('row', { name: /网址抓取/ })).toContainText('已完成');
  await snap(page, 'collect-1-batch.zh-CN');

  await stored.getByRole('link', { name: '查看报告' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${AGENCY} 2020`);
});
