import type { NarrativeFact } from '@ogi/domain';
import { readLines } from '../read/read-lines.js';
import { readReviewLitigation } from './review-litigation.js';

const HEADER =
  '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';
const fact = (kind: NarrativeFact['kind'], value: number): NarrativeFact => ({ kind, value, sentence: '', start: 0, end: 0 });

describe('section 四 printed as one glued run', () => {
  // 0 0 1 0 1 | 11 0 2 0 13 | 2 0 1 0 3 — the group totals also allow review = 0 0 10 1 11.
  const doc = readLines(`四、政府信息公开行政复议、行政诉讼情况${HEADER}00101110201320103五、存在的主要问题及改进情况`, 'utf-8');
  const read = (narrative: NarrativeFact[] = []) => readReviewLitigation(doc, 0, doc.text.indexOf('五、'), narrative);
  const values = (r: ReturnType<typeof read>) => ['review', 'litigationDirect', 'litigationAfterReview'].map((g) => r.groups.get(g)!.map((c) => c.value));

  it('keeps every split the group totals allow as an alternative, and says the reading is uncertain', () => {
    const r = read();
    expect(r.uncertain).toHaveLength(1);
    expect(r.uncertain[0]!.others.length).toBeGreaterThanOrEqual(1);
  });

  it('drops the splits that contradict the case counts the text states', () => {
    const r = read([fact('reviews', 1), fact('lawsuits', 16)]);
    expect(values(r)[0]).toEqual([0, 0, 1, 0, 1]);
    const others = r.uncertain[0]?.others ?? [];
    expect(others.every((o) => o[4] === 1)).toBe(true);
  });
});
