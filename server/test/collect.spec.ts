/**
 * Collecting reports from where agencies publish them, against a local stand-in for their sites
 * (helpers/agency-site.ts, 127.0.0.1 only): listing pages, GBK and UTF-8 report pages, attached PDFs, dead
 * links, slow servers, loops, endless responses. Through GraphQL (the dashboard's 从网址导入), `pnpm ingest --url`,
 * and the listing poll, on a real database with the real parser.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SEED_REPORTS_DIR } from '@ogi/database';
import { seedAgencyRegistry } from '@ogi/write-model/agencies';
import iconv from 'iconv-lite';
import { ListingPollScheduler } from '../src/modules/collect/listing-poll.scheduler.js';
import { articlePage, startAgencySite, type AgencySite } from './helpers/agency-site.js';
import { SERVER_DIR, TEST_ADMIN, errorCodes, startTestApp, until, type TestApp } from './helpers/test-app.js';

const run = promisify(execFile);

let t: TestApp;
let site: AgencySite;

interface CollectResult {
  url: string;
  status: string;
  reportId: string | null;
  fileName: string | null;
  error: { code: string; message: string } | null;
  agencyName: string | null;
  year: number | null;
  version: number | null;
  foundOn: string | null;
  attachmentUrl: string | null;
}
const COLLECT = `mutation Collect($urls: [String!]!) {
  collectReports(urls: $urls) { url status reportId fileName error { code message } agencyName year version foundOn attachmentUrl }
}`;

async function collect(urls: string[]): Promise<CollectResult[]> {
  const res = await t.gql<{ collectReports: CollectResult[] }>(COLLECT, { urls });
  expect(res.errors).toBeUndefined();
  return res.data!.collectReports;
}

/** What a clerk reads off the result list: address (relative to the site), status, and agency/year or error code. */
const brief = (results: CollectResult[]) =>
  results.map((r) => [
    r.url.replace(site.base, ''),
    r.status,
    r.status === 'failed' ? r.error!.code : r.status === 'listing' ? null : `${r.agencyName} ${r.year}`,
  ]);

const LISTINGS = ['/pingtan/nb/', '/hongze/nb/index.html', '/huaian/nb/', '/shuyang-fgj/nb/', '/ezhou/nb/'];

beforeAll(async () => {
  site = await startAgencySite();
  t = await startTestApp({
    COLLECT_ALLOW_PRIVATE_NETWORKS: 'true',
    COLLECT_TIMEOUT_SECONDS: '5',
    COLLECT_IDLE_TIMEOUT_SECONDS: '4',
    COLLECT_MAX_MB: '2',
    COLLECT_HOST_INTERVAL_MS: '0',
  });
  // The bureau's registry: agencies with their aliases (as `pnpm db:reset` seeds it).
  await seedAgencyRegistry(t.dataSource);
});

afterAll(async () => {
  await t?.close();
  await site?.close();
});

