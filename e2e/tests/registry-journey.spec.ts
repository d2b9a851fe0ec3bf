/**
 * Journey: an editor of the data bureau uploads two files together and sees them as one import batch with each
 * file's status (stored; failed with the reason); the batch is in the recent batches list. A later report prints
 * the new agency's name with a one-character typo: the quality page asks whether it is the same agency, the
 * editor confirms, and keeps the first new name as an agency of its own. On that agency's profile the editor
 * sets its listing page, an alias and the address of its 2020 report, and sees them there.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SIGNED_OUT } from '../support/accounts.js';
import { adminApi, createUser } from '../support/api.js';
import { snap } from '../support/screenshots.js';

const SEED = fileURLToPath(new URL('../../packages/corpus/reports/000_ezhou_xzspj_2020.txt', import.meta.url));
const seedText = readFileSync(SEED, 'utf8');
/** The seed report as another agency, new to the registry, would have published it. */
const asPublishedBy = (name: string) => seedText.replaceAll('鄂州市行政审批局', name).replaceAll('市行政审批局', name.replace(/^鄂州/, ''));
const NEW_AGENCY = '鄂州市地方志编纂委员会办公室';
/** The same agency with one character misprinted (纂 → 篡). */
const TYPO_NAME = '鄂州市地方志编篡委员会办公室';
const LISTING_URL = 'https://www.ezhou.gov.cn/dfz/zfxxgk/ndbg/';
const ALIAS = '鄂州市史志办';
const REPORT_URL = 'https://www.ezhou.gov.cn/dfz/zfxxgk/ndbg/2020.html';

