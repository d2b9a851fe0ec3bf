import { BREAKDOWNS, BREAKDOWN_DIMENSIONS, breakdownPartQuality, breakdownShares, cellStanding, checkReport, type BreakdownDimension } from '../src/index.js';
import { consistentReport } from './report-fixture.js';

const values = (dimension: BreakdownDimension, r = consistentReport()) => Object.fromEntries(BREAKDOWNS[dimension].parts.map((p) => [p.key, p.value(r)]));

describe('breakdowns of one report (hand-computed from the fixture)', () => {
  it('outcomes: the six groups of 三、本年度办理结果 add up to （七）总计 (52)', () => {
    const v = values('OUTCOMES');
    expect(v).toEqual({ granted: 25, partiallyGranted: 5, withheld: 5, unableToProvide: 11, notProcessed: 3, otherHandling: 3 });
    expect(Object.values(v).reduce((s, x) => s! + x!, 0)).toBe(52);
    expect(BREAKDOWNS.OUTCOMES.parts.map((p) => p.labelZh)).toEqual([
      '（一）予以公开',
      '（二）部分公开',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
    ]);
  });

  it('withholding reasons: the eight numbered rows, labelled as printed', () => {
    expect(values('WITHHOLDING_REASONS')).toMatchObject({ stateSecret: 1, thirdPartyRights: 3, processInformation: 1, lawProhibited: 0 });
    expect(BREAKDOWNS.WITHHOLDING_REASONS.parts[0]).toMatchObject({ key: 'stateSecret', labelZh: '1.属于国家秘密' });
    expect(BREAKDOWNS.WITHHOLDING_REASONS.parts).toHaveLength(8);
  });

  it('other handling: 2021 sub-rows, or the 2019 undivided row', () => {
    expect(values('OTHER_HANDLING')).toEqual({ overdueCorrection: 2, overdueFee: 0, other: 1, undivided: null });
    expect(values('OTHER_HANDLING', consistentReport('2019'))).toMatchObject({ undivided: 3, overdueCorrection: null });
  });

  it('applicant types of new applications, review and litigation outcomes', () => {
    expect(values('APPLICANT_TYPES')).toEqual({
      naturalPerson: 40,
      commercialEnterprise: 6,
      researchInstitution: 0,
      socialWelfareOrg: 0,
      legalServiceOrg: 2,
      otherOrg: 2,
    });
    expect(values('REVIEW_OUTCOMES')).toEqual({ upheld: 2, corrected: 1, other: 0, pending: 1 });
    // Direct [1,0,0,0] + after review [0,1,0,1].
    expect(values('LITIGATION_OUTCOMES')).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 1 });
  });

  it('a blank cell makes its part unknown, never 0', () => {
    const r = consistentReport();
    r.applications['withheld.stateSecret'] = [1, 0, 0, 0, 0, 0, null];
    expect(values('OUTCOMES', r)['withheld']).toBeNull();
    expect(values('WITHHOLDING_REASONS', r)['stateSecret']).toBeNull();
  });

  it('every dimension is defined, with cells to read', () => {
    for (const d of BREAKDOWN_DIMENSIONS) {
      expect(BREAKDOWNS[d].parts.length).toBeGreaterThan(0);
      for (const p of BREAKDOWNS[d].parts) expect(p.cells.length).toBeGreaterThan(0);
    }
  });
});

describe('shares', () => {
  it('divide by the sum of the known parts', () => {
    expect(
      breakdownShares([
        { key: 'a', value: 1 },
        { key: 'b', value: 3 },
        { key: 'c', value: null },
      ]),
    ).toEqual([
      { key: 'a', value: 1, share: 0.25 },
      { key: 'b', value: 3, share: 0.75 },
      { key: 'c', value: null, share: null },
    ]);
    expect(breakdownShares([{ key: 'a', value: 0 }])).toEqual([{ key: 'a', value: 0, share: null }]);
  });
});

describe("a part's quality in one report (as a metric's: from the findings about the cells it reads)", () => {
  const qualities = (dimension: BreakdownDimension, r: ReturnType<typeof consistentReport>, corrected: string[] = []) => {
    const standing = cellStanding(checkReport(r), corrected);
    return Object.fromEntries(BREAKDOWNS[dimension].parts.map((p) => [p.key, breakdownPartQuality(p, p.value(r), standing)]));
  };

  it('a review group printing 总计 0 against parts adding up to 4 makes every review outcome contradicted, and nothing else', () => {
    const r = consistentReport();
    r.reviewLitigation['review'] = [2, 1, 0, 1, 0];
    expect(qualities('REVIEW_OUTCOMES', r)).toEqual({ upheld: 'CONTRADICTED', corrected: 'CONTRADICTED', other: 'CONTRADICTED', pending: 'CONTRADICTED' });
    expect(new Set(Object.values(qualities('OUTCOMES', r)))).toEqual(new Set(['VERIFIED']));
  });

  it('a consistent report: every part verified; an editor-corrected cell makes its part corrected; a blank part is unverifiable', () => {
    const r = consistentReport();
    expect(new Set(Object.values(qualities('APPLICANT_TYPES', r)))).toEqual(new Set(['VERIFIED']));
    expect(qualities('REVIEW_OUTCOMES', r, ['reviewLitigation.review[1]'])).toMatchObject({ upheld: 'VERIFIED', corrected: 'CORRECTED' });
    r.reviewLitigation['review'] = [2, null, 0, 1, 4];
    expect(qualities('REVIEW_OUTCOMES', r)).toMatchObject({ corrected: 'UNVERIFIABLE' });
  });
});
