import {
  DEFAULT_THRESHOLDS,
  classify,
  effectiveThresholds,
  headlineSentence,
  leagueSentence,
  median,
  medianAbsoluteDeviation,
  peerOutliers,
  submissionSentence,
  thresholdProblem,
  yearOnYearJump,
  type ThresholdRule,
} from '../src/index.js';

const substantive: ThresholdRule = { metric: 'outcomes.substantiveDisclosureRate', direction: 'higher', red: 0.4, yellow: 0.45, minSample: 30 };
const reviewRule: ThresholdRule = { metric: 'review.correctionRate', direction: 'lower', red: 0.15, yellow: 0.1, minSample: 30 };

describe('thresholds', () => {
  it('colours a higher-is-better rate red below the red bound, yellow below the yellow one, green otherwise', () => {
    // 15 of 40 = 37.5 % < 40 % → red; 17 of 40 = 42.5 % → yellow; 18 of 40 = 45 % is not below 45 % → green.
    expect(classify(substantive, 15 / 40, 40)).toEqual({ colour: 'red', reasonZh: '37.5% 低于红线 40.0%', reasonEn: '37.5% is below the red bound 40.0%' });
    expect(classify(substantive, 17 / 40, 40).colour).toBe('yellow');
    expect(classify(substantive, 17 / 40, 40).reasonZh).toBe('42.5% 低于黄线 45.0%');
    expect(classify(substantive, 18 / 40, 40)).toMatchObject({ colour: 'green', reasonZh: '45.0% 不低于黄线 45.0%' });
  });

  it('colours a lower-is-better rate red above the red bound', () => {
    // 8 corrected of 40 decided = 20 % > 15 % → red; 5 of 40 = 12.5 % → yellow; 4 of 40 = 10 % → green.
    expect(classify(reviewRule, 8 / 40, 40)).toMatchObject({ colour: 'red', reasonZh: '20.0% 高于红线 15.0%' });
    expect(classify(reviewRule, 5 / 40, 40)).toMatchObject({ colour: 'yellow', reasonZh: '12.5% 高于黄线 10.0%' });
    expect(classify(reviewRule, 4 / 40, 40).colour).toBe('green');
  });

  it('never colours an agency below the least sample green, however good its value', () => {
    expect(classify(substantive, 1, 29)).toMatchObject({ colour: 'small_sample', reasonZh: '样本 29 件，少于 30 件，不评色' });
    expect(classify(substantive, 0.1, null).colour).toBe('small_sample');
    expect(classify(substantive, null, 100).colour).toBe('no_value');
  });

  it('refuses rules a clerk could not mean, with a code and a message', () => {
    expect(thresholdProblem(substantive)).toBeNull();
    expect(thresholdProblem({ ...substantive, metric: 'nope' })?.code).toBe('UNKNOWN_METRIC');
    expect(thresholdProblem({ ...substantive, red: 1.2 })?.code).toBe('BOUNDS_OUT_OF_RANGE');
    expect(thresholdProblem({ ...substantive, red: 0.5, yellow: 0.45 })).toMatchObject({
      code: 'BOUNDS_IN_WRONG_ORDER',
      messageZh: '“实质公开率”越高越好：红线不能高于黄线。',
    });
    expect(thresholdProblem({ ...reviewRule, red: 0.05 })?.code).toBe('BOUNDS_IN_WRONG_ORDER');
    expect(thresholdProblem({ ...substantive, minSample: 0 })?.code).toBe('INVALID_MIN_SAMPLE');
    expect(thresholdProblem({ ...substantive, minSample: 2.5 })?.code).toBe('INVALID_MIN_SAMPLE');
  });

  it('uses a stored rule in place of the default of its metric and keeps the other defaults', () => {
    const stored = { ...substantive, red: 0.3 };
    const rules = effectiveThresholds([stored]);
    expect(rules).toHaveLength(DEFAULT_THRESHOLDS.length);
    expect(rules.find((r) => r.metric === substantive.metric)?.red).toBe(0.3);
    expect(rules.find((r) => r.metric === 'review.correctionRate')?.red).toBe(0.15);
  });
});

describe('year-on-year jumps', () => {
  it('says a count grew N-fold as the increase over last year (20 → 100 is 增长 4 倍)', () => {
    expect(yearOnYearJump('applications.new', { value: 100, sample: null }, { value: 20, sample: null })).toEqual({
      kind: 'jump',
      metric: 'applications.new',
      messageZh: '本年新收申请较上年增长 4 倍（20 件 → 100 件）',
      messageEn: "New applications were 5 times last year's (20 → 100)",
    });
  });

  it('flags a fall to a third or less, and nothing in between or on small counts', () => {
    expect(yearOnYearJump('applications.new', { value: 30, sample: null }, { value: 120, sample: null })?.messageZh).toBe(
      '本年新收申请较上年减少 75.0%（120 件 → 30 件）',
    );
    expect(yearOnYearJump('applications.new', { value: 50, sample: null }, { value: 20, sample: null })).toBeNull(); // 2.5-fold
    expect(yearOnYearJump('applications.new', { value: 29, sample: null }, { value: 3, sample: null })).toBeNull(); // below 30 both years
    expect(yearOnYearJump('applications.new', { value: 40, sample: null }, { value: 0, sample: null })?.messageZh).toBe('本年新收申请由上年的 0 增至 40 件');
  });

  it('measures a rate in percentage points, with enough sample in both years', () => {
    // 60 % → 35 %: down 25 points.
    expect(yearOnYearJump('outcomes.disclosureRate', { value: 0.35, sample: 40 }, { value: 0.6, sample: 50 })?.messageZh).toBe(
      '公开率较上年下降 25.0 个百分点（60.0% → 35.0%）',
    );
    expect(yearOnYearJump('outcomes.disclosureRate', { value: 0.35, sample: 10 }, { value: 0.6, sample: 50 })).toBeNull();
    expect(yearOnYearJump('outcomes.disclosureRate', { value: 0.45, sample: 40 }, { value: 0.6, sample: 50 })).toBeNull(); // 15 points
  });
});

