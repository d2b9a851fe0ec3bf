import { METRIC_BY_CODE, combineMetric, computeMetrics, metricValueFromSums, type MetricValue } from '../src/index.js';
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
    expect(metric('disputes.per100')?.value).toBeCloseTo((4 + 3) / 50 * 100, 10);
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
    expect(metric('disclosure.procurementAmountWan', consistentReport('2019'))?.value).toBe(120);
  });

  it('the on-time rate comes from the text only, with its basis', () => {
    const r = { ...consistentReport(), narrative: [{ kind: 'onTimeRate' as const, value: 0.98, sentence: '按时答复率98%', start: 0, end: 8 }] };
    // Weighted by the 52 applications handled, so a roll-up is a share of handled applications.
    expect(computeMetrics(r).get('timeliness.onTimeRate')).toEqual({ value: 0.98, numerator: 0.98 * 52, denominator: 52 });
    expect(metric('timeliness.onTimeRate')?.value).toBeNull();
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

  it('sum counts and ignore unknown values', () => {
    const def = METRIC_BY_CODE.get('applications.new')!;
    expect(combineMetric(def, [{ value: 5, numerator: 5, denominator: null }, { value: null, numerator: null, denominator: null }]).value).toBe(5);
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
