/**
 * Answers kept between requests (RESULT_CACHE_MB, on here as in production): the same question asked again is
 * answered from memory, the same to the byte; any committed change — through the API, or written by another program
 * straight into the database — is seen by the next answers; an answer kept for one asker never reaches another
 * whose role or agencies differ; sessions and mutations are never kept.
 */
import { TABLES_WITHOUT_NOTICES } from '@ogi/database';
import { distinctAgencyReports } from './helpers/report-files.js';
import { startAppWithSamples, type ApiClient, type SampleApp } from './helpers/test-app.js';

const HONGZE = '淮安市洪泽区人民政府';

let t: SampleApp;

beforeAll(async () => {
  t = await startAppWithSamples({ env: { RESULT_CACHE_MB: '64' } });
});

afterAll(async () => {
  await t?.close();
});

/** A query over HTTP as `who`: its JSON body as sent and whether it came from memory (the x-result-cache header). */
async function ask(who: ApiClient, query: string, variables: Record<string, unknown> = {}): Promise<{ body: string; cache: string | null }> {
  const res = await who.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { body: await res.text(), cache: res.headers.get('x-result-cache') };
}

const NEW_APPLICATIONS = `query($ids: [ID!]) { compare(selection: { agencyIds: $ids }, years: [2023], metrics: ["applications.new"]) {
  agencies { name } values { value quality } } }`;
const newApplications = (body: string) => (JSON.parse(body) as { data: { compare: { values: { value: number | null }[] } } }).data.compare.values[0]!.value;

/** Asks until the answer satisfies `done` (a change written elsewhere is announced a moment after it commits). */
async function askUntil(query: string, variables: Record<string, unknown>, done: (body: string) => boolean): Promise<string> {
  const until = Date.now() + 10_000;
  for (;;) {
    const { body } = await ask(t.admin, query, variables);
    if (done(body) || Date.now() > until) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('answers kept until the data changes', () => {
  it('answers the same question again from memory, the same to the byte', async () => {
    const ids = [t.agencyIds[HONGZE]];
    const first = await ask(t.admin, NEW_APPLICATIONS, { ids });
    expect(first.cache).toBe('miss');
    expect(newApplications(first.body)).toBe(21); // 洪泽区 2023: 本年新收 21, as printed
    const again = await ask(t.admin, NEW_APPLICATIONS, { ids });
    expect(again).toEqual({ body: first.body, cache: 'hit' });
    // Other variables are another question.
    expect((await ask(t.admin, NEW_APPLICATIONS, { ids: [t.agencyIds['鄂州市行政审批局']] })).cache).toBe('miss');
  });

  it('a correction through the API is in the very next answer', async () => {
    const ids = [t.agencyIds[HONGZE]];
    await ask(t.admin, NEW_APPLICATIONS, { ids });
    expect((await ask(t.admin, NEW_APPLICATIONS, { ids })).cache).toBe('hit');
    const [report] = await t.dataSource.query<{ id: number }[]>('SELECT id FROM report WHERE agency_id = $1 AND year = 2023 AND is_current', [ids[0]]);
    const corrected = await t.gql(
      'mutation($id: ID!, $path: String!, $value: Float, $reason: String!) { correctCell(reportId: $id, path: $path, value: $value, reason: $reason) { correction { id } } }',
      { id: String(report!.id), path: 'applications.newReceived[6]', value: 23, reason: '核对纸质原件为 23' },
    );
    expect(corrected.errors).toBeUndefined();
    const after = await ask(t.admin, NEW_APPLICATIONS, { ids });
    expect(after.cache).toBe('miss');
    expect(newApplications(after.body)).toBe(23);
  });

  it('a change written straight into the database by another program is seen once the database announces it', async () => {
    const ids = [t.agencyIds['鄂州市行政审批局']];
    const VALUE = `query($ids: [ID!]) { compare(selection: { agencyIds: $ids }, years: [2020], metrics: ["applications.new"]) { values { value } } }`;
    const before = newApplications((await ask(t.admin, VALUE, { ids })).body);
    expect(before).not.toBeNull();
    expect((await ask(t.admin, VALUE, { ids })).cache).toBe('hit');
    await t.dataSource.query(
      `UPDATE report_metric SET value = value + 1000 WHERE metric_code = 'applications.new'
          AND report_id = (SELECT id FROM report WHERE agency_id = $1 AND year = 2020 AND is_current)`,
      [ids[0]],
    );
    const after = await askUntil(VALUE, { ids }, (body) => newApplications(body) !== before);
    expect(newApplications(after)).toBe(before! + 1000);
  });

  it('a report uploaded to this server is in the very next answer', async () => {
    const TOTAL = '{ reports(take: 1) { total } }';
    const total = (body: string) => (JSON.parse(body) as { data: { reports: { total: number } } }).data.reports.total;
    const before = total((await ask(t.admin, TOTAL)).body);
    expect((await ask(t.admin, TOTAL)).cache).toBe('hit');
    const [file] = await distinctAgencyReports(1, '缓存');
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(file!.bytes)]), file!.name);
    const upload = await t.fetch('/api/uploads', { method: 'POST', body: form });
    expect(upload.status).toBe(200);
    const after = await ask(t.admin, TOTAL);
    expect(after.cache).toBe('miss');
    expect(total(after.body)).toBe(before + 1);
  });

  it('never gives a department user an answer kept for someone who sees more', async () => {
    const everyone = `{ compare(selection: {}, years: [2023], metrics: ["applications.new"]) { agencies { name } } }`;
    const admin = await ask(t.admin, everyone);
    expect((await ask(t.admin, everyone)).cache).toBe('hit');
    const department = await t.signInAs('department', { agencyId: Number(t.agencyIds[HONGZE]) });
    const own = await ask(department, everyone);
    expect(own.cache).toBe('miss');
    const names = (body: string) => (JSON.parse(body) as { data: { compare: { agencies: { name: string }[] } } }).data.compare.agencies.map((a) => a.name);
    expect(names(own.body)).toEqual([HONGZE]);
    expect(names(admin.body).length).toBeGreaterThan(1);
    // Signed out, nothing is served from memory: the access rules answer as always.
    const anonymous = await ask(t.anonymous, everyone);
    expect(anonymous.cache).toBeNull();
    expect(JSON.parse(anonymous.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('never keeps who is signed in, the users, or a mutation', async () => {
    for (const query of ['{ session { user { username } } }', '{ users { username } }']) {
      await ask(t.admin, query);
      expect((await ask(t.admin, query)).cache).toBeNull();
    }
  });

  it('every table announces its writes, but the bookkeeping of sign-ins, imports and the audit log', async () => {
    const tables = await t.dataSource.query<{ name: string; announces: boolean }[]>(
      `SELECT t.tablename AS name,
              EXISTS (SELECT 1 FROM information_schema.triggers g WHERE g.event_object_table = t.tablename AND g.trigger_name = 'announce_data_change') AS announces
         FROM pg_tables t WHERE t.schemaname = 'public' ORDER BY 1`,
    );
    const silent = tables.filter((x) => !x.announces).map((x) => x.name);
    expect(silent.sort()).toEqual([...TABLES_WITHOUT_NOTICES].sort());
    expect(tables.filter((x) => x.announces).map((x) => x.name)).toEqual(expect.arrayContaining(['report', 'report_metric', 'report_cell', 'agency']));
  });
});
