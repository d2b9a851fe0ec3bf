/**
 * Every page, as each role opens it, in both languages, at desktop (1440×900) and phone (390×844) width: the page
 * opens with its heading, every chart on it draws on the first visit (its canvas holds drawn pixels), no error is
 * shown or logged, and at phone width nothing scrolls sideways. A screenshot of each page is left behind.
 */
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { SIGNED_OUT, STORAGE_STATE } from '../support/accounts.js';
import { adminApi, createUser } from '../support/api.js';
import { chartStates, overflowingElements } from '../support/page-checks.js';
import { snap } from '../support/screenshots.js';

/** Pages of the shared machine answer slowly while other suites run: wait on them longer than the default 5 s. */
const expect = baseExpect.configure({ timeout: 15_000 });

type Role = 'admin' | 'editor' | 'analyst' | 'viewer' | 'department';
type Lang = 'zh-CN' | 'en';

/** The agency of the department account (it has reports in the samples); its report and page are toured too. */
const DEPARTMENT_AGENCY = '鄂州市行政审批局';

interface TourPage {
  name: string;
  path: (ids: Ids) => string;
  heading: Record<Lang, RegExp>;
  /** The roles that open it (the others are not offered it); all when absent. */
  roles?: readonly Role[];
}
interface Ids {
  agencyId: string;
  reportId: string;
}

const PAGES: TourPage[] = [
  { name: 'overview', path: () => '/', heading: { 'zh-CN': /^总览$/, en: /^Overview$/ } },
  { name: 'compare', path: () => '/compare', heading: { 'zh-CN': /^对比$/, en: /^Compare$/ } },
  { name: 'outcomes', path: () => '/outcomes', heading: { 'zh-CN': /^不予公开原因与处理结果$/, en: /^Withholding reasons and outcomes$/ } },
  { name: 'review', path: () => '/review', heading: { 'zh-CN': /^复议诉讼$/, en: /^Review & litigation$/ } },
  { name: 'quality', path: () => '/quality', heading: { 'zh-CN': /^报送与质量$/, en: /^Submissions & quality$/ } },
  { name: 'reports', path: () => '/reports', heading: { 'zh-CN': /^报告列表$/, en: /^Reports$/ } },
  { name: 'agency', path: (ids) => `/agencies/${ids.agencyId}`, heading: { 'zh-CN': new RegExp(DEPARTMENT_AGENCY), en: new RegExp(DEPARTMENT_AGENCY) } },
  { name: 'report', path: (ids) => `/reports/${ids.reportId}`, heading: { 'zh-CN': new RegExp(DEPARTMENT_AGENCY), en: new RegExp(DEPARTMENT_AGENCY) } },
  { name: 'import', path: () => '/import', heading: { 'zh-CN': /^导入$/, en: /^Import$/ }, roles: ['admin', 'editor', 'department'] },
  { name: 'explorer', path: () => '/explorer', heading: { 'zh-CN': /^GraphQL$/, en: /^GraphQL$/ }, roles: ['admin', 'editor', 'analyst'] },
  { name: 'audit', path: () => '/audit', heading: { 'zh-CN': /^修改记录$/, en: /^Change log$/ }, roles: ['admin', 'editor'] },
  { name: 'users', path: () => '/users', heading: { 'zh-CN': /^用户管理$/, en: /^Users$/ }, roles: ['admin'] },
  { name: 'account', path: () => '/account', heading: { 'zh-CN': /^修改密码$/, en: /^Change password$/ } },
  { name: 'briefing', path: () => '/briefing', heading: { 'zh-CN': /^年度观测简报$/, en: /^Annual briefing$/ } },
  { name: 'follow-ups', path: () => '/follow-ups', heading: { 'zh-CN': /^督办$/, en: /^Follow-ups$/ } },
  { name: 'thresholds', path: () => '/thresholds', heading: { 'zh-CN': /^红黄绿阈值$/, en: /^League-table thresholds$/ } },
  { name: 'search', path: () => `/search?q=${encodeURIComponent('政府信息公开')}`, heading: { 'zh-CN': /^全文搜索$/, en: /^Search$/ } },
];

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const ROLES: readonly Role[] = ['viewer', 'editor', 'analyst', 'department', 'admin'];
/** Whose pages leave a screenshot (full-page screenshots are slow; these two see the pages the others see). */
const SCREENSHOT_ROLES: readonly Role[] = ['viewer', 'department'];

/** The accounts and ids the tour uses, set up once through the API as the administrator. */
let setup: Promise<{ ids: Ids; accounts: Partial<Record<Role, { username: string; password: string }>> }> | null = null;

async function signIn(browser: Browser, role: Role, viewport: { width: number; height: number }, lang: Lang) {
  const { accounts } = await setup!;
  const context = await browser.newContext({ viewport, storageState: role === 'admin' ? STORAGE_STATE : SIGNED_OUT });
  await context.addInitScript((locale) => localStorage.setItem('ogi.locale', locale), lang);
  const page = await context.newPage();
  if (role !== 'admin') {
    const account = accounts[role]!;
    await page.goto('/login');
    await page.getByLabel(/^(用户名|Username)$/).fill(account.username);
    await page.getByLabel(/^(密码|Password)$/).fill(account.password);
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    await expect(page).not.toHaveURL(/\/login/);
  }
  return { context, page };
}

