import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountInApp } from '../../../test/mount';
import type { ThresholdColour } from '../../graphql/api';
import BriefingLeagueTable from './BriefingLeagueTable.vue';
import BriefingView from './BriefingView.vue';
import { type BriefingLeague, LEAGUE_ROWS_SHOWN, leagueHidden } from './briefing.model';

type Body = { query: string; variables: Record<string, unknown> };

/** A province's table of 45 agencies: 3 red, 5 yellow, 30 green, 4 not coloured, 3 without a value; worst first. */
const COLOURS: ThresholdColour[] = [
  ...Array<ThresholdColour>(3).fill('red'),
  ...Array<ThresholdColour>(5).fill('yellow'),
  ...Array<ThresholdColour>(30).fill('green'),
  ...Array<ThresholdColour>(4).fill('small_sample'),
  ...Array<ThresholdColour>(3).fill('no_value'),
];
const row = (i: number) => ({
  agency: { id: String(i + 1), name: `第${i + 1}号机关` },
  colour: COLOURS[i]!,
  value: COLOURS[i] === 'no_value' ? null : 0.5,
  sample: 40,
  quality: 'VERIFIED' as const,
  reasonZh: `理由${i + 1}`,
  reasonEn: `reason ${i + 1}`,
  reportId: String(100 + i),
});
const ALL_ROWS = COLOURS.map((_, i) => row(i));

/** The table as the briefing query sends it: the first LEAGUE_ROWS_SHOWN rows, the counts of all 45. */
const TABLE: BriefingLeague = {
  metric: 'outcomes.substantiveDisclosureRate',
  metricNameZh: '实质公开率',
  metricNameEn: 'Substantive disclosure rate',
  sentenceZh: '按实质公开率：红色 3 个、黄色 5 个、绿色 30 个；样本不足不评色 4 个，无数据 3 个。',
  sentenceEn: 'By substantive disclosure rate: 3 red, 5 yellow, 30 green; 4 not coloured, 3 without data.',
  agenciesSelected: 50,
  agenciesWithReport: 45,
  threshold: { direction: 'higher', red: 0.4, yellow: 0.5, minSample: 30, version: 0, isDefault: true },
  counts: { red: 3, yellow: 5, green: 30, small_sample: 4, no_value: 3 },
  rows: ALL_ROWS.slice(0, LEAGUE_ROWS_SHOWN),
};

/** A stand-in for the API's BriefingLeagueRows: the whole table, recording what was asked. */
function stubWholeTable() {
  const asked: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Body;
      asked.push(body);
      return new Response(JSON.stringify({ data: { leagueTable: { metric: TABLE.metric, agenciesWithReport: 45, rows: ALL_ROWS } } }), { status: 200 });
    }),
  );
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

const bodyRows = (w: Awaited<ReturnType<typeof mountInApp>>['wrapper']) => w.findAll('tbody tr');

describe('a league table of the briefing page', () => {
  it('counts what it leaves out, by colour', () => {
    // The first 20 of 45: 3 red, 5 yellow and 12 green shown; 18 green, 4 not coloured and 3 without value left out.
    expect(leagueHidden(TABLE, TABLE.rows)).toEqual({
      total: 25,
      byColour: [
        { colour: 'green', count: 18 },
        { colour: 'small_sample', count: 4 },
        { colour: 'no_value', count: 3 },
      ],
    });
    expect(leagueHidden(TABLE, ALL_ROWS)).toEqual({ total: 0, byColour: [] });
  });

  it('shows the first 20 agencies, red and yellow first, says which and what the other 25 are, and shows all on request', async () => {
    const asked = stubWholeTable();
    const selection = { parentId: '7', includeDescendants: true, includeParent: true };
    const { wrapper } = await mountInApp(BriefingLeagueTable, { props: { table: TABLE, year: 2024, selection } });

    expect(bodyRows(wrapper)).toHaveLength(20);
    expect(bodyRows(wrapper)[0]!.text()).toContain('第1号机关');
    expect(bodyRows(wrapper)[0]!.text()).toContain('红');
    expect(wrapper.get('[data-test="league-shown"]').text()).toBe(
      '按需关注程度排列（红色、黄色在前），显示前 20 个机关，共 45 个； 另有 25 个机关未显示：绿 18 个、样本不足 4 个、无数据 3 个。',
    );
    expect(wrapper.get('[data-test="league-show-all"]').text()).toBe('另有 25 个机关，显示全部');
    expect(asked).toHaveLength(0);

    await wrapper.get('[data-test="league-show-all"]').trigger('click');
    await flushPromises();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query).toContain('query BriefingLeagueRows');
    expect(asked[0]!.variables).toEqual({ metric: 'outcomes.substantiveDisclosureRate', year: 2024, selection });
    expect(bodyRows(wrapper)).toHaveLength(45);
    expect(bodyRows(wrapper)[44]!.text()).toContain('第45号机关');
    expect(wrapper.get('[data-test="league-shown"]').text()).toBe('显示全部 45 个机关，按需关注程度排列（红色、黄色在前）。');
    expect(wrapper.find('[data-test="league-show-all"]').exists()).toBe(false);

    await wrapper.get('[data-test="league-show-first"]').trigger('click');
    expect(bodyRows(wrapper)).toHaveLength(20);
  });

  it('offers nothing more when the table fits', async () => {
    stubWholeTable();
    const small = { ...TABLE, agenciesWithReport: 3, counts: { red: 3, yellow: 0, green: 0, small_sample: 0, no_value: 0 }, rows: ALL_ROWS.slice(0, 3) };
    const { wrapper } = await mountInApp(BriefingLeagueTable, { props: { table: small, year: 2024, selection: null } });
    expect(bodyRows(wrapper)).toHaveLength(3);
    expect(wrapper.get('[data-test="league-shown"]').text()).toBe('显示全部 3 个机关，按需关注程度排列（红色、黄色在前）。');
    expect(wrapper.find('[data-test="league-show-all"]').exists()).toBe(false);
  });
});

