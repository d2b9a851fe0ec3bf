import { readNarrative } from './narrative.js';
import { detectScope } from './scope.js';

describe('scope of a report', () => {
  it('a city government listing its districts’ application counts is a region aggregate', () => {
    const text = '一、总体情况\n2023年，共收到政府信息公开申请1236件，其中市政府349件，沭阳县477件，泗阳县212件，泗洪县198件。\n';
    expect(detectScope(text, [[text.length, text.length]], '宿迁市人民政府').scope).toBe('region_aggregate');
  });

  it('the same listing without “全市”, only the districts and their counts, is a region aggregate too', () => {
    const text = '本年度收到政府信息公开申请：市政府本级349件、沭阳县477件、泗阳县212件。';
    expect(detectScope(text, [], '宿迁市人民政府').scope).toBe('region_aggregate');
  });

  it('a government listing its own 本级 count beside two districts’ counts is a region aggregate', () => {
    const text = '本年度共收到政府信息公开申请95件，其中本级47件，东城区31件，西湖县17件。';
    expect(detectScope(text, [], '淮安市人民政府').scope).toBe('region_aggregate');
    expect(detectScope('全年收到申请225件，其中市本级120件，东城区60件，西湖县45件。', [], '淮安市人民政府').scope).toBe('region_aggregate');
  });

  it('a department naming two counts of its own is itself', () => {
    const text = '本机关全年收到政府信息公开申请15件，办结14件，结转下年度1件。';
    expect(detectScope(text, [], '宿迁市人民政府').scope).toBe('self');
    expect(detectScope('收到申请：沭阳县477件，泗阳县212件，泗洪县198件。', [], '沭阳县发展和改革局').scope).toBe('self');
  });
});

describe('scope across years', () => {
  const silent = '本年度共收到政府信息公开申请120件，均已按期答复。';

  it('a report that says nothing about its scope keeps last year’s region aggregate, and says so', () => {
    const r = detectScope(silent, [], '宿迁市人民政府', 'region_aggregate');
    expect(r.scope).toBe('region_aggregate');
    expect(r.note).toContain('沿用上一年度报告');
  });

  it('wording that states the scope wins over last year’s', () => {
    expect(detectScope('全系统共收到政府信息公开申请120件。', [], '宿迁市公安局', 'self').scope).toBe('system_aggregate');
    expect(detectScope(silent, [], '宿迁市人民政府', 'self')).toEqual({ scope: 'self', note: null });
  });
});

describe('applications carried forward, as the text states them', () => {
  it('“作其他处理…341件、转下年度办理121件” is 121 carried forward, not the 341 before the phrase', () => {
    const text = '全年办结申请2000件，其中予以公开800件，作其他处理等341件、转下年度办理121件。';
    const facts = readNarrative(text, []);
    expect(facts.find((f) => f.kind === 'applicationsCarriedForward')?.value).toBe(121);
  });

  it('“3件结转下年度办理” (count before the phrase) is still 3', () => {
    const facts = readNarrative('本年度共收到申请20件，已办结17件，3件结转下年度办理。', []);
    expect(facts.find((f) => f.kind === 'applicationsCarriedForward')?.value).toBe(3);
  });
});
