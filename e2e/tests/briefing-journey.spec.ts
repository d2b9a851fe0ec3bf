/**
 * Journey: the bureau's loop. An editor sets the thresholds of 实质公开率, generates the briefing and the notice
 * of 2024 and opens both DOCX files (read back with mammoth; their sentences compared with the API's), builds
 * the follow-up list and marks an agency's item reminded; the agency's clerk uploads a corrected report and the
 * item closes by itself.
 */
import { expect, test, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SIGNED_OUT } from '../support/accounts.js';
import { adminApi, createUser } from '../support/api.js';

/** A sample report whose tables add up (every check passes), as an agency of its own so that this journey leaves the others' data alone. */
const SAMPLE = fileURLToPath(new URL('../../packages/corpus/reports/005_shanghai_kewei_2024.md', import.meta.url));
const AGENCY = '上海市督办演示局';
const YEAR = '2024';
const corrected = readFileSync(SAMPLE, 'utf8').replaceAll('上海市科委', AGENCY);

/** The report as first published: 予以公开's total printed 8 where its columns add up to 9 (the table does not add up). */
function misprinted(text: string): string {
  const row = '| 三、 | （一）予以公开 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |';
  expect(text).toContain(row);
  return text.replace(row, '| 三、 | （一）予以公开 | 9 | 0 | 0 | 0 | 0 | 0 | 8 |');
}

async function signIn(page: Page, user: { username: string; password: string; displayName: string }) {
  await page.goto('/');
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  // Signed in once the header names the user (the navigation shows on the sign-in page too).
  await expect(page.getByRole('group', { name: '当前账号' })).toContainText(user.displayName);
}

/** Runs a check; when it fails, the error also carries what the page showed (a CI run keeps only the printed log). */
async function showingPageOnFailure(page: Page, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (err) {
    const shown = await page
      .locator('main')
      .innerText()
      .catch(() => '(the page could not be read)');
    throw new Error(`${(err as Error).message}\n--- the page showed ---\n${shown}`, { cause: err });
  }
}

async function docxText(page: Page, link: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const path = await download.path();
  return (await mammoth.extractRawText({ path })).value;
}