test('an editor imports a batch, settles a new agency name and edits the agency', async ({ request, browser }) => {
  const api = await adminApi(request);
  const editor = await createUser(api, { username: `editor.${Date.now()}`, displayName: '数据局编辑', role: 'editor' });
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto('/import');
  await page.getByLabel('用户名').fill(editor.username);
  await page.getByLabel('密码').fill(editor.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '导入' })).toBeVisible();

  // Two files dropped together: one batch.
  await page.getByLabel('选择文件').setInputFiles([
    { name: 'dfz-2020.txt', mimeType: 'text/plain', buffer: Buffer.from(asPublishedBy(NEW_AGENCY), 'utf8') },
    { name: '通知.txt', mimeType: 'text/plain', buffer: Buffer.from('关于召开年度工作会议的通知\n请各科室负责人准时参加。\n', 'utf8') },
  ]);
  const session = page.getByRole('region', { name: '本次上传的导入批次' });
  const batch = session.getByRole('table', { name: /^批次 #\d+ 的文件$/ });
  await expect(batch.getByRole('row', { name: /dfz-2020\.txt/ })).toContainText('已入库', { timeout: 60_000 });
  await expect(batch.getByRole('row', { name: /通知\.txt/ })).toContainText('失败');
  await expect(batch.getByRole('row', { name: /通知\.txt/ })).toContainText('NOT_AN_ANNUAL_REPORT');
  const batchLabel = (/^批次 #\d+/.exec((await batch.locator('caption').textContent()) ?? '') ?? [''])[0];
  expect(batchLabel).toMatch(/^批次 #\d+$/);
  await expect(session.getByRole('region', { name: new RegExp(`^${batchLabel} `) })).toContainText('共 2 个文件：已入库 1 · 已存在 0 · 失败 1 · 待处理 0');
  await expect(session.getByRole('region', { name: new RegExp(`^${batchLabel} `) })).toContainText('已完成');

  // Editors see it among the recent batches, with who started it.
  const recent = page.getByRole('table', { name: '最近的导入批次' });
  const recentRow = recent.getByRole('row', { name: new RegExp(`^${batchLabel} `) });
  await expect(recentRow).toContainText(editor.username);
  await expect(recentRow).toContainText('网页上传');
  await expect(recentRow).toContainText('2 个：入库 1 · 已存在 0 · 失败 1 · 待处理 0');
  await snap(page, 'registry-1-batch.zh-CN');

  // A later report misprints the name: the import creates another agency, and asks.
  await page
    .getByLabel('选择文件')
    .setInputFiles([{ name: 'dfz-2020-typo.txt', mimeType: 'text/plain', buffer: Buffer.from(asPublishedBy(TYPO_NAME), 'utf8') }]);
  await expect(page.getByRole('table', { name: '上传结果' }).getByRole('row', { name: /dfz-2020-typo\.txt/ })).toContainText('已入库', { timeout: 60_000 });

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报送与质量' }).click();
  const proposals = page.getByRole('list', { name: '待确认的机关名称' });
  const typo = proposals.getByRole('listitem').filter({ hasText: `导入新建了机关“${TYPO_NAME}”——它是否就是已登记的“${NEW_AGENCY}”？` });
  await expect(typo).toContainText('名称相差一个字');
  await snap(page, 'registry-2-proposals.zh-CN');
  await typo.getByRole('button', { name: `是，并入“${NEW_AGENCY}”` }).click();
  await expect(page.getByRole('status').filter({ hasText: '已并入' })).toHaveText(`“${TYPO_NAME}”已并入 ${NEW_AGENCY}，并记为别名。`);
  await expect(typo).toHaveCount(0);

  // The first name had no registered match: it stays an agency of its own.
  const first = proposals.getByRole('listitem').filter({ hasText: `导入新建了机关“${NEW_AGENCY}”，登记册中没有名称相近的机关。` });
  await first.getByRole('button', { name: '保持独立' }).click();
  await expect(page.getByRole('status').filter({ hasText: '独立机关' })).toHaveText(`“${NEW_AGENCY}”已作为独立机关保留。`);

  // Its profile: the misprint is an alias now; the editor adds the listing page and another alias.
  const found = await api.gql<{ agencies: { items: { id: string; name: string }[] } }>('query($s: String) { agencies(search: $s) { items { id name } } }', {
    s: NEW_AGENCY,
  });
  const agency = found.agencies.items.find((a) => a.name === NEW_AGENCY)!;
  await page.goto(`/agencies/${agency.id}`);
  await expect(page.getByRole('heading', { level: 1, name: NEW_AGENCY })).toBeVisible();
  await expect(page.getByRole('region', { name: '历年报告' }).getByRole('row', { name: /2020/ })).toHaveCount(1);
  await expect(page.getByRole('definition').filter({ hasText: TYPO_NAME })).toBeVisible();

  await page.getByRole('button', { name: '编辑登记信息' }).click();
  const form = page.getByRole('form', { name: '编辑机关登记信息' });
  await form.getByLabel('年报栏目网址').fill('ezhou.gov.cn/dfz');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('网址须以 http:// 或 https:// 开头')).toBeVisible();
  await form.getByLabel('年报栏目网址').fill(LISTING_URL);
  const aliases = form.getByLabel('别名');
  await aliases.fill(`${await aliases.inputValue()}\n${ALIAS}`);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '登记信息已保存。' })).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('link', { name: LISTING_URL, exact: true })).toHaveAttribute('href', LISTING_URL);
  await expect(page.getByRole('definition').filter({ hasText: ALIAS })).toContainText(TYPO_NAME);
  await snap(page, 'registry-3-agency.zh-CN');

  // And where its 2020 report is published.
  const addresses = page.getByRole('region', { name: '各年度年报地址' });
  await addresses.getByLabel('年度').selectOption({ label: '2020 年' });
  await addresses.getByLabel('年报地址').fill(REPORT_URL);
  await addresses.getByRole('button', { name: '保存地址' }).click();
  await expect(addresses.getByRole('status')).toHaveText('2020 年度的年报地址已保存。');

  // What was saved is what the server holds.
  await page.reload();
  await expect(page.getByRole('link', { name: LISTING_URL, exact: true })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: ALIAS })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: '各年度年报地址' })
      .getByRole('row', { name: /2020 年/ })
      .getByRole('link'),
  ).toHaveAttribute('href', REPORT_URL);
  await context.close();
});
