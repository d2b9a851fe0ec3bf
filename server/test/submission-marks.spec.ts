/**
 * An editor marks an agency-year missing (逾期未报) after checking that nothing was published; until then a year
 * without a report reads 未核查 (NOT_CHECKED). The sample reports, the real app and GraphQL, every role.
 * Today is the real date: the sample years all lie long before it, and 2100 lies after it.
 */
import { mergeAgencyInto } from '@ogi/write-model/agencies';
import { Role } from '@ogi/domain';
import { TEST_ADMIN, errorCodes, startAppWithSamples, type ApiClient, type GraphqlResponse, type SampleApp } from './helpers/test-app.js';

let t: SampleApp;
let ezhouId: string;
let clients: Map<Role, ApiClient>;

const EZHOU = '鄂州市行政审批局';

const SUBMISSION = 'agency { name } year status deadline reportId missingMark { note markedBy }';
const MARK = `mutation($a: ID!, $y: Int!, $n: String!) { markSubmissionMissing(agencyId: $a, year: $y, note: $n) { ${SUBMISSION} } }`;
const UNMARK = `mutation($a: ID!, $y: Int!, $n: String!) { unmarkSubmissionMissing(agencyId: $a, year: $y, note: $n) { ${SUBMISSION} } }`;
const SUBMISSIONS = `query($a: ID!, $y: [Int!]!) { submissions(years: $y, selection: { agencyIds: [$a] }) { ${SUBMISSION} } }`;

type Submission = {
  agency: { name: string };
  year: number;
  status: string;
  deadline: string;
  reportId: string | null;
  missingMark: { note: string; markedBy: string } | null;
};

beforeAll(async () => {
  t = await startAppWithSamples();
  ezhouId = t.agencyIds[EZHOU]!;
  clients = new Map<Role, ApiClient>([['admin', t.admin]]);
  for (const role of ['editor', 'analyst', 'viewer', 'department'] as const) {
    clients.set(role, await t.signInAs(role, role === 'department' ? { agencyId: Number(ezhouId) } : {}));
  }
});

afterAll(async () => {
  await t?.close();
});

async function statusOf(year: number): Promise<Submission> {
  const res = await t.gql<{ submissions: Submission[] }>(SUBMISSIONS, { a: ezhouId, y: [year] });
  expect(res.errors).toBeUndefined();
  return res.data!.submissions[0]!;
}

const reasonsOf = (r: GraphqlResponse<unknown>): unknown[] => (r.errors ?? []).map((e) => e.extensions?.['reason'] ?? e.extensions?.['code']);

