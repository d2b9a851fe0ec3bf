/**
 * The on-time statements the text makes about 政府信息公开申请, each with its sentence and position: in the real
 * reports that state one, and in the wordings other real reports use.
 */
import type { NarrativeFact } from '@ogi/domain';
import { readNarrative } from '../src/extract/narrative.js';
import { parseReport } from '../src/parse-report.js';
import { corpusCases } from './support/corpus.js';

const cases = corpusCases();
const timeliness = (facts: readonly NarrativeFact[]) => facts.filter((f) => ['onTimeRate', 'allOnTime', 'overdueReplies', 'extendedReplies'].includes(f.kind));

async function statements(name: string): Promise<{ facts: NarrativeFact[]; text: string }> {
  const c = cases.find((x) => x.name === name)!;
  const r = await parseReport(c.bytes, c.file);
  return { facts: timeliness(r.narrative), text: r.text };
}

describe('on-time statements in the sample reports', () => {
  it('鄂州 2020 states a rate (按时答复率为100%) in the lines that open section 三', async () => {
    const { facts, text } = await statements('000_ezhou_xzspj_2020');
    expect(facts.map((f) => [f.kind, f.value])).toEqual([['onTimeRate', 1]]);
    expect(facts[0]!.sentence).toContain('按时答复率为100%');
    // The position points at the sentence in the report text.
    expect(text.slice(facts[0]!.start, facts[0]!.end)).toContain('按时答复率为100%');
  });

  it('洪泽 2023 "均在法定期限答复" and 洪泽 2024 "均已在法定期限内予以答复" are all-on-time statements', async () => {
    const a = await statements('002_hongze_qu_2023');
    expect(a.facts.map((f) => [f.kind, f.value])).toEqual([['allOnTime', 1]]);
    expect(a.facts[0]!.sentence.replace(/\s+/g, '')).toContain('均在法定期限答复');
    const b = await statements('003_hongze_qu_2024');
    expect(b.facts.map((f) => [f.kind, f.value])).toEqual([['allOnTime', 1]]);
    expect(b.facts[0]!.sentence.replace(/\s+/g, '')).toContain('均已在法定期限内予以答复');
  });

  it('淮安市 2024 (均在法定期限内予以答复) states one; the reports that say nothing about it state none', async () => {
    expect((await statements('001_huaian_shi_2024')).facts.map((f) => f.kind)).toEqual(['allOnTime']);
    for (const name of ['004_shuyang_xian_2025', '005_shanghai_kewei_2024', '011_pingtan_syq_2023', '016_shuyang_fgj_2023']) {
      expect([name, (await statements(name)).facts]).toEqual([name, []]);
    }
  });
});

describe('wordings', () => {
  const read = (text: string) => timeliness(readNarrative(text, []));

  it('overdue and extended replies are counts, with the sentence as evidence', () => {
    const text = '一、总体情况\n全年办结申请40件，其中超期答复3件，延期答复2件。\n';
    expect(read(text).map((f) => [f.kind, f.value, f.sentence])).toEqual([
      ['overdueReplies', 3, '全年办结申请40件，其中超期答复3件，延期答复2件。'],
      ['extendedReplies', 2, '全年办结申请40件，其中超期答复3件，延期答复2件。'],
    ]);
    expect(read('逾期答复 1 件。').map((f) => [f.kind, f.value])).toEqual([['overdueReplies', 1]]);
  });

  it('a statement about proposals, petitions or hotlines is not about information-disclosure applications', () => {
    expect(read('全年承办的人大建议和政协提案共12件，均在规定期限内办结。')).toEqual([]);
    expect(read('12345热线诉求均在规定时限内办结。')).toEqual([]);
    expect(read('全年受理政府信息公开申请20件，均在法定期限内答复。').map((f) => f.kind)).toEqual(['allOnTime']);
  });

  it('a phrase broken by a PDF line wrap is still read', () => {
    expect(read('全年依申请公开的申请均在法定期\n限内予以答复。').map((f) => f.kind)).toEqual(['allOnTime']);
    expect(read('按时答复率\n为 98.5%。').map((f) => [f.kind, f.value])).toEqual([['onTimeRate', 0.985]]);
  });
});
