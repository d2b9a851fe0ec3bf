/**
 * The bureau's loop on the hand-built province of helpers/analytics-fixture.ts (2022–2023): thresholds (versioned,
 * audited, bad ones refused), the league table and notable changes, the follow-up list (editors move items, a
 * department sees and answers its own, a corrected report that passes its checks resolves the item), contacts
 * (editors only), and the briefing and notice as DOCX read back with mammoth. Every expected number is worked out
 * by hand from the fixture's table in the comments.
 */
import { Kind, parse, print } from 'graphql';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CITY,
  CITY_EDU,
  CITY_POLICE,
  DISTRICT_EDU,
  DISTRICT_HEALTH,
  REPORTS,
  loadFixture,
  storeOnlyIngestor,
  storeReport,
} from './helpers/analytics-fixture.js';
import { SERVER_DIR, errorCodes, startTestApp, type ApiClient, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let id: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  id = await loadFixture(t.dataSource);
});

afterAll(async () => {
  await t?.close();
});

async function data<T>(query: string, variables?: Record<string, unknown>, as: Pick<ApiClient, 'gql'> = t): Promise<T> {
  const res: GraphqlResponse<T> = await as.gql<T>(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}
const reasonOf = (r: GraphqlResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.['reason']);
const nameOf = (agencyId: string) => Object.entries(id).find(([, v]) => v === agencyId)![0];

const SET = `mutation($metric: String!, $direction: ThresholdDirection!, $red: Float!, $yellow: Float!, $minSample: Int!, $reason: String) {
  setThreshold(metric: $metric, direction: $direction, red: $red, yellow: $yellow, minSample: $minSample, reason: $reason) { metric version red yellow minSample isDefault setBy }
}`;
const SUBSTANTIVE = 'outcomes.substantiveDisclosureRate';

describe('thresholds', () => {
  it('start from the documented defaults', async () => {
    const { thresholds } = await data<{
      thresholds: { metric: string; direction: string; red: number; yellow: number; minSample: number; version: number; isDefault: boolean }[];
    }>(`{ thresholds { metric direction red yellow minSample version isDefault } }`);
    expect(thresholds.find((x) => x.metric === SUBSTANTIVE)).toEqual({
      metric: SUBSTANTIVE,
      direction: 'higher',
      red: 0.4,
      yellow: 0.45,
      minSample: 30,
      version: 0,
      isDefault: true,
    });
    expect(thresholds.find((x) => x.metric === 'review.correctionRate')).toMatchObject({ direction: 'lower', red: 0.15, yellow: 0.1, minSample: 30 });
  });

  it('refuse bounds in the wrong order with a code and store nothing', async () => {
    const res = await t.gql(SET, { metric: SUBSTANTIVE, direction: 'higher', red: 0.8, yellow: 0.7, minSample: 30 });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(reasonOf(res)).toEqual(['BOUNDS_IN_WRONG_ORDER']);
    expect(res.errors![0]!.message).toContain('红线不能高于黄线');
    const { thresholdHistory } = await data<{ thresholdHistory: unknown[] }>(`{ thresholdHistory(metric: "${SUBSTANTIVE}") { version } }`);
    expect(thresholdHistory).toHaveLength(1); // the default only
  });

  it('are set by editors as a new version, with the audit entry; others may not', async () => {
    const viewer = await t.signInAs('viewer');
    expect(errorCodes(await viewer.gql(SET, { metric: SUBSTANTIVE, direction: 'higher', red: 0.65, yellow: 0.7, minSample: 30 }))).toEqual(['FORBIDDEN']);
    const editor = await t.signInAs('editor');
    await data(SET, { metric: SUBSTANTIVE, direction: 'higher', red: 0.5, yellow: 0.6, minSample: 30, reason: '试行' }, editor);
    const { setThreshold } = await data<{ setThreshold: { version: number; setBy: string } }>(
      SET,
      { metric: SUBSTANTIVE, direction: 'higher', red: 0.65, yellow: 0.7, minSample: 30, reason: '按本市实际提高' },
      editor,
    );
    expect(setThreshold.version).toBe(2);
    expect(setThreshold.setBy).toBe(editor.user!.username);
    const { thresholdHistory } = await data<{ thresholdHistory: { version: number; red: number }[] }>(
      `{ thresholdHistory(metric: "${SUBSTANTIVE}") { version red } }`,
    );
    expect(thresholdHistory).toEqual([
      { version: 2, red: 0.65 },
      { version: 1, red: 0.5 },
      { version: 0, red: 0.4 },
    ]);
    const { auditLog } = await data<{ auditLog: { items: { action: string; before: string; after: string; reason: string }[] } }>(
      `{ auditLog(take: 5) { items { action before after reason } } }`,
    );
    const last = auditLog.items[0]!;
    expect(last.action).toBe('threshold.set');
    expect(JSON.parse(last.before)).toMatchObject({ red: 0.5, yellow: 0.6 });
    expect(JSON.parse(last.after)).toMatchObject({ red: 0.65, yellow: 0.7 });
    expect(last.reason).toBe('按本市实际提高');
  });
});

describe('the league table', () => {
  it('colours agencies own 2023 reports by the thresholds in force, worst first, small samples apart', async () => {
    // Substantive disclosure (予以公开 + 部分公开) ÷ 办结, agencies' own reports (the district's aggregate is left out):
    //   乙区卫健委 30/50 = 60.0 % < 65 % → red; 乙区教育局 20/30 = 66.7 % < 70 % → yellow;
    //   甲市政府 70/100 = 70.0 % (not below 70 %) → green; 甲市教育局 30/40 = 75.0 % → green;
    //   甲市公安局 6/10, sample 10 < 30 → not coloured (and its tables do not add up: contradicted).
    const { leagueTable } = await data<{
      leagueTable: {
        rows: { agency: { name: string }; colour: string; value: number; sample: number; quality: string; reasonZh: string }[];
        counts: Record<string, number>;
        threshold: { version: number };
        agenciesSelected: number;
        agenciesWithReport: number;
        sentenceZh: string;
      };
    }>(`{ leagueTable(metric: "${SUBSTANTIVE}", year: 2023) {
      rows { agency { name } colour value sample quality reasonZh } counts { red yellow green small_sample no_value }
      threshold { version } agenciesSelected agenciesWithReport sentenceZh } }`);
    expect(leagueTable.rows.map((r) => [r.agency.name, r.colour, r.sample])).toEqual([
      [DISTRICT_HEALTH, 'red', 50],
      [DISTRICT_EDU, 'yellow', 30],
      [CITY, 'green', 100],
      [CITY_EDU, 'green', 40],
      [CITY_POLICE, 'small_sample', 10],
    ]);
    expect(leagueTable.rows[0]!.reasonZh).toBe('60.0% 低于红线 65.0%');
    expect(leagueTable.rows[4]!.quality).toBe('CONTRADICTED');
    expect(leagueTable.counts).toEqual({ red: 1, yellow: 1, green: 2, small_sample: 1, no_value: 0 });
    expect(leagueTable.threshold.version).toBe(2);
    expect([leagueTable.agenciesSelected, leagueTable.agenciesWithReport]).toEqual([6, 5]);
    expect(leagueTable.sentenceZh).toBe('按实质公开率：红色 1 个、黄色 1 个、绿色 2 个；样本不足不评色 1 个，无数据 0 个。');
  });

  it('sends only the first rows asked for, worst first, with the counts and coverage of every row', async () => {
    // The same 2023 table as above: five agencies with their own report, 1 red, 1 yellow, 2 green, 1 not coloured.
    const table = (first: number) =>
      data<{ leagueTable: { rows: { agency: { name: string }; colour: string }[]; counts: Record<string, number>; agenciesWithReport: number } }>(
        `query($first: Int) { leagueTable(metric: "${SUBSTANTIVE}", year: 2023) {
          rows(first: $first) { agency { name } colour } counts { red yellow green small_sample no_value } agenciesWithReport } }`,
        { first },
      );
    const two = (await table(2)).leagueTable;
    expect(two.rows.map((r) => [r.agency.name, r.colour])).toEqual([
      [DISTRICT_HEALTH, 'red'],
      [DISTRICT_EDU, 'yellow'],
    ]);
    expect(two.counts).toEqual({ red: 1, yellow: 1, green: 2, small_sample: 1, no_value: 0 });
    expect(two.agenciesWithReport).toBe(5);
    expect((await table(0)).leagueTable.rows).toEqual([]);
    expect((await table(9)).leagueTable.rows).toHaveLength(5);
    // The briefing's tables take the same argument.
    const { briefing } = await data<{ briefing: { leagues: { metric: string; rows: { agency: { name: string } }[]; agenciesWithReport: number }[] } }>(
      `{ briefing(year: 2023) { leagues { metric agenciesWithReport rows(first: 1) { agency { name } } } } }`,
    );
    const substantive = briefing.leagues.find((l) => l.metric === SUBSTANTIVE)!;
    expect(substantive.rows.map((r) => r.agency.name)).toEqual([DISTRICT_HEALTH]);
    expect(substantive.agenciesWithReport).toBe(5);
    expect(briefing.leagues.every((l) => l.rows.length <= 1)).toBe(true);
  });

  it('refuses a negative number of rows with a code and a message', async () => {
    const res = await t.gql(`{ leagueTable(metric: "${SUBSTANTIVE}", year: 2023) { rows(first: -1) { colour } } }`);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(reasonOf(res)).toEqual(['INVALID_ARGUMENTS']);
    expect(res.errors![0]!.message).toContain('显示的行数须为不小于 0 的整数');
  });

  it('names the jumps on last year, each with its numbers', async () => {
    // New applications 2022 → 2023: 乙区教育局 10 → 30 (3×: 增长 2 倍), 乙区卫健委 2 → 50 (增长 24 倍); 甲市教育局 20 → 40 is
    // only 2×, 甲市政府 80 → 100; rates move less than 20 points or lack a sample of 30 in 2022. Too few peers for outliers.
    const { notableChanges } = await data<{ notableChanges: { agency: { name: string }; kind: string; messageZh: string }[] }>(
      `{ notableChanges(year: 2023) { agency { name } kind messageZh } }`,
    );
    expect(notableChanges.map((c) => `${c.agency.name}：${c.messageZh}`).sort()).toEqual(
      [`${DISTRICT_EDU}：本年新收申请较上年增长 2 倍（10 件 → 30 件）`, `${DISTRICT_HEALTH}：本年新收申请较上年增长 24 倍（2 件 → 50 件）`].sort(),
    );
  });
});

interface Item {
  id: string;
  agency: { name: string };
  reason: string;
  status: string;
  detailZh: string;
  answer: string | null;
  resolvedByReportId: string | null;
  contact: { person: string; phone: string | null } | null;
}
const ITEMS = `query($year: Int) { followUps(year: $year, take: 100) { total items { id agency { name } reason status detailZh answer resolvedByReportId contact { person phone } } } }`;

// Before the corrections of the follow-up tests below settle 公安局's contradicted 2023 report.
describe('the briefing breakdowns', () => {
  it('states under each breakdown chart of the DOCX the reports it rests on, the coverage and the doubtful reports', async () => {
    const res = await t.fetch('/api/briefing.docx?year=2023');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
    // 2023: 市政府, 教育局, 公安局 and 乙区's region aggregate (standing for 乙区 and its two departments): 4 reports, 6 of 6
    // agencies. 公安局 prints 予以公开 总计 6 against 5 in its row, so its （七）总计 column fails (6 + 5 ≠ 10) and every
    // outcome cell of that column, its withholding reasons among them, is contradicted; the review groups all add up.
    const withholding = text.slice(text.indexOf('不予公开的原因'), text.indexOf('行政复议结果'));
    expect(withholding).toContain('依据 4 份报告，覆盖 6/6 个机关；单项中最多 1 份报告的数值存疑（表内矛盾或读数存疑），仍计入合计。');
    const review = text.slice(text.indexOf('行政复议结果'), text.indexOf('行政诉讼结果'));
    expect(review).toContain('依据 4 份报告，覆盖 6/6 个机关；各项均无表内矛盾或读数存疑的报告。');
  });
});

describe('chasing the agencies', () => {
  let editor: ApiClient;
  let police: ApiClient;
  beforeAll(async () => {
    editor = await t.signInAs('editor');
    police = await t.signInAs('department', { agencyId: Number(id[CITY_POLICE]) });
  });

  it('builds the 2023 list from late, contradicted and flagged reports, with the evidence', async () => {
    const { refreshFollowUps } = await data<{ refreshFollowUps: { created: number; open: number } }>(
      `mutation { refreshFollowUps(year: 2023) { created updated open } }`,
      {},
      editor,
    );
    expect(refreshFollowUps).toMatchObject({ created: 4, open: 4 });
    // Building again changes nothing.
    expect(
      (await data<{ refreshFollowUps: { created: number; updated: number } }>(`mutation { refreshFollowUps(year: 2023) { created updated } }`, {}, editor))
        .refreshFollowUps,
    ).toEqual({ created: 0, updated: 0 });
    const { followUps } = await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, editor);
    const byKey = new Map(followUps.items.map((i) => [`${i.agency.name}:${i.reason}`, i]));
    expect([...byKey.keys()].sort()).toEqual(
      [`${CITY_EDU}:late`, `${CITY_POLICE}:contradicted`, `${DISTRICT_EDU}:flagged`, `${DISTRICT_HEALTH}:flagged`].sort(),
    );
    // 甲市教育局 published on 2024-02-05, the departments' deadline being 31 January: 5 days late.
    expect(byKey.get(`${CITY_EDU}:late`)!.detailZh).toBe('2023 年度报告于 2024-02-05 发布，晚于法定期限 2024-01-31 共 5 天。');
    // 甲市公安局 prints 予以公开 总计 6 where its columns add up to 5, so the row and the 总计 column both fail.
    expect(byKey.get(`${CITY_POLICE}:contradicted`)!.detailZh).toMatch(/^表格数据不能自洽（2 处勾稽关系不成立）：.*应为 5，表中为 6（差 1）。$/);
    expect(byKey.get(`${DISTRICT_HEALTH}:flagged`)!.detailZh).toBe('实质公开率红色：60.0% 低于红线 65.0%；本年新收申请较上年增长 24 倍（2 件 → 50 件）。');
    expect(followUps.items.every((i) => i.status === 'pending')).toBe(true);
  });

  it('keeps contacts for editors only', async () => {
    const set = `mutation($agencyId: ID!, $person: String!, $phone: String) { setAgencyContact(agencyId: $agencyId, person: $person, phone: $phone) { person phone } }`;
    expect(errorCodes(await editor.gql(set, { agencyId: id[CITY_POLICE], person: '张三', phone: 'call me' }))).toEqual(['BAD_USER_INPUT']);
    await data(set, { agencyId: id[CITY_POLICE], person: '张三', phone: '027-1234 5678' }, editor);
    const asEditor = (await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, editor)).followUps.items.find((i) => i.agency.name === CITY_POLICE)!;
    expect(asEditor.contact).toEqual({ person: '张三', phone: '027-1234 5678' });
    expect(errorCodes(await police.gql(`{ agencyContacts { person } }`))).toEqual(['FORBIDDEN']);
    const asPolice = (await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, police)).followUps.items[0]!;
    expect(asPolice.contact).toBeNull();
  });

  it('lets an editor mark an item reminded (audited), and a department see and answer only its own', async () => {
    const { followUps } = await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, editor);
    const item = followUps.items.find((i) => i.reason === 'contradicted')!;
    const other = followUps.items.find((i) => i.reason === 'late')!;
    const update = `mutation($id: ID!, $status: FollowUpStatus, $notes: String) { updateFollowUp(id: $id, status: $status, notes: $notes) { status notes } }`;
    expect(
      (await data<{ updateFollowUp: { status: string } }>(update, { id: item.id, status: 'reminded', notes: '已电话提醒' }, editor)).updateFollowUp,
    ).toEqual({ status: 'reminded', notes: '已电话提醒' });
    expect(reasonOf(await editor.gql(update, { id: item.id, status: 'reminded', notes: '已电话提醒' }))).toEqual(['STATUS_UNCHANGED']);
    expect(errorCodes(await editor.gql(update, { id: item.id, status: 'done' }))).toEqual(['BAD_USER_INPUT']);

    const mine = (await data<{ followUps: { total: number; items: Item[] } }>(ITEMS, { year: 2023 }, police)).followUps;
    expect(mine.items.map((i) => i.id)).toEqual([item.id]);
    expect(errorCodes(await police.gql(update, { id: item.id, status: 'resolved' }))).toEqual(['FORBIDDEN']);
    const answer = `mutation($id: ID!, $answer: String!) { answerFollowUp(id: $id, answer: $answer) { answer status } }`;
    // Another agency's item does not exist for the department.
    expect(errorCodes(await police.gql(answer, { id: other.id, answer: '不是我们的' }))).toEqual(['NOT_FOUND']);
    expect(
      (await data<{ answerFollowUp: { answer: string; status: string } }>(answer, { id: item.id, answer: '已更正予以公开总计，将重新发布' }, police))
        .answerFollowUp,
    ).toEqual({
      answer: '已更正予以公开总计，将重新发布',
      status: 'reminded',
    });
  });

  it('resolves the item when a corrected version of the report passes its checks', async () => {
    const ingestor = storeOnlyIngestor(t.dataSource);
    const printed = REPORTS.find((r) => r.agency === CITY_POLICE && r.year === 2023)!;
    // Still wrong (予以公开 总计 printed 7 of 5): the item stays open.
    await storeReport(ingestor, { ...printed, grantedTotalPrinted: 7 });
    let item = (await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, police)).followUps.items[0]!;
    expect(item.status).toBe('reminded');
    // Corrected: the tables add up.
    const stored = await storeReport(ingestor, { ...printed, grantedTotalPrinted: undefined });
    item = (await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, police)).followUps.items[0]!;
    expect(item.status).toBe('resolved');
    expect(item.resolvedByReportId).toBe(String(stored.status === 'stored' ? stored.reportId : null));
    const { auditLog } = await data<{ auditLog: { items: { action: string; actor: string }[] } }>(`{ auditLog(take: 3) { items { action actor } } }`);
    expect(auditLog.items.map((e) => e.action)).toContain('followUp.resolvedByNewVersion');
  });

  it("resolves a contradiction item when an editor's correction makes the report in use pass its checks", async () => {
    const printed = REPORTS.find((r) => r.agency === CITY_POLICE && r.year === 2023)!;
    // A later version prints 予以公开 总计 8 where its columns add up to 5; the editor reopens the item.
    const wrong = await storeReport(storeOnlyIngestor(t.dataSource), { ...printed, grantedTotalPrinted: 8 });
    const reportId = String(wrong.status === 'stored' ? wrong.reportId : null);
    const update = `mutation($id: ID!, $status: FollowUpStatus) { updateFollowUp(id: $id, status: $status) { status } }`;
    const itemId = (await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, police)).followUps.items[0]!.id;
    await data(update, { id: itemId, status: 'reminded' }, editor);
    const correct = (value: number) =>
      data(
        `mutation($id: ID!, $path: String!, $value: Float, $reason: String!) { correctCell(reportId: $id, path: $path, value: $value, reason: $reason) { correction { id } } }`,
        { id: reportId, path: 'applications.granted[6]', value, reason: `核对原件后更正为 ${value}` },
        editor,
      );
    // Corrected to 7: the row still does not add up (5), so the item stays open.
    await correct(7);
    let item = (await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, police)).followUps.items[0]!;
    expect(item.status).toBe('reminded');
    // Corrected to 5: the tables add up, and the item is resolved by this version.
    await correct(5);
    item = (await data<{ followUps: { items: Item[] } }>(ITEMS, { year: 2023 }, police)).followUps.items[0]!;
    expect([item.status, item.resolvedByReportId]).toEqual(['resolved', reportId]);
    const { auditLog } = await data<{ auditLog: { items: { action: string }[] } }>(`{ auditLog(take: 3) { items { action } } }`);
    expect(auditLog.items.map((e) => e.action)).toContain('followUp.resolvedByCorrection');
  });
});