/** The briefing query's answer for a province of 50 agencies, empty but for what a test gives. */
const provinceBriefing = (parts: Record<string, unknown>) => ({
  year: 2024,
  scopeNameZh: '某省',
  scopeNameEn: 'The province',
  agenciesSelected: 50,
  generatedAt: '2025-06-01T00:00:00Z',
  dataDate: '2025-05-01T00:00:00Z',
  headlines: [],
  trend: [],
  submissionSentenceZh: '应报年报的机关 50 个。',
  submissionSentenceEn: '50 agencies were due.',
  issues: [],
  leagues: [],
  notableChanges: [],
  withholding: [],
  reviewOutcomes: [],
  litigationOutcomes: [],
  metricNotes: [],
  methodologyZh: [],
  ...parts,
});

describe('the briefing page', () => {
  it('asks the API for the first 20 rows of each league table only, and shows all of one table on request', async () => {
    const asked: Body[] = [];
    const briefing = provinceBriefing({ leagues: [TABLE] });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as Body;
        asked.push(body);
        const data = body.query.includes('query BriefingLeagueRows')
          ? { leagueTable: { metric: TABLE.metric, agenciesWithReport: 45, rows: ALL_ROWS } }
          : { briefing };
        return new Response(JSON.stringify({ data }), { status: 200 });
      }),
    );
    // The charts are not what is tested here (jsdom has no canvas); e2e draws them.
    const { wrapper } = await mountInApp(BriefingView, { global: { stubs: { ChartCard: true } } });
    await flushPromises();

    const first = asked.find((b) => b.query.includes('query Briefing('))!;
    expect(first.variables).toMatchObject({ leagueRows: 20, selection: null });
    const league = wrapper.get('[data-metric="outcomes.substantiveDisclosureRate"]');
    expect(league.findAll('tbody tr')).toHaveLength(20);
    await league.get('[data-test="league-show-all"]').trigger('click');
    await flushPromises();
    expect(asked.at(-1)!.variables).toEqual({ metric: 'outcomes.substantiveDisclosureRate', year: 2024, selection: null });
    expect(wrapper.get('[data-metric="outcomes.substantiveDisclosureRate"]').findAll('tbody tr')).toHaveLength(45);
  });
  it("shows the first 20 of a province's issues and notable changes, every one on request, and every one when printed", async () => {
    const issues = Array.from({ length: 45 }, (_, i) => ({
      agency: { id: String(i + 1), name: `第${i + 1}号机关` },
      reason: 'missing',
      detailZh: `未见${i + 1}`,
      detailEn: `not seen ${i + 1}`,
      reportId: null,
    }));
    const notableChanges = Array.from({ length: 45 }, (_, i) => ({
      agency: { id: String(i + 1), name: `第${i + 1}号机关` },
      kind: 'jump',
      metric: 'applications.new',
      messageZh: `变化${i + 1}`,
      messageEn: `change ${i + 1}`,
      quality: 'VERIFIED',
      reportId: null,
    }));
    const briefing = provinceBriefing({ issues, notableChanges });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ data: { briefing } }), { status: 200 })),
    );
    const { wrapper } = await mountInApp(BriefingView, { global: { stubs: { ChartCard: true } } });
    await flushPromises();
    const issueRows = () => wrapper.get('[aria-labelledby="s-submissions"] tbody').findAll('tr');
    const changeItems = () => wrapper.get('[aria-labelledby="s-notable"]').findAll('li');
    const issuesMore = '[aria-labelledby="s-submissions"] [data-test="first-rows"]';
    const changesMore = '[aria-labelledby="s-notable"] [data-test="first-rows"]';

    expect(issueRows()).toHaveLength(20);
    expect(changeItems()).toHaveLength(20);
    expect(wrapper.get(issuesMore).text()).toContain('显示前 20 项，共 45 项。');

    await wrapper.get(`${issuesMore} button`).trigger('click');
    expect(issueRows()).toHaveLength(45);
    expect(issueRows().at(-1)!.text()).toContain('第45号机关');
    expect(wrapper.find(issuesMore).exists()).toBe(false);
    expect(changeItems()).toHaveLength(20);
    expect(wrapper.get(changesMore).text()).toContain('显示前 20 项，共 45 项。');

    // On paper, every row: a printed briefing has no button to press.
    window.dispatchEvent(new Event('beforeprint'));
    await flushPromises();
    expect(changeItems()).toHaveLength(45);
    expect(wrapper.find(changesMore).exists()).toBe(false);
    window.dispatchEvent(new Event('afterprint'));
    await flushPromises();
    expect(changeItems()).toHaveLength(20);
  });
});