describe('collecting from the listing pages of a handful of agencies', () => {
  it('imports every annual report they link to, in one request, and says why the others failed', async () => {
    const results = await collect(LISTINGS.map((p) => site.base + p));
    expect(brief(results)).toEqual([
      ['/pingtan/nb/', 'listing', null],
      ['/pingtan/nb/2023/t20240205_1.htm', 'stored', '平潭综合实验区 2023'],
      ['/pingtan/nb/2021/t20220208_80613.htm', 'stored', '平潭综合实验区 2021'],
      ['/pingtan/nb/2019/t20200110.htm', 'stored', '平潭综合实验区 2019'],
      ['/pingtan/nb/2018/t20190110_80529.htm', 'failed', 'PRE_2019_FORMAT'],
      ['/hongze/nb/index.html', 'listing', null],
      ['/hongze/2024.html', 'stored', '淮安市洪泽区人民政府 2024'],
      ['/hongze/2023.html', 'stored', '淮安市洪泽区人民政府 2023'],
      ['/hongze/2022.html', 'failed', 'HTTP_404'],
      ['/huaian/nb/', 'listing', null],
      ['/huaian/files/2024nb.pdf', 'stored', '淮安市人民政府 2024'],
      ['/shuyang-fgj/nb/', 'listing', null],
      ['/shuyang-fgj/2023.html', 'stored', '沭阳县发展和改革局 2023'],
      ['/ezhou/nb/', 'listing', null],
      ['/ezhou/2023.html', 'failed', 'HTTP_404'],
      ['/ezhou/files/2020nb.txt', 'stored', '鄂州市行政审批局 2020'],
    ]);
    const byPath = new Map(results.map((r) => [r.url.replace(site.base, ''), r]));
    // A report page whose report is an attachment: the page is the result, the PDF is what was read.
    expect(byPath.get('/hongze/2024.html')).toMatchObject({ fileName: 'hz2024nb.pdf', attachmentUrl: `${site.base}/hongze/files/hz2024nb.pdf` });
    expect(byPath.get('/hongze/2023.html')).toMatchObject({
      fileName: '洪泽区2023年政府信息公开工作年度报告.pdf',
      attachmentUrl: `${site.base}/hongze/download?id=2023`,
    });
    expect(byPath.get('/pingtan/nb/2021/t20220208_80613.htm')).toMatchObject({ foundOn: `${site.base}/pingtan/nb/`, version: 1, reportId: expect.any(String) });
    expect(byPath.get('/hongze/2022.html')!.error!.message).toContain('404');
    expect(byPath.get('/pingtan/nb/2018/t20190110_80529.htm')!.error!.message).toMatch(/2019 年以前/);
    // Nothing outside the test site was asked for, and scripts in the pages were never run.
    expect(site.stats.requests).not.toContain('/script-link');
    expect(site.stats.requests.filter((p) => p === '/xzzx/' || p === '/zwgk/gzyd.html')).toEqual([]);
  });

  it('reads GBK pages right, whether the charset is in the header, only in a meta tag, or nowhere', async () => {
    const res = await t.gql<{ reports: { items: { year: number; printedAgencyName: string; sourceUrl: string | null; agency: { name: string } }[] } }>(
      '{ reports(take: 100) { items { year printedAgencyName sourceUrl agency { name } } } }',
    );
    expect(res.errors).toBeUndefined();
    const items = res.data!.reports.items;
    const find = (agency: string, year: number) => items.find((r) => r.agency.name === agency && r.year === year);
    // Header only (pingtan 2021), meta only (pingtan 2023 as gb2312, 沭阳县发改局 as gbk): the names read as printed.
    expect(find('平潭综合实验区', 2021)).toMatchObject({ printedAgencyName: '平潭综合实验区', sourceUrl: `${site.base}/pingtan/nb/2021/t20220208_80613.htm` });
    expect(find('平潭综合实验区', 2023)).toMatchObject({ printedAgencyName: '平潭综合实验区' });
    expect(find('沭阳县发展和改革局', 2023)).toMatchObject({ printedAgencyName: expect.stringContaining('沭阳县发展和改革局') });
    // The source of a report read from an attachment is the page it is attached to.
    expect(find('淮安市洪泽区人民政府', 2024)).toMatchObject({ sourceUrl: `${site.base}/hongze/2024.html` });
    expect(items).toHaveLength(8);

    // GBK declared nowhere, or declared wrongly in the page: read from the content and the header; the same report.
    const again = await collect([`${site.base}/undeclared/2021.htm`, `${site.base}/misdeclared/2021.htm`]);
    expect(brief(again)).toEqual([
      ['/undeclared/2021.htm', 'duplicate', '平潭综合实验区 2021'],
      ['/misdeclared/2021.htm', 'duplicate', '平潭综合实验区 2021'],
    ]);
  });

  it('stores the same content once: collecting the same listings again changes nothing', async () => {
    const before = await t.rowCounts();
    const again = await collect(LISTINGS.map((p) => site.base + p));
    expect(again.filter((r) => r.status === 'stored')).toEqual([]);
    expect(again.filter((r) => r.status === 'duplicate')).toHaveLength(8);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('records each run as an import batch of origin url: one finished item per report page or file, listings left out', async () => {
    const results = await collect([`${site.base}/ezhou/nb/`, 'ftp://example.gov.cn/x']);
    const res = await t.gql<{
      ingestBatches: {
        items: { id: string; origin: string; status: string; fileCount: number; stored: number; duplicate: number; failed: number; pending: number }[];
      };
    }>('{ ingestBatches(take: 1) { items { id origin status fileCount stored duplicate failed pending } } }');
    expect(res.errors).toBeUndefined();
    const [batch] = res.data!.ingestBatches.items;
    // The listing itself is no item; its two links and the refused address are.
    expect(results.filter((r) => r.status !== 'listing')).toHaveLength(3);
    expect(batch).toMatchObject({ origin: 'url', status: 'done', fileCount: 3, stored: 0, duplicate: 1, failed: 2, pending: 0 });
    const items = await t.gql<{ ingestBatch: { items: { fileName: string; status: string; errorCode: string | null; reportId: string | null }[] } }>(
      'query($id: ID!) { ingestBatch(id: $id) { items { fileName status errorCode reportId } } }',
      { id: batch!.id },
    );
    expect(items.errors).toBeUndefined();
    expect(items.data!.ingestBatch.items.map((i) => [i.status, i.errorCode])).toEqual(
      expect.arrayContaining([
        ['duplicate', null],
        ['failed', 'HTTP_404'],
        ['failed', expect.any(String)],
      ]),
    );
    const stored = items.data!.ingestBatch.items.find((i) => i.status === 'duplicate')!;
    expect(stored.reportId).toBe(results.find((r) => r.status === 'duplicate')!.reportId);

    // Such a batch keeps no files: it is not resumed (collecting the addresses again is).
    const resume = await t.gql('mutation($id: ID!) { resumeIngestBatch(id: $id) { id } }', { id: batch!.id });
    expect(resume.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['reason']])).toEqual([['BAD_USER_INPUT', 'BATCH_NOT_RESUMABLE']]);
    expect(resume.errors![0]!.message).toContain('从网址导入');
  });

  it('collects in the background on request: the batch answers at once, and its items appear as addresses are answered', async () => {
    const res = await t.gql<{ startCollectReports: { id: string; origin: string; status: string } }>(
      'mutation($urls: [String!]!) { startCollectReports(urls: $urls) { id origin status } }',
      { urls: [`${site.base}/hongze/nb/index.html`] },
    );
    expect(res.errors).toBeUndefined();
    const { id, origin } = res.data!.startCollectReports;
    expect(origin).toBe('url');
    type Batch = { status: string; fileCount: number; duplicate: number; failed: number; items: { status: string; errorCode: string | null }[] };
    let batch: Batch | null = null;
    await until(async () => {
      const r = await t.gql<{ ingestBatch: Batch }>(
        'query($id: ID!) { ingestBatch(id: $id) { status fileCount duplicate failed items { status errorCode } } }',
        { id },
      );
      batch = r.data?.ingestBatch ?? null;
      return batch?.status === 'done';
    }, 'the background collect to finish');
    // The listing's three links: two reports already imported, one dead link.
    expect(batch).toMatchObject({ status: 'done', fileCount: 3, duplicate: 2, failed: 1 });
    expect(batch!.items.find((i) => i.status === 'failed')!.errorCode).toBe('HTTP_404');
  });

  it('reads a paged listing to its last page, through the pager script and 下一页 links, without going back', async () => {
    const results = await collect([`${site.base}/pingtan-paged/nb/index.html`]);
    expect(brief(results)).toEqual([
      ['/pingtan-paged/nb/index.html', 'listing', null],
      ['/pingtan-paged/2023.htm', 'duplicate', '平潭综合实验区 2023'],
      ['/pingtan-paged/2021.htm', 'duplicate', '平潭综合实验区 2021'],
      ['/pingtan-paged/nb/index_1.html', 'listing', null],
      ['/pingtan-paged/2019.htm', 'duplicate', '平潭综合实验区 2019'],
      ['/pingtan-paged/nb/index_2.html', 'listing', null],
      ['/pingtan-paged/2018.htm', 'failed', 'PRE_2019_FORMAT'],
    ]);
    expect(results.find((r) => r.url.endsWith('/index_2.html'))).toMatchObject({ foundOn: `${site.base}/pingtan-paged/nb/index_1.html` });
    // 上一页 is never followed: each page of the listing was asked for once.
    const asked = (p: string) => site.stats.requests.filter((r) => r === p).length;
    expect([asked('/pingtan-paged/nb/index.html'), asked('/pingtan-paged/nb/index_1.html'), asked('/pingtan-paged/nb/index_2.html')]).toEqual([1, 1, 1]);

    // Read again (the daily poll): its first page holds nothing new, so the older pages are not asked for again.
    const again = await collect([`${site.base}/pingtan-paged/nb/index.html`]);
    expect(brief(again).map(([path]) => path)).toEqual(['/pingtan-paged/nb/index.html', '/pingtan-paged/2023.htm', '/pingtan-paged/2021.htm']);
    expect([asked('/pingtan-paged/nb/index.html'), asked('/pingtan-paged/nb/index_1.html')]).toEqual([2, 1]);
  });

  it('makes a changed report page a new version, and the unchanged one after it a duplicate', async () => {
    const path = '/pingtan/nb/2023/t20240205_1.htm';
    const corrected = readFileSync(join(SEED_REPORTS_DIR, '011_pingtan_syq_2023.txt'), 'utf8').replace('发布时间: 2024-03-08', '发布时间: 2024-03-18');
    site.setPage(path, iconv.encode(articlePage(corrected, { title: '2023年报', metaCharset: 'gbk' }), 'gbk'), 'text/html');

    const [changed] = await collect([site.base + path]);
    expect(changed).toMatchObject({ status: 'stored', agencyName: '平潭综合实验区', year: 2023, version: 2 });
    const [same] = await collect([site.base + path]);
    expect(same).toMatchObject({ status: 'duplicate', version: 2, reportId: changed!.reportId });

    const res = await t.gql<{ report: { publishedOn: string; versions: { version: number; isCurrent: boolean }[] } }>(
      'query R($id: ID!) { report(id: $id) { publishedOn versions { version isCurrent } } }',
      { id: changed!.reportId },
    );
    expect(res.data!.report).toEqual({
      publishedOn: '2024-03-18',
      versions: [
        { version: 2, isCurrent: true },
        { version: 1, isCurrent: false },
      ],
    });
  });
});