describe('the briefing and the notice', () => {
  it('writes the headline from the data: 2023 applications over the scope and their change on matched agencies', async () => {
    // Roll-up 2023: 甲市政府 100 + 甲市教育局 40 + 甲市公安局 10 + 乙区 aggregate 100 (standing for its departments) = 250.
    // Matched agencies (own report both years): 甲市政府 80 → 100, 甲市教育局 20 → 40, 乙区教育局 10 → 30, 乙区卫健委 2 → 50:
    // 112 → 220, +96.4 %.
    const { briefing } = await data<{
      briefing: {
        headlines: { metric: string; value: number; matchedAgencies: number; sentenceZh: string }[];
        submissionSentenceZh: string;
        issues: { agency: { name: string }; reason: string }[];
      };
    }>(`{ briefing(year: 2023) { headlines { metric value matchedAgencies sentenceZh } submissionSentenceZh issues { agency { name } reason } } }`);
    const received = briefing.headlines.find((h) => h.metric === 'applications.new')!;
    expect(received.value).toBe(250);
    expect(received.sentenceZh).toBe(`${CITY}共收到申请 250 件，较上年（可比机关 4 个）增长 96.4%。`);
    // Six agencies due; 甲市教育局 late, 甲市公安局 undated; its current (corrected) version adds up now.
    expect(briefing.submissionSentenceZh).toBe(
      '应报年报的机关 6 个，已报 6 个（按时 4 个、逾期 1 个、发布日期不明 1 个），未报 0 个；表格数据不能自洽（勾稽关系不成立）的 0 份。',
    );
    expect(briefing.issues.map((i) => `${i.agency.name}:${i.reason}`)).toEqual([`${CITY_EDU}:late`]);
  });

  it('downloads the briefing as DOCX whose text states the numbers of the API', async () => {
    const res = await t.fetch('/api/briefing.docx?year=2023');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
    expect(text).toContain(`${CITY}2023年度政府信息公开工作观测简报`);
    expect(text).toContain(`${CITY}共收到申请 250 件，较上年（可比机关 4 个）增长 96.4%。`);
    expect(text).toContain('按实质公开率：红色 1 个、黄色 1 个、绿色 2 个；样本不足不评色 1 个，无数据 0 个。');
    expect(text).toContain('60.0% 低于红线 65.0%');
    expect(text).toContain('附录：方法说明');
  });

  it("states on the page what the DOCX states: the page's own query, read against the DOCX's text", async () => {
    // The dashboard's document as the page sends it (only the first rows of each league table).
    const file = parse(readFileSync(join(SERVER_DIR, '..', 'client', 'src', 'graphql', 'briefing.query.graphql'), 'utf8'));
    const document = print({ ...file, definitions: file.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d.name?.value === 'Briefing') });
    const { briefing: b } = await data<{
      briefing: {
        scopeNameZh: string;
        headlines: { sentenceZh: string }[];
        submissionSentenceZh: string;
        issues: { agency: { name: string }; detailZh: string }[];
        leagues: { metricNameZh: string; sentenceZh: string; rows: { agency: { name: string }; reasonZh: string; colour: string }[] }[];
        notableChanges: { agency: { name: string }; messageZh: string }[];
        methodologyZh: string[];
        metricNotes: { nameZh: string; formulaZh: string }[];
      };
    }>(document, { year: 2023, selection: null, leagueRows: 2 });
    const res = await t.fetch('/api/briefing.docx?year=2023');
    const { value: docx } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
    const onPage = [
      `${b.scopeNameZh}2023年度政府信息公开工作观测简报`,
      ...b.headlines.map((h) => h.sentenceZh),
      b.submissionSentenceZh,
      ...b.issues.flatMap((i) => [i.agency.name, i.detailZh]),
      ...b.leagues.flatMap((l) => [l.metricNameZh, l.sentenceZh]),
      // The DOCX lists the coloured rows in its tables and names the not coloured in a note.
      ...b.leagues.flatMap((l) =>
        l.rows.flatMap((r) => (r.colour === 'small_sample' || r.colour === 'no_value' ? [r.agency.name] : [r.agency.name, r.reasonZh])),
      ),
      ...b.notableChanges.flatMap((c) => [c.agency.name, c.messageZh]),
      ...b.methodologyZh,
      ...b.metricNotes.flatMap((n) => [n.nameZh, n.formulaZh]),
    ];
    expect(b.leagues.some((l) => l.rows.length > 0)).toBe(true);
    expect(onPage.filter((text) => !docx.includes(text))).toEqual([]);
    // And the red row the page shows first is the DOCX's: 乙区卫健委 60.0 % under the substantive disclosure threshold.
    expect(b.leagues.find((l) => l.sentenceZh.startsWith('按实质公开率'))!.rows[0]!.agency.name).toBe(DISTRICT_HEALTH);
  });

  it('draws the trend and every breakdown that has a count as charts in the DOCX', async () => {
    const { briefing } = await data<{ briefing: Record<'withholding' | 'reviewOutcomes' | 'litigationOutcomes', { value: number | null }[]> }>(
      `{ briefing(year: 2023) { withholding { value } reviewOutcomes { value } litigationOutcomes { value } } }`,
    );
    const drawn = (['withholding', 'reviewOutcomes', 'litigationOutcomes'] as const).filter((k) => briefing[k].some((r) => (r.value ?? 0) > 0));
    expect(drawn.length).toBeGreaterThan(0);
    const res = await t.fetch('/api/briefing.docx?year=2023');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await res.arrayBuffer()) });
    const alts = [...html.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) => m[1]);
    const title = { withholding: '不予公开的原因', reviewOutcomes: '行政复议结果', litigationOutcomes: '行政诉讼结果' } as const;
    expect(alts).toEqual(['新收申请、办结申请（柱）与公开率、按时答复率（线）', ...drawn.map((k) => `${title[k]}：各类别件数与占比（条形图）`)]);
  });

  it("downloads the notice with each agency's problems and evidence; a bad year is refused with a code", async () => {
    const noticeText = async () => {
      const res = await t.fetch('/api/notice.docx?year=2022');
      expect(res.status).toBe(200);
      return (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) })).value;
    };
    // 甲市公安局 has no 2022 report, but nobody has looked at its listing page: the notice does not call it missing.
    expect(await noticeText()).not.toContain(CITY_POLICE);
    // A check of its listing page after the departments' deadline (2023-01-31) found no 2022 report: now it is 未报.
    await t.dataSource.query(
      `INSERT INTO listing_check (agency_id, year, checked_at, outcome, listing_url) VALUES ($1, 2022, '2023-02-10T02:00:00Z', 'NOT_FOUND', 'https://police.example/ogi/')`,
      [Number(id[CITY_POLICE])],
    );
    const text = await noticeText();
    expect(text).toContain(`关于${CITY}2022年度政府信息公开工作年度报告质量检查情况的通报`);
    expect(text).toContain(`${CITY_POLICE}`);
    expect(text).toContain('未报：2022 年度报告未发布：法定期限为 2023-01-31，至今未收到。');
    // 乙区教育局 published on 2023-02-10: 10 days late. 甲市政府 is red: (40 + 10) / 80 = 62.5 % < 65 %, sample 80.
    expect(text).toContain('逾期：2022 年度报告于 2023-02-10 发布，晚于法定期限 2023-01-31 共 10 天。');
    expect(text).toContain('指标异常：实质公开率红色：62.5% 低于红线 65.0%。');
    // 甲市教育局 (on time, 50 % of a sample of 20 is not coloured) has nothing to answer for in 2022.
    expect(text).not.toContain(CITY_EDU);
    const bad = await t.fetch('/api/notice.docx?year=1999');
    expect(bad.status).toBe(400);
    const refusal = ((await bad.json()) as { error: { code: string; message: string } }).error;
    expect(refusal.code).toBe('INVALID_ARGUMENTS');
    expect(refusal.message).toContain('年份须为 2000–2100 之间的整数');
  });

  it('gives a department user the briefing of its own agency only', async () => {
    const health = await t.signInAs('department', { agencyId: Number(id[DISTRICT_HEALTH]) });
    const { leagueTable } = await data<{ leagueTable: { rows: { agency: { id: string } }[] } }>(
      `{ leagueTable(metric: "${SUBSTANTIVE}", year: 2023) { rows { agency { id } } } }`,
      {},
      health,
    );
    expect(leagueTable.rows.map((r) => nameOf(r.agency.id))).toEqual([DISTRICT_HEALTH]);
  });
});