test.beforeEach(async ({ request }) => {
  setup ??= (async () => {
    const api = await adminApi(request);
    const found = await api.gql<{ agencies: { items: { id: string; name: string }[] } }>('query($q: String!) { agencies(search: $q) { items { id name } } }', {
      q: DEPARTMENT_AGENCY,
    });
    const agencyId = found.agencies.items.find((a) => a.name === DEPARTMENT_AGENCY)!.id;
    const reports = await api.gql<{ reports: { items: { id: string }[] } }>('query($a: ID) { reports(agencyId: $a) { items { id } } }', { a: agencyId });
    const reportId = reports.reports.items[0]!.id;
    const suffix = Date.now().toString(36);
    const accounts: Partial<Record<Role, { username: string; password: string }>> = {};
    for (const role of ['viewer', 'editor', 'analyst', 'department'] as const) {
      accounts[role] = await createUser(api, {
        username: `tour.${role}.${suffix}`,
        displayName: `巡检${role}`,
        role,
        agencyId: role === 'department' ? agencyId : null,
      });
    }
    return { ids: { agencyId, reportId }, accounts };
  })();
  await setup;
});

/** One page as the reader sees it now: drawn, no error shown, nothing sticking out at phone width. */
async function checkPage(page: Page, name: string, phone: boolean) {
  // Everything this page asks for has arrived: no panel still loading, no chart still drawing.
  await expect(page.locator('[aria-busy="true"]'), `${name}: still loading`).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: /^(正在加载…|正在绘制图表…|Loading…|Drawing the chart…)$/ }), `${name}: still drawing`).toHaveCount(
    0,
    {
      timeout: 20_000,
    },
  );
  await expect
    .soft(async () => expect((await chartStates(page)).filter((c) => !c.drawn && !c.placeholder).map((c) => c.title)).toEqual([]), `${name}: charts left blank`)
    .toPass({ timeout: 15_000 });
  await expect.soft(page.getByRole('alert'), `${name}: an error is shown`).toHaveCount(0);
  if (phone) expect.soft(await overflowingElements(page), `${name}: sticks out sideways at 390 px`).toEqual([]);
}

for (const role of ROLES) {
  for (const width of WIDTHS) {
    // Each page is visited first in one language (Chinese on desktops, English on phones, so that both are seen
    // on a first visit), then switched to the other on the spot.
    const [first, second] = width.name === 'desktop' ? (['zh-CN', 'en'] as const) : (['en', 'zh-CN'] as const);
    test(`every page of a ${role} draws its charts in both languages, ${width.name}`, async ({ browser }) => {
      test.setTimeout(240_000);
      const { ids } = await setup!;
      const { context, page } = await signIn(browser, role, width.viewport, first);
      const problems: string[] = [];
      let current = '';
      page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${current}: ${m.text()}`);
      });
      for (const p of PAGES.filter((p) => !p.roles || p.roles.includes(role))) {
        current = p.name;
        await page.goto(p.path(ids));
        await expect(page.getByRole('heading', { level: 1 }), p.name).toHaveText(p.heading[first], { timeout: 20_000 });
        await checkPage(page, `${p.name} (${first})`, width.name === 'phone');
        if (SCREENSHOT_ROLES.includes(role)) await snap(page, `tour-${p.name}.${role}.${width.name}.${first}`);
        await page.getByRole('button', { name: second === 'en' ? 'English' : '中文' }).click();
        await expect(page.getByRole('heading', { level: 1 }), p.name).toHaveText(p.heading[second]);
        await checkPage(page, `${p.name} (${second})`, width.name === 'phone');
        await page.getByRole('button', { name: first === 'en' ? 'English' : '中文' }).click();
      }
      expect(problems, 'errors logged in the console').toEqual([]);
      await context.close();
    });
  }
}

// Running a query in the explorer is graphiql.spec.ts's journey; this page's part is embedding it.
test('the GraphQL page embeds the server’s explorer with its example queries', async ({ page }) => {
  await page.goto('/explorer');
  const explorer = page.getByTitle('GraphQL 查询浏览器').contentFrame();
  await expect(explorer.getByRole('button', { name: /Execute query/ })).toBeVisible();
  await expect(explorer.getByRole('tab')).toHaveCount(3);
});

test('the quality page drills from a submission to its report', async ({ page }) => {
  await page.goto('/quality?years=2023,2024');
  const matrix = page.getByRole('table', { name: /报送矩阵/ });
  const row = matrix.getByRole('row', { name: /沭阳县发展和改革局/ });
  await row
    .getByRole('link', { name: /按时|逾期|日期不明/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('沭阳县发展和改革局');
});

test('the quality page’s tiles filter the matrix, and a year sorts the unreported first', async ({ page }) => {
  await page.goto('/quality?years=2023,2024');
  const matrix = page.getByRole('table', { name: /报送矩阵/ });
  const rows = matrix.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();

  // Nobody has checked the sample agencies' listing pages, so an agency-year without a report is 未核查, never 未报送.
  const unchecked = page.getByRole('list', { name: '报送情况汇总' }).getByRole('button', { name: /未核查/ });
  await unchecked.click();
  await expect(unchecked).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/status=NOT_CHECKED/);
  const kept = await rows.count();
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(all);
  for (const text of await rows.allInnerTexts()) expect(text).toContain('未核查');

  // Everyone again, then the first click on a year: the worst first (here the unchecked ones), on-time ones last.
  await unchecked.click();
  await expect(rows).toHaveCount(all);
  await matrix.getByRole('button', { name: /^2024/ }).click();
  await expect(rows.first()).toContainText('未核查');
});
