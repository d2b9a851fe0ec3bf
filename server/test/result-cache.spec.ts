/**
 * Answers kept between requests (RESULT_CACHE_MB, on here as in production): the same question asked again is
 * answered from memory, the same to the byte; any committed change — through the API, or written by another program
 * straight into the database — is seen by the next answers; an answer kept for one asker never reaches another
 * whose role or agencies differ; sessions and mutations are never kept. After a restart, and once the data is quiet
 * after a change, the questions asked before are answered from memory from the first time they are asked again.
 */
import { TABLES_WITHOUT_NOTICES } from '@ogi/database';
import { SERVER_POOL_SIZE } from '../src/common/database/database.module.js';
import { AnswersRefresh } from '../src/modules/accounts/answers-refresh.service.js';
import { AskedQuestionsService } from '../src/modules/accounts/asked-questions.service.js';
import { ResultCachePlugin } from '../src/modules/accounts/result-cache.plugin.js';
import { warmUp } from '../src/warm-up.js';
import { distinctAgencyReports } from './helpers/report-files.js';
import { TEST_PASSWORD, startAppWithSamples, type ApiClient, type SampleApp } from './helpers/test-app.js';

const HONGZE = '淮安市洪泽区人民政府';

let t: SampleApp;

beforeAll(async () => {
  t = await startAppWithSamples({ env: { RESULT_CACHE_MB: '64' } });
});

afterAll(async () => {
  await t?.close();
});

// Each change is followed, once the data is quiet, by the recent questions asked again (AnswersRefresh): every test
// starts after that is over, so what it finds kept is what it asked itself.
afterEach(async () => {
  await t.app.get(AnswersRefresh).idle();
});

/** A query over HTTP as `who`: its JSON body as sent and whether it came from memory (the x-result-cache header). */
async function ask(who: ApiClient, query: string, variables: Record<string, unknown> = {}): Promise<{ body: string; cache: string | null }> {
  const res = await who.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { body: await res.text(), cache: res.headers.get('x-result-cache') };
}

const NEW_APPLICATIONS = `query($ids: [ID!]) { compare(selection: { agencyIds: $ids }, years: [2023], metrics: ["applications.new"]) {
  agencies { name } values { value quality } } }`;
/** The first value of a `compare` answer. */
const firstValue = (body: string) => (JSON.parse(body) as { data: { compare: { values: { value: number | null }[] } } }).data.compare.values[0]!.value;

