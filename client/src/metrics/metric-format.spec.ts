import { describe, expect, it } from 'vitest';
import { chartValue, compactAxisNumber, formatDelta, formatMetricValue, metricDelta, metricLabel, metricUnitLabel } from './metric-format';

describe('metric values on screen', () => {
  it('shows ratios as percentages, counts as whole numbers, blanks as a dash', () => {
    expect(formatMetricValue('outcomes.disclosureRate', 0.6552, 'zh-CN')).toBe('65.5%');
    expect(formatMetricValue('applications.new', 13810, 'en-GB')).toBe('13,810');
    expect(formatMetricValue('applications.new', null, 'zh-CN')).toBe('—');
    expect(formatMetricValue('disputes.per100', 2.345, 'en-GB')).toBe('2.3');
  });

  it('charts ratios in percent', () => {
    expect(chartValue('outcomes.disclosureRate', 0.6552)).toBe(65.5);
    expect(chartValue('applications.new', 29)).toBe(29);
    expect(chartValue('applications.new', null)).toBeNull();
  });

  it('compares with last year in points for ratios and in percent for counts, saying which way is better', () => {
    expect(metricDelta('outcomes.disclosureRate', 0.6, 0.5)).toEqual({ kind: 'points', value: expect.closeTo(10, 6), better: true });
    expect(metricDelta('review.correctionRate', 0.3, 0.2)).toMatchObject({ kind: 'points', better: false });
    expect(metricDelta('applications.new', 120, 100)).toEqual({ kind: 'relative', value: expect.closeTo(0.2, 6), better: null });
    expect(metricDelta('applications.new', 5, 0)).toBeNull();
    expect(metricDelta('applications.new', 5, null)).toBeNull();
    expect(formatDelta({ kind: 'relative', value: -0.125, better: null }, 'zh-CN')).toBe('−12.5%');
    expect(formatDelta({ kind: 'points', value: 3.04, better: true }, 'zh-CN')).toBe('+3');
  });

  it('names a metric from the shared dictionary', () => {
    expect(metricLabel('outcomes.disclosureRate')).toEqual({ label: '公开率', en: 'Disclosure rate' });
    expect(metricLabel('no.such')).toEqual({ label: 'no.such', en: 'no.such' });
  });

  it('names units from the dictionary, ratios as percent since they are charted in percent', () => {
    expect(metricUnitLabel('applications.new')).toEqual({ label: '件', en: 'applications' });
    expect(metricUnitLabel('disclosure.feesAmountWan')).toEqual({ label: '万元', en: '10 000 CNY' });
    expect(metricUnitLabel('outcomes.disclosureRate')).toEqual({ label: '%', en: '%' });
  });
});

describe('numbers on a chart axis', () => {
  it('counts large numbers in 万 and 亿 in Chinese', () => {
    expect(compactAxisNumber(12000, 'zh-CN')).toBe('1.2万');
    expect(compactAxisNumber(3_000_000, 'zh-CN')).toBe('300万');
    expect(compactAxisNumber(250_000_000, 'zh-CN')).toBe('2.5亿');
    expect(compactAxisNumber(-20000, 'zh-CN')).toBe('-2万');
  });

  it('counts them in K and M in English', () => {
    expect(compactAxisNumber(12000, 'en-GB')).toBe('12K');
    expect(compactAxisNumber(3_500_000, 'en-GB')).toBe('3.5M');
  });

  it('keeps smaller numbers whole, with thousands separators', () => {
    expect(compactAxisNumber(3500, 'zh-CN')).toBe('3,500');
    expect(compactAxisNumber(3500, 'en-GB')).toBe('3,500');
    expect(compactAxisNumber(0.25, 'en-GB')).toBe('0.25');
    expect(compactAxisNumber(0, 'zh-CN')).toBe('0');
  });
});