describe('addresses that fail', () => {
  it('each gets its code and a clerk-readable message; one bad address never stops the others; nothing is written', async () => {
    const before = await t.rowCounts();
    const seen = site.stats.endlessBytesSent.length;
    const results = await collect([
      `${site.base}/dead.html`,
      `${site.base}/slow`,
      `${site.base}/loop/a`,
      `${site.base}/endless`,
      `${site.base}/not-a-report.html`,
      'www.example without scheme',
      'ftp://ftp.example.gov.cn/nb.pdf',
      `${site.base}/huaian/files/2024nb.pdf`,
    ]);
    expect(brief(results)).toEqual([
      ['/dead.html', 'failed', 'HTTP_404'],
      ['/slow', 'failed', 'TIMEOUT'],
      ['/loop/a', 'failed', 'REDIRECT_LOOP'],
      ['/endless', 'failed', 'TOO_LARGE'],
      ['/not-a-report.html', 'failed', 'NOT_AN_ANNUAL_REPORT'],
      ['www.example without scheme', 'failed', 'INVALID_URL'],
      ['ftp://ftp.example.gov.cn/nb.pdf', 'failed', 'INVALID_URL'],
      ['/huaian/files/2024nb.pdf', 'duplicate', '淮安市人民政府 2024'],
    ]);
    for (const r of results.filter((x) => x.status === 'failed')) expect(r.error!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(results[4]!.error!.message).toContain('没有年报附件或年报链接');
    const [sent] = (await site.endlessClosed(seen + 1)).slice(seen);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('are listed in the fetch history with their code and who fetched them', async () => {
    const res = await t.gql<{ fetchedUrls: { total: number; items: { url: string; status: string; error: { code: string } | null; fetchedBy: string }[] } }>(
      '{ fetchedUrls(status: failed, take: 100) { total items { url status error { code } fetchedBy } } }',
    );
    expect(res.errors).toBeUndefined();
    const failed = res.data!.fetchedUrls.items;
    expect(failed.every((f) => f.status === 'failed')).toBe(true);
    expect(failed.find((f) => f.url === `${site.base}/dead.html`)).toEqual({
      url: `${site.base}/dead.html`,
      status: 'failed',
      error: { code: 'HTTP_404' },
      fetchedBy: TEST_ADMIN.username,
    });
    expect(failed.find((f) => f.url === `${site.base}/loop/a`)?.error?.code).toBe('REDIRECT_LOOP');
    expect(res.data!.fetchedUrls.total).toBe(failed.length);
  });

  it('refuses an empty or oversized batch as BAD_USER_INPUT', async () => {
    expect(errorCodes(await t.gql(COLLECT, { urls: [] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql(COLLECT, { urls: Array.from({ length: 51 }, (_, i) => `${site.base}/r${i}.html`) }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('polling the listing pages after the deadlines', () => {
  const LISTING_OF: Record<string, string> = {
    平潭综合实验区: '/pingtan/nb/',
    淮安市洪泽区人民政府: '/hongze/nb/index.html',
    淮安市人民政府: '/huaian/nb/',
    沭阳县发展和改革局: '/shuyang-fgj/nb/',
    鄂州市行政审批局: '/ezhou/nb/',
    上海市科学技术委员会: '/shanghai/nb/',
  };

  beforeAll(async () => {
    // The bureau records each agency's listing page in the registry.
    const agencies = await t.gql<{ agencies: { items: { id: string; name: string }[] } }>('{ agencies(take: 100) { items { id name } } }');
    for (const [name, path] of Object.entries(LISTING_OF)) {
      const id = agencies.data!.agencies.items.find((a) => a.name === name)!.id;
      const res = await t.gql('mutation U($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }', { input: { id, listingUrl: site.base + path } });
      expect(res.errors).toBeUndefined();
    }
  });

  it('checks, after 31 Jan (departments) and 31 Mar (governments), each listing for the year due and records what it found', async () => {
    const records = await t.app.get(ListingPollScheduler).pollOnce(new Date('2024-04-15T10:00:00+08:00'));
    const found = Object.fromEntries(records.map((r) => [r.agencyName, [r.year, r.outcome, r.errorCode]]));
    expect(found).toEqual({
      平潭综合实验区: [2023, 'IMPORTED', null],
      淮安市洪泽区人民政府: [2023, 'IMPORTED', null],
      淮安市人民政府: [2023, 'NOT_FOUND', null],
      沭阳县发展和改革局: [2023, 'IMPORTED', null],
      鄂州市行政审批局: [2023, 'PUBLISHED_NOT_IMPORTED', 'HTTP_404'],
      上海市科学技术委员会: [2023, 'FAILED', 'TIMEOUT'],
    });
    const ezhou = records.find((r) => r.agencyName === '鄂州市行政审批局')!;
    expect(ezhou).toMatchObject({ foundUrl: `${site.base}/ezhou/2023.html`, detail: expect.stringContaining('2023') });
    expect(records.find((r) => r.agencyName === '淮安市人民政府')!.detail).toContain('没有 2023 年的年报');

    // The submissions view: who reported for 2023, who is missing, and what their sites show.
    const res = await t.gql<{
      submissions: { agency: { name: string }; status: string; discovery: string; discoveredUrl: string | null; discoveryDetail: string | null }[];
    }>('{ submissions(years: [2023]) { agency { name } status discovery discoveredUrl discoveryDetail } }');
    expect(res.errors).toBeUndefined();
    const view = Object.fromEntries(
      res.data!.submissions.map((s) => [s.agency.name, [s.status, s.discovery, s.discoveredUrl?.replace(site.base, '') ?? null]]),
    );
    expect(view).toMatchObject({
      平潭综合实验区: ['ON_TIME', 'IMPORTED', '/pingtan/nb/2023/t20240205_1.htm'],
      淮安市洪泽区人民政府: [expect.any(String), 'IMPORTED', '/hongze/2023.html'],
      沭阳县发展和改革局: [expect.any(String), 'IMPORTED', '/shuyang-fgj/2023.html'],
      // Missing only where the check after the deadline found no report; elsewhere nothing proves it missing.
      淮安市人民政府: ['MISSING', 'NOT_FOUND', null],
      鄂州市行政审批局: ['NOT_CHECKED', 'PUBLISHED_NOT_IMPORTED', '/ezhou/2023.html'],
      上海市科学技术委员会: ['NOT_CHECKED', 'FAILED', null],
      沭阳县人民政府: ['NOT_CHECKED', 'NOT_CHECKED', null],
    });
    expect(res.data!.submissions.find((s) => s.agency.name === '鄂州市行政审批局')!.discoveryDetail).toContain('404');
  });

  it('on 1 Feb checks departments for last year but governments still for the year before', async () => {
    const records = await t.app.get(ListingPollScheduler).pollOnce(new Date('2025-02-01T09:00:00+08:00'));
    const years = Object.fromEntries(records.map((r) => [r.agencyName, [r.year, r.outcome]]));
    expect(years['沭阳县发展和改革局']).toEqual([2024, 'NOT_FOUND']);
    expect(years['淮安市洪泽区人民政府']).toEqual([2023, 'IMPORTED']);
    expect(years['淮安市人民政府']).toEqual([2023, 'NOT_FOUND']);
  });

  it('checks on demand through GraphQL, with a per-year report address, and shows the latest checks on the agency', async () => {
    const agencies = await t.gql<{ agencies: { items: { id: string; name: string }[] } }>('{ agencies(search: "鄂州市行政审批局") { items { id name } } }');
    const ezhou = agencies.data!.agencies.items[0]!;
    const set = await t.gql<{ setAgencyReportUrl: { reportUrls: { year: number; url: string }[] } }>(
      'mutation S($input: SetAgencyReportUrlInput!) { setAgencyReportUrl(input: $input) { reportUrls { year url } } }',
      { input: { agencyId: ezhou.id, year: 2020, url: `${site.base}/ezhou/files/2020nb.txt#top` } },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setAgencyReportUrl.reportUrls).toEqual([{ year: 2020, url: `${site.base}/ezhou/files/2020nb.txt` }]);

    const check = await t.gql<{ checkListings: { year: number; outcome: string; foundUrl: string | null; agency: { name: string } }[] }>(
      'mutation C($ids: [ID!], $year: Int) { checkListings(agencyIds: $ids, year: $year) { year outcome foundUrl agency { name } } }',
      { ids: [ezhou.id], year: 2020 },
    );
    expect(check.errors).toBeUndefined();
    expect(check.data!.checkListings).toEqual([
      { year: 2020, outcome: 'IMPORTED', foundUrl: `${site.base}/ezhou/files/2020nb.txt`, agency: { name: '鄂州市行政审批局' } },
    ]);

    const latest = await t.gql<{ agency: { listingChecks: { year: number; outcome: string; checkedBy: string }[] } }>(
      'query A($id: ID!) { agency(id: $id) { listingChecks(take: 2) { year outcome checkedBy } } }',
      { id: ezhou.id },
    );
    // The one asked for through GraphQL (by the signed-in administrator), then the scheduled poll's.
    expect(latest.data!.agency.listingChecks).toEqual([
      { year: 2020, outcome: 'IMPORTED', checkedBy: TEST_ADMIN.username },
      { year: 2024, outcome: 'NOT_FOUND', checkedBy: 'system' },
    ]);
  });

  it('refuses a report address that is not http(s), changing nothing', async () => {
    const agencies = await t.gql<{ agencies: { items: { id: string }[] } }>('{ agencies(search: "鄂州市行政审批局") { items { id } } }');
    const res = await t.gql('mutation S($input: SetAgencyReportUrlInput!) { setAgencyReportUrl(input: $input) { id } }', {
      input: { agencyId: agencies.data!.agencies.items[0]!.id, year: 2021, url: 'file:///etc/passwd' },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const [row] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM agency_report_url WHERE year = 2021');
    expect(row!.n).toBe(0);
  });
});

describe('reports published as spreadsheets', () => {
  it('imports the .xlsx a listing links to like any report file, and answers an attached .xls with how to convert it', async () => {
    const results = await collect([`${site.base}/shuyang-xian/nb/`, `${site.base}/ezhou/2020.html`]);
    expect(brief(results)).toEqual([
      ['/shuyang-xian/nb/', 'listing', null],
      ['/shuyang-xian/files/2025nb.xlsx', 'stored', '沭阳县人民政府 2025'],
      ['/ezhou/2020.html', 'failed', 'UNSUPPORTED_FORMAT'],
    ]);
    expect(results[1]!.fileName).toBe('2025nb.xlsx');
    expect(results[2]!.error!.message).toContain('附件「2020nb.xls」');
    expect(results[2]!.error!.message).toContain('另存为 .xlsx');
    // Stored as the spreadsheet it was published as.
    const [file] = await t.dataSource.query<{ format: string }[]>(`SELECT format FROM source_file WHERE file_name = '2025nb.xlsx'`);
    expect(file).toEqual({ format: 'xlsx' });
  });
});

describe('pnpm ingest --url', () => {
  const cli = join(SERVER_DIR, 'dist', 'cli', 'ingest.js');
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    DATABASE_URL: t.databaseUrl,
    LOG_LEVEL: 'error',
    COLLECT_HOST_INTERVAL_MS: '0',
    ...extra,
  });
  const runCli = (args: string[], extra?: Record<string, string>) =>
    run(process.execPath, [cli, ...args], { env: env(extra) }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  it('imports from listing pages with one command, prints one summary with the reason per failed address, exits 2 when one failed', async () => {
    expect(existsSync(cli)).toBe(true); // built by `pnpm build` (the root `pnpm test` builds first)
    const outcome = await runCli(['--url', `${site.base}/pingtan/nb/`, `${site.base}/dead.html`], { COLLECT_ALLOW_PRIVATE_NETWORKS: 'true' });
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toContain('5 address(es): 0 stored, 3 already present, 2 failed (1 listing page(s) read).');
    expect(outcome.stdout).toContain(`  listing: ${site.base}/pingtan/nb/ — 4 annual report link(s)`);
    expect(outcome.stdout).toContain(`  failed: ${site.base}/dead.html — HTTP_404: `);
    expect(outcome.stdout).toContain(`  failed: ${site.base}/pingtan/nb/2018/t20190110_80529.htm — PRE_2019_FORMAT: `);
  });

  it('--check-listings checks every registered listing page once and prints what it found per agency', async () => {
    const outcome = await runCli(['--check-listings', '--year', '2023'], {
      COLLECT_ALLOW_PRIVATE_NETWORKS: 'true',
      COLLECT_TIMEOUT_SECONDS: '5',
      COLLECT_IDLE_TIMEOUT_SECONDS: '4',
    });
    expect(outcome.code).toBe(2); // 上海市科委's listing page never finishes
    expect(outcome.stdout).toContain('6 agency listing page(s) checked.');
    expect(outcome.stdout).toContain('  平潭综合实验区 2023: IMPORTED (已导入)');
    expect(outcome.stdout).toMatch(/ {2}鄂州市行政审批局 2023: PUBLISHED_NOT_IMPORTED \(已发布，未导入\) — .*404/);
    expect(outcome.stdout).toContain('  上海市科学技术委员会 2023: FAILED (检查失败)');
  });

  it('refuses this machine’s addresses unless the configuration allows private networks', async () => {
    const before = site.stats.requests.length;
    const outcome = await runCli(['--url', `${site.base}/huaian/files/2024nb.pdf`]);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toContain(`  failed: ${site.base}/huaian/files/2024nb.pdf — BLOCKED_ADDRESS: `);
    expect(site.stats.requests.length).toBe(before);
  });
});
