import {
  HANDLED_APPLICATIONS_METRIC,
  METRICS,
  METRIC_BY_CODE,
  METRIC_CODES,
  checkReport,
  isMetricCode,
  type MetricCode,
  combineMetric,
  computeMetrics,
  deriveMetrics,
  metricValueFromSums,
  type MetricRecord,
  type MetricValue,
  type ParsedReportCore,
} from '../src/index.js';
import { consistentReport } from './report-fixture.js';

const metric = (code: string, r = consistentReport()) => computeMetrics({ ...r, narrative: [] }).get(code);

describe('metrics of one report (hand-computed from the fixture)', () => {
  it('volumes', () => {
    expect(metric('applications.new')?.value).toBe(50);
    expect(metric('applications.received')?.value).toBe(55);
    expect(metric('applications.handled')?.value).toBe(52);
    expect(metric('applications.carryForwardRate')).toEqual({ value: 3 / 55, numerator: 3, denominator: 55 });
  });

  it('disclosure rates say what they divide by', () => {
    expect(metric('outcomes.disclosureRate')).toEqual({ value: 25 / 52, numerator: 25, denominator: 52 });
    expect(metric('outcomes.substantiveDisclosureRate')?.value).toBe(30 / 52);
    // Resolvable base: 52 handled − 11 unable − 3 not processed − 3 other = 35.
    expect(metric('outcomes.resolvableDisclosureRate')).toEqual({ value: 30 / 35, numerator: 30, denominator: 35 });
    expect(METRIC_BY_CODE.get('outcomes.resolvableDisclosureRate')?.denominatorZh).toContain('无法提供');
  });

  it('withholding reasons are shares of all withheld (5 here)', () => {
    expect(metric('withholding.thirdPartyRightsShare')).toEqual({ value: 3 / 5, numerator: 3, denominator: 5 });
    expect(metric('withholding.lawProhibitedShare')?.value).toBe(0);
  });

  it('legal-person share, correction rates, disputes per 100', () => {
    expect(metric('applicants.legalPersonShare')?.value).toBe(10 / 50);
    // Review: 1 corrected of 4 − 1 pending decided.
    expect(metric('review.correctionRate')?.value).toBe(1 / 3);
    // Litigation: both groups, 1 corrected of 3 − 1 pending.
    expect(metric('litigation.correctionRate')?.value).toBe(1 / 2);
    expect(metric('disputes.per100')?.value).toBeCloseTo(((4 + 3) / 50) * 100, 10);
  });

  it('a blank cell makes the metric unknown, never 0', () => {
    const r = consistentReport();
    r.applications['granted'] = [20, 3, 0, 0, 1, 1, null];
    expect(metric('outcomes.disclosureRate', r)?.value).toBeNull();
  });

  it('format-specific metrics only where the format has the field: the 2019 fee item count is not a fee amount', () => {
    expect(metric('disclosure.feesAmountWan', consistentReport('2021'))?.value).toBe(12.5);
    expect(metric('disclosure.feesAmountWan', consistentReport('2019'))).toBeUndefined();
    expect(metric('disclosure.feeItems', consistentReport('2019'))?.value).toBe(3);
  });

  it("fee items are the report year's stock: last year's count plus this year's change, never last year's alone", () => {
    const r = consistentReport('2019');
    r.activeDisclosure['fees'] = { previousItems: 5, change: -2 };
    expect(metric('disclosure.feeItems', r)?.value).toBe(3);
    r.activeDisclosure['fees'] = { previousItems: 5, change: null };
    expect(metric('disclosure.feeItems', r)?.value).toBeNull();
    expect(metric('disclosure.procurementAmountWan', consistentReport('2019'))?.value).toBe(120);
  });

  it('the on-time rate comes from the text only, with its basis', () => {
    const r = { ...consistentReport(), narrative: [{ kind: 'onTimeRate' as const, value: 0.98, sentence: '按时答复率98%', start: 0, end: 8 }] };
    // Weighted by the 52 applications handled, so a roll-up is a share of handled applications.
    expect(computeMetrics(r).get('timeliness.onTimeRate')).toEqual({ value: 0.98, numerator: 0.98 * 52, denominator: 52 });
    expect(metric('timeliness.onTimeRate')?.value).toBeNull();
  });

  it('the on-time rate from overdue replies: (handled − overdue) ÷ handled; an explicit rate comes first, "all on time" last', () => {
    const fact = (kind: 'onTimeRate' | 'allOnTime' | 'overdueReplies' | 'extendedReplies', value: number) => ({ kind, value, sentence: '', start: 0, end: 0 });
    const rate = (...narrative: ReturnType<typeof fact>[]) => computeMetrics({ ...consistentReport(), narrative }).get('timeliness.onTimeRate');
    // 52 handled, 3 late: 49 of 52 on time.
    expect(rate(fact('allOnTime', 1), fact('overdueReplies', 3))).toEqual({ value: 49 / 52, numerator: 49, denominator: 52 });
    expect(rate(fact('overdueReplies', 3), fact('onTimeRate', 0.9))?.value).toBe(0.9);
    // A lawful extension is not late.
    expect(rate(fact('extendedReplies', 5))?.value).toBeNull();
    expect(rate(fact('extendedReplies', 5), fact('allOnTime', 1))?.value).toBe(1);
    expect(METRIC_BY_CODE.get('timeliness.onTimeRate')?.caveatZh).toContain('自述');
  });
});

