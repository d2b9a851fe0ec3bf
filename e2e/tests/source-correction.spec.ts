/**
 * Journey: an editor picks a misread number on a report page, reads it in the source text, corrects it with a
 * reason, and sees the table, the correction note (what the parser read, who, why) and the findings follow; then
 * withdraws it.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adminApi } from '../support/api.js';
import { snap } from '../support/screenshots.js';

const SEED = fileURLToPath(new URL('../../packages/corpus/reports/000_ezhou_xzspj_2020.txt', import.meta.url));
/** The seed report as an agency of its own, so correcting it leaves the other journeys' data alone. */
const AGENCY = '鄂州市更正演示局';
const report = readFileSync(SEED, 'utf8').replaceAll('鄂州市行政审批局', AGENCY);

test('correct a misread cell: the table, the note and the findings follow', async ({ page, request }) => {
  const form = { files: { name: 'correction-demo-2020.txt', mimeType: 'text/plain', buffer: Buffer.from(report, 'utf8') } };
  // Uploads change state: they carry the session's CSRF token like every mutation.
  const { csrfToken } = await adminApi(request);
  const uploaded = (await (await request.post('/api/uploads', { multipart: form, headers: { 'x-csrf-token': csrfToken } })).json()) as {
    status: string;
    reportId: string;
  }[];
  expect(uploaded[0]).toMatchObject({ status: 'stored' });

  await page.goto(`/reports/${uploaded[0]!.reportId}?cell=applications.newReceived[6]`);
  const table = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
  const newReceived = table.getByRole('row', { name: /本年新收政府信息公开申请数量/ });
  await expect(newReceived.getByRole('cell').last()).toHaveText('29');

  const panel = page.getByRole('region', { name: '更正此单元格' });
  await panel.getByLabel('原件中的正确数值').fill('2.5');
  await panel.getByLabel('更正理由（必填）').fill('核对纸质原件');
  await panel.getByRole('button', { name: '保存更正' }).click();
  await expect(panel.getByRole('alert')).toHaveText('件数必须是不小于 0 的整数。');

  await panel.getByLabel('原件中的正确数值').fill('30');
  await panel.getByRole('button', { name: '保存更正' }).click();
  await expect(panel.getByRole('status')).toContainText('已保存');
  await expect(newReceived.getByRole('cell').last()).toHaveText('30');
  await expect(panel.getByTestId('correction-active')).toContainText('已人工更正为 30（解析读作 29）');
  await expect(panel.getByTestId('correction-active')).toContainText('核对纸质原件');
  // The six applicant columns (29) no longer add up to the corrected total (30): the checks say so at once.
  await expect(
    page
      .getByRole('region', { name: /检查发现/ })
      .getByText(/应为 29，表中为 30/)
      .first(),
  ).toBeVisible();
  // The corrected number is marked in the table and listed with its reason for every reader; the change log has it.
  await expect(newReceived.getByRole('cell').last()).toHaveAttribute('aria-label', '30（已人工更正，解析读作 29）');
  const corrections = page.getByRole('region', { name: '人工更正（1）' });
  await expect(corrections.getByRole('row', { name: /本年新收/ }).getByRole('cell')).toContainText(['29', '30', '核对纸质原件']);
  const audit = page.getByRole('region', { name: '修改记录' });
  await expect(audit.getByRole('row', { name: /更正单元格/ })).toContainText('核对纸质原件');
  await snap(page, 'correction-1-corrected.zh-CN');

  // Withdrawn: the cell shows what the parser read again.
  await panel.getByLabel('更正理由（必填）').fill('更正有误，撤回');
  await panel.getByRole('button', { name: /撤回更正/ }).click();
  await expect(newReceived.getByRole('cell').last()).toHaveText('29');
  await expect(panel.getByTestId('correction-active')).toHaveCount(0);
  await expect(page.getByRole('region', { name: /人工更正（/ })).toHaveCount(0);
  await expect(audit.getByRole('row', { name: /撤回更正/ })).toContainText('更正有误，撤回');

  // The system-wide change log lists both, newest first.
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: '修改记录' })).toBeVisible();
  await expect(page.getByRole('row', { name: /更正有误，撤回/ }).first()).toContainText('撤回更正');
});