describe('marking an agency-year missing', () => {
  it('鄂州 2021 (no report; a department, due 2022-01-31; nobody checked) reads 未核查 until an editor marks it, then 逾期未报 with the note', async () => {
    expect(await statusOf(2021)).toMatchObject({ status: 'NOT_CHECKED', deadline: '2022-01-31', reportId: null, missingMark: null });

    const editor = clients.get('editor')!;
    const res = await editor.gql<{ markSubmissionMissing: Submission }>(MARK, { a: ezhouId, y: 2021, n: '已核对门户网站年报栏目，未见 2021 年度报告' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.markSubmissionMissing).toMatchObject({
      year: 2021,
      status: 'MISSING',
      missingMark: { note: '已核对门户网站年报栏目，未见 2021 年度报告', markedBy: editor.user!.username },
    });
    // Every reader sees it, the leader included.
    const seen = await clients.get('viewer')!.gql<{ submissions: Submission[] }>(SUBMISSIONS, { a: ezhouId, y: [2021] });
    expect(seen.data!.submissions[0]).toMatchObject({ status: 'MISSING', missingMark: { note: '已核对门户网站年报栏目，未见 2021 年度报告' } });

    // Marking it twice is refused and changes nothing.
    const twice = await t.gql(MARK, { a: ezhouId, y: 2021, n: '再次标记' });
    expect(reasonsOf(twice)).toEqual(['ALREADY_MARKED']);
    expect(errorCodes(twice)).toEqual(['BAD_USER_INPUT']);

    // Taken back: 未核查 again.
    const undone = await t.gql<{ unmarkSubmissionMissing: Submission }>(UNMARK, { a: ezhouId, y: 2021, n: '网站上找到了报告，待导入' });
    expect(undone.errors).toBeUndefined();
    expect(undone.data!.unmarkSubmissionMissing).toMatchObject({ status: 'NOT_CHECKED', missingMark: null });
    expect(await statusOf(2021)).toMatchObject({ status: 'NOT_CHECKED', missingMark: null });
    expect(reasonsOf(await t.gql(UNMARK, { a: ezhouId, y: 2021, n: '再撤销一次' }))).toEqual(['NOT_MARKED']);

    // Both steps are in the audit log, newest first, with who, the note and the agency-year.
    const log = await t.gql<{ auditLog: { items: { actor: string; action: string; reason: string; detail: string }[] } }>(
      '{ auditLog(take: 2) { items { actor action reason detail } } }',
    );
    expect(log.data!.auditLog.items.map((e) => [e.actor, e.action, e.reason, JSON.parse(e.detail).year, JSON.parse(e.detail).agency])).toEqual([
      [TEST_ADMIN.username, 'submission.missingMarkRemoved', '网站上找到了报告，待导入', 2021, EZHOU],
      [editor.user!.username, 'submission.markedMissing', '已核对门户网站年报栏目，未见 2021 年度报告', 2021, EZHOU],
    ]);
  });

  it('is refused, changing nothing, for a year whose deadline has not passed, a year with a report, an unknown agency, an empty note', async () => {
    const before = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM submission_missing_mark');
    // Data year 2100 is due on 2101-01-31.
    const early = await t.gql(MARK, { a: ezhouId, y: 2100, n: '尚未公布' });
    expect(reasonsOf(early)).toEqual(['DEADLINE_NOT_PASSED']);
    expect(early.errors![0]!.message).toContain('2101-01-31');
    // 鄂州 2020 is one of the samples.
    const published = await t.gql(MARK, { a: ezhouId, y: 2020, n: '未见报告' });
    expect(reasonsOf(published)).toEqual(['REPORT_EXISTS']);
    expect(reasonsOf(await t.gql(MARK, { a: '999999', y: 2021, n: '未见报告' }))).toEqual(['AGENCY_NOT_FOUND']);
    expect(errorCodes(await t.gql(MARK, { a: ezhouId, y: 2021, n: ' ' }))).toEqual(['BAD_USER_INPUT']);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM submission_missing_mark')).toEqual(before);
    expect(await statusOf(2020)).toMatchObject({ status: 'ON_TIME' });
  });

  it.each([
    ['analyst', 'ROLE_NOT_ALLOWED'],
    ['viewer', 'ROLE_NOT_ALLOWED'],
    ['department', 'ROLE_NOT_ALLOWED'],
  ] as const)('a %s can neither mark nor take back a mark (%s)', async (role, reason) => {
    await t.gql(MARK, { a: ezhouId, y: 2022, n: '编辑已核对' });
    const client = clients.get(role)!;
    expect(reasonsOf(await client.gql(MARK, { a: ezhouId, y: 2023, n: '自行标记' }))).toEqual([reason]);
    expect(reasonsOf(await client.gql(UNMARK, { a: ezhouId, y: 2022, n: '撤销' }))).toEqual([reason]);
    expect(await statusOf(2023)).toMatchObject({ status: 'NOT_CHECKED' });
    expect(await statusOf(2022)).toMatchObject({ status: 'MISSING' });
    await t.gql(UNMARK, { a: ezhouId, y: 2022, n: '测试结束' });
  });

  it('a report imported after the mark outranks it: the agency did publish', async () => {
    await t.dataSource.query('INSERT INTO submission_missing_mark (agency_id, year, note, marked_by) VALUES ($1, 2020, $2, $3)', [ezhouId, '旧标记', 'editor']);
    expect(await statusOf(2020)).toMatchObject({ status: 'ON_TIME', missingMark: { note: '旧标记' } });
    await t.dataSource.query('DELETE FROM submission_missing_mark WHERE agency_id = $1 AND year = 2020', [ezhouId]);
  });

  it('a mark follows its agency when a duplicate agency is merged into another; the target keeps its own mark for a year both have', async () => {
    const [dup] = await t.dataSource.query<{ id: number }[]>(`INSERT INTO agency (name, kind) VALUES ('鄂州市行政审批局（重复）', 'department') RETURNING id`);
    await t.dataSource.query(
      `INSERT INTO submission_missing_mark (agency_id, year, note, marked_by) VALUES ($1, 2019, '重复机关的标记', 'editor'), ($1, 2021, '重复机关 2021', 'editor')`,
      [dup!.id],
    );
    await t.dataSource.query(`INSERT INTO submission_missing_mark (agency_id, year, note, marked_by) VALUES ($1, 2021, '本机关 2021', 'editor')`, [ezhouId]);
    await t.dataSource.transaction((m) => mergeAgencyInto(m, dup!.id, Number(ezhouId)));
    expect(await t.dataSource.query('SELECT year, note FROM submission_missing_mark WHERE agency_id = $1 ORDER BY year', [ezhouId])).toEqual([
      { year: 2019, note: '重复机关的标记' },
      { year: 2021, note: '本机关 2021' },
    ]);
    await t.dataSource.query('DELETE FROM submission_missing_mark WHERE agency_id = $1', [ezhouId]);
  });
});