test('thresholds, briefing and notice as DOCX, a follow-up reminded and closed by a corrected report', async ({ browser, request }) => {
  // Four sign-ins (scrypt) and two documents: minutes on a busy shared machine.
  test.setTimeout(480_000);
  const api = await adminApi(request);
  const upload = await request.post('/api/uploads', {
    multipart: { files: { name: 'duban-2024.md', mimeType: 'text/markdown', buffer: Buffer.from(misprinted(corrected), 'utf8') } },
    headers: { 'x-csrf-token': api.csrfToken },
  });
  expect(((await upload.json()) as { status: string }[])[0]!.status).toBe('stored');
  const { agencies } = await api.gql<{ agencies: { items: { id: string; name: string }[] } }>(`{ agencies(search: "${AGENCY}") { items { id name } } }`);
  const agencyId = agencies.items.find((a) => a.name === AGENCY)!.id;
  const editor = { ...(await createUser(api, { username: `editor.${Date.now()}`, displayName: '数据局编辑', role: 'editor' })), displayName: '数据局编辑' };
  const clerk = {
    ...(await createUser(api, { username: `duban.${Date.now()}`, displayName: '督办演示局填报员', role: 'department', agencyId })),
    displayName: '督办演示局填报员',
  };

  const editorContext = await browser.newContext({ storageState: SIGNED_OUT, acceptDownloads: true });
  const page = await editorContext.newPage();
  await signIn(page, editor);

  // Thresholds: 实质公开率 red below 30 %, yellow below 35 %, at least 10 applications.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '红黄绿阈值' }).click();
  const card = page.getByRole('region', { name: '实质公开率' });
  await card.getByRole('button', { name: '修改' }).click();
  await card.getByLabel('红线').fill('30');
  await card.getByLabel('黄线').fill('35');
  await card.getByLabel('最小样本量（件）').fill('10');
  await card.getByLabel('修改理由').fill('按本市实际调整');
  await card.getByRole('button', { name: '保存新版本' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存为第' })).toHaveText('已保存为第 1 版。');
  await expect(card).toContainText('30.0%');

  // The briefing of the year: the page and the DOCX say what the API says.
  const { briefing } = await api.gql<{
    briefing: {
      scopeNameZh: string;
      headlines: { metric: string; sentenceZh: string }[];
      submissionSentenceZh: string;
      leagues: { metric: string; sentenceZh: string }[];
    };
  }>(`{ briefing(year: ${YEAR}) { scopeNameZh headlines { metric sentenceZh } submissionSentenceZh leagues { metric sentenceZh } } }`);
  const received = briefing.headlines.find((h) => h.metric === 'applications.new')!.sentenceZh;
  const league = briefing.leagues.find((l) => l.metric === 'outcomes.substantiveDisclosureRate')!.sentenceZh;
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '年度简报' }).click();
  await page.getByLabel('年度').selectOption(YEAR);
  await expect(page.getByText(received)).toBeVisible();
  await expect(page.getByText(league)).toBeVisible();

  const briefingDocx = await docxText(page, '下载简报（DOCX）');
  expect(briefingDocx).toContain(`${briefing.scopeNameZh}${YEAR}年度政府信息公开工作观测简报`);
  expect(briefingDocx).toContain(received);
  expect(briefingDocx).toContain(briefing.submissionSentenceZh);
  expect(briefingDocx).toContain(league);
  expect(briefingDocx).toContain('阈值（第 1 版');

  const noticeDocx = await docxText(page, '下载通报（DOCX）');
  expect(noticeDocx).toContain(`${YEAR}年度政府信息公开工作年度报告质量检查情况的通报`);
  expect(noticeDocx).toMatch(new RegExp(`${AGENCY}\\s+1\\. 数据不一致：表格数据不能自洽`));

  // The follow-up list: built from the data, the agency's item marked reminded.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督办' }).click();
  await page.getByLabel('年度').selectOption(YEAR);
  await page.getByRole('button', { name: '根据数据生成督办事项' }).click();
  await expect(page.getByRole('status').filter({ hasText: '新增' })).toBeVisible();
  const item = page.getByRole('listitem', { name: `${AGENCY} 数据不一致` });
  await showingPageOnFailure(page, () => expect(item).toContainText('待提醒'));
  await item.getByRole('button', { name: '标记为已提醒' }).click();
  // Once reminded, the item offers no "remind" any more and says so.
  await expect(item.getByRole('button', { name: '标记为已提醒' })).toHaveCount(0);
  await expect(item).toContainText('已提醒');
  await editorContext.close();

  // The clerk sees the item, uploads the corrected report, and the item closes.
  const clerkContext = await browser.newContext({ storageState: SIGNED_OUT });
  const clerkPage = await clerkContext.newPage();
  await signIn(clerkPage, clerk);
  await clerkPage.goto('/follow-ups');
  await clerkPage.getByLabel('年度').selectOption(YEAR);
  const mine = clerkPage.getByRole('listitem', { name: `${AGENCY} 数据不一致` });
  await expect(mine).toContainText('已提醒');
  // Only its own agency's items.
  await expect(clerkPage.getByRole('listitem').filter({ hasNotText: AGENCY })).toHaveCount(0);
  await mine.getByLabel('答复').fill('已更正予以公开总计，重新发布');
  await mine.getByRole('button', { name: '提交答复' }).click();
  await expect(mine).toContainText('已更正予以公开总计，重新发布');

  await clerkPage.getByRole('link', { name: '上传更正后的年报' }).click();
  await clerkPage
    .getByLabel('选择文件')
    .setInputFiles([{ name: 'duban-2024-corrected.md', mimeType: 'text/markdown', buffer: Buffer.from(corrected, 'utf8') }]);
  await expect(clerkPage.getByRole('table', { name: '上传结果' }).getByRole('row', { name: /duban-2024-corrected\.md/ })).toContainText('已入库', {
    timeout: 60_000,
  });

  await clerkPage.goto('/follow-ups');
  await clerkPage.getByLabel('年度').selectOption(YEAR);
  await expect(mine).toContainText('已整改');
  await expect(mine).toContainText('由新版本报告');
  await clerkContext.close();
});