describe('peer outliers (median and MAD)', () => {
  it('computes the median and the median absolute deviation', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // |x − 3| = 2, 1, 0, 1, 97 → median 1.
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
  });

  it('flags a department far below the median of its peers, in percentage points', () => {
    // Rates 0.60 0.62 0.64 0.66 0.68 0.26: median (0.62 + 0.64) / 2 = 0.63; deviations .03 .01 .01 .03 .05 .37 → MAD 0.03.
    // 0.26: z = 0.6745 × (−0.37) / 0.03 = −8.3 → outlier, 37 points below; 0.68: z = 1.1 → not.
    const peers = [0.6, 0.62, 0.64, 0.66, 0.68, 0.26].map((value, key) => ({ key, value, sample: 50 }));
    const flags = peerOutliers('outcomes.disclosureRate', peers, { zh: '同级部门', en: 'peer departments' });
    expect(flags.map((f) => f.key)).toEqual([5]);
    expect(flags[0]!.messageZh).toBe('公开率低于同级部门中位数 37 个百分点（26.0%，中位数 63.0%）');
    expect(flags[0]!.robustZ).toBeCloseTo(-8.32, 2);
  });

  it('leaves out agencies below the least sample, and says nothing with fewer than five peers', () => {
    const peers = [0.6, 0.62, 0.64, 0.66, 0.68].map((value, key) => ({ key, value, sample: 50 }));
    expect(peerOutliers('outcomes.disclosureRate', [...peers, { key: 9, value: 0.05, sample: 10 }], { zh: '同级部门', en: 'peers' })).toEqual([]);
    expect(peerOutliers('outcomes.disclosureRate', peers.slice(0, 3).concat({ key: 9, value: 0.05, sample: 50 }), { zh: '同级部门', en: 'peers' })).toEqual([]);
  });

  it('flags a count at three times the median or more, and never a low count', () => {
    // 0 10 12 14 16 18 90: median 14; |x − 14| sorted 0 2 2 4 4 14 76 → MAD 4. 90: z = 0.6745 × 76 / 4 = 12.8, 90 / 14 = 6.4 × the median.
    const peers = [10, 12, 14, 16, 18, 90, 0].map((value, key) => ({ key, value, sample: null }));
    const flags = peerOutliers('applications.new', peers, { zh: '同级部门', en: 'peers' });
    expect(flags.map((f) => [f.key, f.messageZh])).toEqual([[5, '本年新收申请为同级部门中位数的 6.4 倍（90 件，中位数 14 件）']]);
  });
});

describe('rule-written sentences', () => {
  it('writes the headline with the change among matched agencies', () => {
    // 40 matched agencies: 1,000 last year, 1,082 this year → +8.2 %.
    const s = headlineSentence({ zh: '全市', en: 'The city' }, 'applications.new', 12345, { agencies: 40, current: 1082, previous: 1000 });
    expect(s.zh).toBe('全市共收到申请 12,345 件，较上年（可比机关 40 个）增长 8.2%。');
    expect(s.figures).toEqual({ value: 12345, matchedAgencies: 40, matchedCurrent: 1082, matchedPrevious: 1000 });
  });

  it('writes a rate change in percentage points, a fall as 下降, and no change as 持平', () => {
    expect(headlineSentence({ zh: '全市', en: 'The city' }, 'outcomes.disclosureRate', 0.5, { agencies: 3, current: 0.5, previous: 0.55 }).zh).toBe(
      '全市公开率为 50.0%，较上年（可比机关 3 个）下降 5.0 个百分点。',
    );
    expect(headlineSentence({ zh: '全市', en: 'The city' }, 'applications.new', 90, { agencies: 2, current: 90, previous: 100 }).zh).toBe(
      '全市共收到申请 90 件，较上年（可比机关 2 个）下降 10.0%。',
    );
    expect(headlineSentence({ zh: '全市', en: 'The city' }, 'applications.new', 100, { agencies: 2, current: 100, previous: 100 }).zh).toContain('持平');
    expect(headlineSentence({ zh: '全市', en: 'The city' }, 'applications.new', 100, { agencies: 0, current: null, previous: null }).zh).toBe(
      '全市共收到申请 100 件，较上年（可比机关 0 个）无法比较。',
    );
  });

  it('counts submissions and the league colours in words', () => {
    expect(submissionSentence({ expected: 10, onTime: 6, late: 2, dateUnknown: 0, missing: 2, contradicted: 1 }).zh).toBe(
      '应报年报的机关 10 个，已报 8 个（按时 6 个、逾期 2 个），未报 2 个；表格数据不能自洽（勾稽关系不成立）的 1 份。',
    );
    expect(leagueSentence('outcomes.substantiveDisclosureRate', { red: 1, yellow: 2, green: 3, small_sample: 4, no_value: 0 }).zh).toBe(
      '按实质公开率：红色 1 个、黄色 2 个、绿色 3 个；样本不足不评色 4 个，无数据 0 个。',
    );
  });
});
