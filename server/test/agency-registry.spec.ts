/**
 * The registry as the data bureau edits it: names imports did not know (proposals, confirm, reject), and
 * corrections to an agency (name, aliases, parent, kind, listing page), on the hand-built province.
 */
import {
  CITY,
  CITY_EDU,
  CITY_POLICE,
  DISTRICT,
  DISTRICT_EDU,
  DISTRICT_HEALTH,
  loadFixture,
  storeOnlyIngestor,
  storeReport,
  type FixtureReport,
} from './helpers/analytics-fixture.js';
import { errorCodes, startTestApp, type GraphqlResponse, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let id: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ SEED_WHEN_EMPTY: 'false' });
  id = await loadFixture(t.dataSource);
});

afterAll(async () => {
  await t?.close();
});

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res: GraphqlResponse<T> = await t.gql<T>(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

interface Proposal {
  id: string;
  printedName: string;
  reason: string | null;
  reportId: string | null;
  agency: { id: string; name: string; parent: { name: string } | null } | null;
  proposedAgency: { id: string; name: string } | null;
}
const PROPOSALS = '{ agencyMatchProposals { id printedName reason reportId agency { id name parent { name } } proposedAgency { id name } } }';
const proposals = async () => (await data<{ agencyMatchProposals: Proposal[] }>(PROPOSALS)).agencyMatchProposals;

const report = (agency: string, year: number, n: number, publishedOn: string): FixtureReport => ({
  agency,
  year,
  publishedOn,
  n,
  g: n,
  p: 0,
  w: 0,
  u: 0,
  legal: 0,
});

describe('names an import did not know', () => {
  it('a shortened name gets a new agency under the government its name implies, and a proposal naming the registered agency', async () => {
    await storeReport(storeOnlyIngestor(t.dataSource), report('乙区教育局', 2021, 7, '2022-01-15'));
    const [p] = await proposals();
    expect(p).toMatchObject({
      printedName: '乙区教育局',
      reason: 'shortened',
      // Its parent comes from the name: 乙区人民政府 is an alias of 甲市乙区人民政府.
      agency: { name: '乙区教育局', parent: { name: DISTRICT } },
      proposedAgency: { id: id[DISTRICT_EDU], name: DISTRICT_EDU },
    });
    expect(p!.reportId).toMatch(/^\d+$/);
  });

  it('confirming moves the reports to the registered agency, records the alias and removes the new agency', async () => {
    const [p] = await proposals();
    const { confirmAgencyMatch } = await data<{ confirmAgencyMatch: { id: string; name: string; aliases: string[] } }>(
      'mutation($p: ID!) { confirmAgencyMatch(proposalId: $p) { id name aliases } }',
      { p: p!.id },
    );
    expect(confirmAgencyMatch).toEqual({ id: id[DISTRICT_EDU], name: DISTRICT_EDU, aliases: ['乙区教育局'] });
    expect(await proposals()).toEqual([]);
    const years = await data<{ agency: { reports: { year: number }[] } }>('query($id: ID!) { agency(id: $id) { reports { year } } }', { id: id[DISTRICT_EDU] });
    expect(years.agency.reports.map((r) => r.year)).toEqual([2023, 2022, 2021]);
    const left = await data<{ agencies: { items: { name: string }[] } }>('{ agencies(search: "乙区教育局") { items { name } } }');
    // Found through its new alias, the registered agency is the only one left.
    expect(left.agencies.items.map((a) => a.name)).toEqual([DISTRICT_EDU]);
    // The next report printed under that name goes straight to the registered agency, with no new proposal.
    const again = await storeReport(storeOnlyIngestor(t.dataSource), report('乙区教育局', 2020, 3, '2021-01-15'));
    expect(again).toMatchObject({ agencyId: Number(id[DISTRICT_EDU]) });
    expect(await proposals()).toEqual([]);
  });

  it('a confirmed name whose agency already reported that year becomes a newer version there', async () => {
    await storeReport(storeOnlyIngestor(t.dataSource), report('乙区卫生健康委员会', 2022, 5, '2023-01-05'));
    const [p] = await proposals();
    expect(p).toMatchObject({ printedName: '乙区卫生健康委员会', proposedAgency: { name: DISTRICT_HEALTH } });
    await data('mutation($p: ID!) { confirmAgencyMatch(proposalId: $p) { id } }', { p: p!.id });
    const { reports } = await data<{ reports: { items: { version: number; isCurrent: boolean; versions: { version: number; isCurrent: boolean }[] }[] } }>(
      'query($a: ID) { reports(agencyId: $a, year: 2022) { items { version isCurrent versions { version isCurrent } } } }',
      { a: id[DISTRICT_HEALTH] },
    );
    // The registered agency's own 2022 report stays as version 1; the confirmed one, imported later, is current.
    expect(reports.items[0]!.versions).toEqual([
      { version: 2, isCurrent: true },
      { version: 1, isCurrent: false },
    ]);
    const { compare } = await data<{ compare: { values: { value: number }[] } }>(
      'query($a: ID!) { compare(selection: { agencyIds: [$a] }, years: [2022], metrics: ["applications.new"]) { values { value } } }',
      { a: id[DISTRICT_HEALTH] },
    );
    expect(compare.values.map((v) => v.value)).toEqual([5]);
  });

  it('a name nothing fits is proposed with no agency: rejecting keeps the new agency; confirming needs an agency', async () => {
    await storeReport(storeOnlyIngestor(t.dataSource), report('丙县水利局', 2023, 4, '2024-01-20'));
    const [p] = await proposals();
    expect(p).toMatchObject({ printedName: '丙县水利局', proposedAgency: null, reason: null, agency: { name: '丙县水利局', parent: null } });
    const noTarget = await t.gql('mutation($p: ID!) { confirmAgencyMatch(proposalId: $p) { id } }', { p: p!.id });
    expect(errorCodes(noTarget)).toEqual(['BAD_USER_INPUT']);
    expect(noTarget.errors![0]!.extensions?.['reason']).toBe('NO_PROPOSED_AGENCY');

    expect(await data('mutation($p: ID!) { rejectAgencyMatch(proposalId: $p) }', { p: p!.id })).toEqual({ rejectAgencyMatch: true });
    expect(await proposals()).toEqual([]);
    const kept = await data<{ agencies: { items: { name: string }[] } }>('{ agencies(search: "丙县") { items { name } } }');
    expect(kept.agencies.items.map((a) => a.name)).toEqual(['丙县水利局']);
    const twice = await t.gql('mutation($p: ID!) { rejectAgencyMatch(proposalId: $p) }', { p: p!.id });
    expect(twice.errors![0]!.extensions?.['reason']).toBe('PROPOSAL_RESOLVED');
    expect(errorCodes(await t.gql('mutation { rejectAgencyMatch(proposalId: "999999") }'))).toEqual(['NOT_FOUND']);
  });

  it('confirming into a chosen agency: an OCR typo of a registered name', async () => {
    // 甲市乙区卫生健康委员会 printed as 甲市乙区卫生建康委员会 (健 misread as 建): proposed as a typo; the clerk confirms with the id.
    await storeReport(storeOnlyIngestor(t.dataSource), report('甲市乙区卫生建康委员会', 2021, 9, '2022-01-29'));
    const [p] = await proposals();
    expect(p).toMatchObject({ printedName: '甲市乙区卫生建康委员会', reason: 'typo', proposedAgency: { name: DISTRICT_HEALTH } });
    await data('mutation($p: ID!, $a: ID) { confirmAgencyMatch(proposalId: $p, agencyId: $a) { id } }', { p: p!.id, a: id[DISTRICT_HEALTH] });
    const { submissions } = await data<{ submissions: { status: string }[] }>(
      'query($a: ID!) { submissions(years: [2021], selection: { agencyIds: [$a] }) { status } }',
      { a: id[DISTRICT_HEALTH] },
    );
    // 乙区卫健委 had no 2021 report; the confirmed one (published 29 Jan) fills it, on time.
    expect(submissions.map((s) => s.status)).toEqual(['ON_TIME']);
  });
});

describe('updateAgency', () => {
  const UPDATE = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id name kind level listingUrl aliases parent { name } } }`;

  it('renames (the old name stays an alias), adds and removes aliases, sets the listing page', async () => {
    const { updateAgency } = await data<{ updateAgency: { name: string; aliases: string[]; listingUrl: string } }>(UPDATE, {
      input: { id: id[CITY_EDU], name: '甲市教育体育局', addAliases: ['甲市教体局', '甲市 教育 局'], listingUrl: 'https://jy.example.gov.cn/ndbg/' },
    });
    // Whitespace in names never means anything: 甲市 教育 局 is the old name, already an alias after the rename.
    expect(updateAgency).toEqual(expect.objectContaining({ name: '甲市教育体育局', listingUrl: 'https://jy.example.gov.cn/ndbg/' }));
    expect(updateAgency.aliases).toEqual(['甲市教体局', '甲市教育局']);
    const removed = await data<{ updateAgency: { aliases: string[] } }>(UPDATE, { input: { id: id[CITY_EDU], removeAliases: ['甲市教体局'] } });
    expect(removed.updateAgency.aliases).toEqual(['甲市教育局']);
    // Each correction is in the audit log, by whom, before and after.
    const logged = await t.dataSource.query<
      { actor: string; before_value: { name: string; aliases: string[] }; after_value: { name: string; aliases: string[] } }[]
    >(`SELECT actor, before_value, after_value FROM audit_log WHERE action = 'agency.updated' AND (detail->>'agencyId')::int = $1 ORDER BY id`, [id[CITY_EDU]]);
    expect(logged.map((e) => [e.actor, e.before_value.name, e.after_value.name, e.after_value.aliases])).toEqual([
      ['test.admin', '甲市教育局', '甲市教育体育局', ['甲市教体局', '甲市教育局']],
      ['test.admin', '甲市教育体育局', '甲市教育体育局', ['甲市教育局']],
    ]);
  });

  it("refuses another agency's name or alias, a cycle in the tree, bad values — and changes nothing", async () => {
    const takenName = await t.gql(UPDATE, { input: { id: id[CITY_EDU], name: CITY_POLICE, level: 'county' } });
    expect(takenName.errors![0]!.extensions?.['reason']).toBe('NAME_TAKEN');
    const takenAlias = await t.gql(UPDATE, { input: { id: id[CITY_EDU], addAliases: ['乙区人民政府'] } });
    expect(takenAlias.errors![0]!.extensions?.['reason']).toBe('ALIAS_TAKEN');
    const cycle = await t.gql(UPDATE, { input: { id: id[CITY], parentId: id[DISTRICT_EDU] } });
    expect(cycle.errors![0]!.extensions?.['reason']).toBe('PARENT_CYCLE');
    expect(errorCodes(await t.gql(UPDATE, { input: { id: id[CITY_EDU], kind: 'ministry' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql(UPDATE, { input: { id: id[CITY_EDU], listingUrl: 'javascript:alert(1)' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql(UPDATE, { input: { id: '999999', level: 'city' } }))).toEqual(['NOT_FOUND']);
    const after = await data<{ agency: { name: string; level: string; parent: { name: string } | null } }>(
      'query($id: ID!) { agency(id: $id) { name level parent { name } } }',
      {
        id: id[CITY_EDU],
      },
    );
    expect(after.agency).toEqual({ name: '甲市教育体育局', level: 'city', parent: { name: CITY } });
  });

  it('moves an agency in the tree, and clears its parent with null', async () => {
    const moved = await data<{ updateAgency: { parent: { name: string } } }>(UPDATE, { input: { id: id[CITY_POLICE], parentId: id[DISTRICT] } });
    expect(moved.updateAgency.parent).toEqual({ name: DISTRICT });
    const tree = await data<{ agencyTree: { name: string }[] }>('query($p: ID) { agencyTree(parentId: $p) { name } }', { p: id[DISTRICT] });
    expect(tree.agencyTree.map((n) => n.name)).toContain(CITY_POLICE);
    const cleared = await data<{ updateAgency: { parent: null } }>(UPDATE, { input: { id: id[CITY_POLICE], parentId: null } });
    expect(cleared.updateAgency.parent).toBeNull();
  });

  it('a new kind re-derives deadlines and lateness: a department made a government has until 31 March', async () => {
    const SUBMISSION = 'query($a: ID!) { submissions(years: [2023], selection: { agencyIds: [$a] }) { status deadline daysLate } }';
    // Published 2024-02-05: 5 days late for a department.
    expect((await data<{ submissions: unknown[] }>(SUBMISSION, { a: id[CITY_EDU] })).submissions).toEqual([
      { status: 'LATE', deadline: '2024-01-31', daysLate: 5 },
    ]);
    await data(UPDATE, { input: { id: id[CITY_EDU], kind: 'government' } });
    expect((await data<{ submissions: unknown[] }>(SUBMISSION, { a: id[CITY_EDU] })).submissions).toEqual([
      { status: 'ON_TIME', deadline: '2024-03-31', daysLate: 0 },
    ]);
    const late = await data<{ findings: { total: number } }>(
      'query($a: ID!) { findings(selection: { agencyIds: [$a] }, rules: ["LATE_PUBLICATION"]) { total } }',
      {
        a: id[CITY_EDU],
      },
    );
    expect(late.findings.total).toBe(0);
  });
});