describe('roll-ups', () => {
  it('divide summed numerators by summed denominators, not average the ratios', () => {
    const def = METRIC_BY_CODE.get('outcomes.disclosureRate')!;
    const a: MetricValue = { value: 1, numerator: 1, denominator: 1 };
    const b: MetricValue = { value: 0, numerator: 0, denominator: 99 };
    expect(combineMetric(def, [a, b]).value).toBe(0.01);
  });

  it('a ratio counts only reports whose base is known and not 0 (a corrected review over a printed 0 total adds nothing)', () => {
    const def = METRIC_BY_CODE.get('review.correctionRate')!;
    // One report: 1 corrected of 2 decided; another printed its review total as 0 with 1 corrected.
    const combined = combineMetric(def, [
      { value: 0.5, numerator: 1, denominator: 2 },
      { value: null, numerator: 1, denominator: 0 },
    ]);
    expect(combined).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('sum counts and ignore unknown values', () => {
    const def = METRIC_BY_CODE.get('applications.new')!;
    expect(
      combineMetric(def, [
        { value: 5, numerator: 5, denominator: null },
        { value: null, numerator: null, denominator: null },
      ]).value,
    ).toBe(5);
    expect(combineMetric(def, [{ value: null, numerator: null, denominator: null }]).value).toBeNull();
  });
});

describe('values from sums', () => {
  it('a count is its sum; a ratio divides; per-100 scales; a zero base is unknown', () => {
    expect(metricValueFromSums(METRIC_BY_CODE.get('applications.new')!, 12, null)).toBe(12);
    expect(metricValueFromSums(METRIC_BY_CODE.get('outcomes.disclosureRate')!, 3, 12)).toBe(0.25);
    expect(metricValueFromSums(METRIC_BY_CODE.get('disputes.per100')!, 3, 12)).toBe(25);
    expect(metricValueFromSums(METRIC_BY_CODE.get('outcomes.disclosureRate')!, 0, 0)).toBeNull();
    expect(metricValueFromSums(METRIC_BY_CODE.get('outcomes.disclosureRate')!, null, 12)).toBeNull();
  });

  it('the withheld share divides by all handled (5 of 52)', () => {
    expect(metric('outcomes.withheldShare')).toEqual({ value: 5 / 52, numerator: 5, denominator: 52 });
  });
});

/** 鄂州市行政审批局 2020 (corpus 000), section 三 as printed: 本年新收 puts all 29 under 自然人. */
function ezhou2020(): ParsedReportCore {
  const zero = [0, 0, 0, 0, 0, 0, 0];
  const applications: Record<string, (number | null)[]> = {
    newReceived: [29, 0, 0, 0, 0, 0, 29],
    carriedOver: [...zero],
    granted: [19, 0, 0, 0, 0, 0, 19],
    partiallyGranted: [1, 0, 0, 0, 0, 0, 1],
    'withheld.securityStability': [1, 0, 0, 0, 0, 0, 1],
    'notProcessed.complaint': [2, 3, 0, 0, 0, 3, 8],
    otherHandling: [...zero],
    total: [23, 3, 0, 0, 0, 3, 29],
    carriedForward: [...zero],
  };
  for (const k of [
    'withheld.stateSecret',
    'withheld.lawProhibited',
    'withheld.thirdPartyRights',
    'withheld.internalAffairs',
    'withheld.processInformation',
    'withheld.enforcementFiles',
    'withheld.administrativeQuery',
    'unableToProvide.notHeld',
    'unableToProvide.needsCreation',
    'unableToProvide.stillUnclear',
    'notProcessed.repeated',
    'notProcessed.publication',
    'notProcessed.massRepeated',
    'notProcessed.confirmation',
  ])
    applications[k] = [...zero];
  return {
    schemaVersion: 1,
    agency: '鄂州市行政审批局',
    year: 2020,
    template: '2019',
    publishedOn: null,
    activeDisclosure: {},
    applications,
    reviewLitigation: { review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] },
  };
}

const derived = (core: ParsedReportCore, corrected: string[] = []) => {
  const records = deriveMetrics({ ...core, narrative: [] }, checkReport(core), corrected);
  return (code: string) => records.find((r) => r.code === code) as MetricRecord;
};

describe('quality and reconciliation of each metric value', () => {
  it('鄂州 2020: the legal-person share uses the split the outcome rows imply (6 of 29 = 20.7 %), keeps the printed 0 and is contradicted', () => {
    const m = derived(ezhou2020());
    const share = m('applicants.legalPersonShare');
    // Outcomes: 23 自然人, 3 商业企业, 3 其他 → new = 29, of which 6 not natural persons.
    expect(share.printedValue).toBe(0);
    expect(share.partsValue).toBeCloseTo(6 / 29, 10);
    expect(share.value).toBeCloseTo(6 / 29, 10);
    expect([share.numerator, share.denominator]).toEqual([6, 29]);
    expect(share.quality).toBe('CONTRADICTED');
    // The 总计 column balances (29 = 29) and the handled side adds up: those figures are verified.
    expect(m('applications.new').quality).toBe('VERIFIED');
    expect(m('applications.handled').quality).toBe('VERIFIED');
    expect(m('outcomes.disclosureRate')).toMatchObject({ value: 19 / 29, quality: 'VERIFIED' });
  });

  it('洪泽区 2023: review totals printed 0 against parts of 11 are contradicted; the parts value is kept beside the printed one', () => {
    const core = ezhou2020();
    core.template = '2021';
    core.reviewLitigation = { review: [10, 1, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [5, 0, 0, 0, 0] };
    const m = derived(core);
    expect(m('review.total')).toMatchObject({ value: 0, printedValue: 0, partsValue: 11, quality: 'CONTRADICTED' });
    expect(m('review.corrected')).toMatchObject({ value: 1, quality: 'CONTRADICTED' });
    // (0 + 0) ÷ 29 printed; (11 + 5) ÷ 29 × 100 from the parts.
    expect(m('disputes.per100')).toMatchObject({ value: 0, quality: 'CONTRADICTED' });
    expect(m('disputes.per100').partsValue).toBeCloseTo((16 / 29) * 100, 10);
    expect(m('litigation.total').quality).toBe('CONTRADICTED');
  });

  it("blank cells make a value unverifiable; an editor's correction that settles the rules makes it corrected", () => {
    const core = ezhou2020();
    core.applications['granted'] = [19, 0, 0, 0, 0, 0, null];
    expect(derived(core)('outcomes.disclosureRate')).toMatchObject({ value: null, quality: 'UNVERIFIABLE' });
    const fixed = ezhou2020();
    fixed.applications['newReceived'] = [23, 3, 0, 0, 0, 3, 29];
    const m = derived(fixed, ['applications.newReceived[0]', 'applications.newReceived[1]', 'applications.newReceived[5]']);
    expect(m('applicants.legalPersonShare')).toMatchObject({ printedValue: 6 / 29, quality: 'CORRECTED' });
    expect(m('applications.handled').quality).toBe('VERIFIED');
  });

  it('a glued reading makes the values that use it uncertain; a figure from the text is self-reported', () => {
    const core = ezhou2020();
    const uncertain = {
      rule: 'UNCERTAIN_READING' as const,
      severity: 'info' as const,
      status: 'notice' as const,
      cells: ['applications.granted[6]'],
      expected: null,
      actual: 19,
      message: { zh: '', en: '' },
    };
    const records = deriveMetrics({ ...core, narrative: [{ kind: 'allOnTime', value: 1, sentence: '均在法定期限内答复', start: 0, end: 9 }] }, [
      ...checkReport(core),
      uncertain,
    ]);
    expect(records.find((r) => r.code === 'outcomes.disclosureRate')?.quality).toBe('UNCERTAIN');
    expect(records.find((r) => r.code === 'timeliness.onTimeRate')).toMatchObject({ value: 1, quality: 'SELF_REPORTED' });
  });
});

describe('metric codes are a closed set', () => {
  it('knows every code of the dictionary, once, and nothing else', () => {
    expect(new Set(METRIC_CODES).size).toBe(METRICS.length);
    expect(METRIC_CODES.every(isMetricCode)).toBe(true);
    expect(isMetricCode('applications.nwe')).toBe(false);
    expect(isMetricCode('')).toBe(false);
  });

  it('refuses a misspelt code at type-check time (pnpm check compiles this file)', () => {
    // @ts-expect-error a code the dictionary does not have is not a MetricCode
    const misspelt: MetricCode = 'applications.nwe';
    const handled: MetricCode = HANDLED_APPLICATIONS_METRIC;
    expect(METRIC_BY_CODE.get(handled)?.nameZh).toBe('办结量');
    expect(isMetricCode(misspelt)).toBe(false);
  });
});