/** Asks until the answer satisfies `done` (a change written elsewhere is announced a moment after it commits). */
async function askUntil(query: string, variables: Record<string, unknown>, done: (body: string) => boolean): Promise<string> {
  const until = Date.now() + 10_000;
  for (;;) {
    const { body } = await ask(t.admin, query, variables);
    if (done(body) || Date.now() > until) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls until `check` holds (at most ten seconds): for what the server writes beside an answer. */
async function askUntilTrue(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('not written within ten seconds');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('answers kept until the data changes', () => {
  it('answers the same question again from memory, the same to the byte', async () => {
    const ids = [t.agencyIds[HONGZE]];
    const first = await ask(t.admin, NEW_APPLICATIONS, { ids });
    expect(first.cache).toBe('miss');
    expect(firstValue(first.body)).toBe(21); // 洪泽区 2023: 本年新收 21, as printed
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
    expect(firstValue(after.body)).toBe(23);
  });

  it('a change written straight into the database by another program is seen once the database announces it', async () => {
    const ids = [t.agencyIds['鄂州市行政审批局']];
    const VALUE = `query($ids: [ID!]) { compare(selection: { agencyIds: $ids }, years: [2020], metrics: ["applications.new"]) { values { value } } }`;
    const before = firstValue((await ask(t.admin, VALUE, { ids })).body);
    expect(before).not.toBeNull();
    expect((await ask(t.admin, VALUE, { ids })).cache).toBe('hit');
    await t.dataSource.query(
      `UPDATE report_metric SET value = value + 1000 WHERE metric_code = 'applications.new'
          AND report_id = (SELECT id FROM report WHERE agency_id = $1 AND year = 2020 AND is_current)`,
      [ids[0]],
    );
    const after = await askUntil(VALUE, { ids }, (body) => firstValue(body) !== before);
    expect(firstValue(after)).toBe(before! + 1000);
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

  it("keeps its answers when someone signs in or changes a password, and drops them when a user's name changes", async () => {
    const ids = [t.agencyIds[HONGZE]];
    // (A new account is a change of data: once it is heard, the answer is kept again.)
    const viewer = await t.signInAs('viewer');
    await askUntilTrue(async () => (await ask(t.admin, NEW_APPLICATIONS, { ids })).cache === 'hit');
    await t.signIn(viewer.user!.username, TEST_PASSWORD);
    const changed = await viewer.gql('mutation($old: String!) { changePassword(currentPassword: $old, newPassword: "another-long-password-1") }', {
      old: TEST_PASSWORD,
    });
    expect(changed.errors).toBeUndefined();
    // Nothing announced arrives a moment later either.
    await new Promise((r) => setTimeout(r, 500));
    expect((await ask(t.admin, NEW_APPLICATIONS, { ids })).cache).toBe('hit');

    await t.dataSource.query('UPDATE app_user SET display_name = $2 WHERE id = $1', [viewer.user!.id, '改名的读者']);
    await askUntilTrue(async () => (await ask(t.admin, NEW_APPLICATIONS, { ids })).cache === 'miss');
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

  describe('after a change', () => {
    const HANDLED = `query($ids: [ID!]) { compare(selection: { agencyIds: $ids }, years: [2020], metrics: ["applications.handled"]) { values { value } } }`;
    const cache = () => t.app.get(ResultCachePlugin).cache;
    /** Waits until the server has heard a change since `generation` (it forgets every kept answer then). */
    const heardSince = (generation: number) => askUntilTrue(async () => cache().generation > generation);

    it('works the recent questions out again once the data is quiet: the next visitor is answered from memory, with the change', async () => {
      const ids = [t.agencyIds['鄂州市行政审批局']];
      const before = await ask(t.admin, HANDLED, { ids });
      expect(before.cache).toBe('miss');
      expect(firstValue(before.body)).not.toBeNull();
      await askUntilTrue(async () => (await t.dataSource.query('SELECT 1 FROM asked_question WHERE query = $1', [HANDLED])).length > 0);
      const generation = cache().generation;
      await t.dataSource.query(
        `UPDATE report_metric SET value = value + 500 WHERE metric_code = 'applications.handled'
            AND report_id = (SELECT id FROM report WHERE agency_id = $1 AND year = 2020 AND is_current)`,
        [ids[0]],
      );
      await heardSince(generation);
      await t.app.get(AnswersRefresh).idle();
      const after = await ask(t.admin, HANDLED, { ids });
      expect(after.cache).toBe('hit');
      expect(firstValue(after.body)).toBe(firstValue(before.body)! + 500);
    });

    it('asks once after a burst of changes, not once per change', async () => {
      const questions = t.app.get(AskedQuestionsService);
      const askAgain = questions.askAgain;
      let rounds = 0;
      questions.askAgain = (...args) => (rounds++, askAgain.apply(questions, args));
      try {
        const generation = cache().generation;
        for (let i = 0; i < 3; i++) {
          await t.dataSource.query(`UPDATE agency SET name = name WHERE id = $1`, [t.agencyIds[HONGZE]]);
          await new Promise((r) => setTimeout(r, 200));
        }
        await heardSince(generation + 2);
        await t.app.get(AnswersRefresh).idle();
        expect(rounds).toBe(1);
      } finally {
        questions.askAgain = askAgain;
      }
    });
  });

  describe('after a restart', () => {
    const sessions = async () => (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM user_session'))[0]!.n;
    const quietLogger = { log: () => {}, warn: (m: unknown) => void warnings.push(String(m)) };
    let warnings: string[] = [];
    /** What a restart leaves: nothing kept in memory; then the start's warm-up. */
    const restart = async () => {
      t.app.get(ResultCachePlugin).cache.forget();
      warnings = [];
      await warmUp(t.app, SERVER_POOL_SIZE, quietLogger);
      expect(warnings).toEqual([]);
    };
    /** Waits until the server has written down that `variables` were asked (it does so beside the answer). */
    const writtenDown = (variables: Record<string, unknown>) =>
      askUntilTrue(async () => (await t.dataSource.query('SELECT 1 FROM asked_question WHERE variables = $1::jsonb', [JSON.stringify(variables)])).length > 0);

    const TWO_YEARS = `query($years: [Int!]!, $ids: [ID!]) { compare(selection: { agencyIds: $ids }, years: $years, metrics: ["applications.new"]) { values { value } } }`;

    it('answers the questions asked before from memory the first time they are asked again, and leaves no session', async () => {
      // An agency no earlier question asked about: its question is worked out here, not kept from before.
      const ids = [Object.entries(t.agencyIds).find(([name]) => name !== HONGZE && name !== '鄂州市行政审批局')![1]];
      const before = await ask(t.admin, NEW_APPLICATIONS, { ids });
      expect(before.cache).toBe('miss');
      expect((await ask(t.admin, TWO_YEARS, { years: [2022, 2023], ids })).cache).toBe('miss');
      await writtenDown({ ids });
      await writtenDown({ years: [2022, 2023], ids });
      // (Made before the restart: a new account is a change of data, which drops every kept answer.)
      const otherAdmin = await t.signInAs('admin');
      const sessionsBefore = await sessions();

      await restart();

      expect(await ask(t.admin, NEW_APPLICATIONS, { ids })).toEqual({ body: before.body, cache: 'hit' });
      expect(await sessions()).toBe(sessionsBefore);
      // Another administrator asks as the same asker: the same answer, from memory.
      expect(await ask(otherAdmin, NEW_APPLICATIONS, { ids })).toEqual({ body: before.body, cache: 'hit' });
      // Variables come back from the database in its own key order: still the same question.
      expect((await ask(t.admin, TWO_YEARS, { years: [2022, 2023], ids })).cache).toBe('hit');
    });

    it("asks a department user's question again as that department, never as someone who sees more", async () => {
      const department = await t.signInAs('department', { agencyId: Number(t.agencyIds[HONGZE]) });
      const everyone = `query($years: [Int!]!) { compare(selection: {}, years: $years, metrics: ["applications.new"]) { agencies { name } } }`;
      const own = await ask(department, everyone, { years: [2022] });
      expect(own.cache).toBe('miss');
      await writtenDown({ years: [2022] });

      await restart();

      const again = await ask(department, everyone, { years: [2022] });
      expect(again).toEqual({ body: own.body, cache: 'hit' });
      expect(JSON.parse(again.body).data.compare.agencies).toEqual([{ name: HONGZE }]);
    });

    it('stores the question, never the answer, and asking it again does not make it look recent', async () => {
      const columns = await t.dataSource.query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'asked_question' ORDER BY 1`,
      );
      expect(columns.map((c) => c.column_name)).toEqual(['asker', 'key', 'last_asked_at', 'operation_name', 'query', 'variables']);
      const asked = async () =>
        t.dataSource.query<{ key: string; asker: string; last_asked_at: Date }[]>('SELECT key, asker, last_asked_at FROM asked_question ORDER BY key');
      const before = await asked();
      expect(before.length).toBeGreaterThan(0);
      for (const q of before) expect(q.asker).toMatch(/^(session|token):[a-z]+:(\*|[\d,]*)$/);
      await restart();
      expect(await asked()).toEqual(before);
    });
  });
});
