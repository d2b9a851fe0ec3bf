import { describe, expect, it } from 'vitest';
import { metricsNeedingAttention, reportMetricRows } from './report-metrics.model';

// 鄂州 2020: 本年新收 prints [29, 0, 0, 0, 0, 0, 29], 办理总计 [23, 3, 0, 0, 0, 3, 29]. The legal-person share printed
// is 0 / 29; from the outcome rows 6 / 29 (3 商业企业 + 3 其他). New applications 29 both ways.
const EZHOU_2020 = [
  { code: 'applications.new', value: 29, quality: 'VERIFIED' as const, printedValue: 29, partsValue: 29 },
  { code: 'applicants.legalPersonShare', value: 6 / 29, quality: 'CONTRADICTED' as const, printedValue: 0, partsValue: 6 / 29 },
  { code: 'timeliness.onTimeRate', value: 1, quality: 'SELF_REPORTED' as const, printedValue: 1, partsValue: null },
];

describe("a report's metrics", () => {
  it('sets the printed 0 beside the 6/29 from the parts, and says the legal-person share uses the parts and why', () => {
    const rows = reportMetricRows(EZHOU_2020);
    expect(rows.map((r) => [r.code, r.differs, r.basis])).toEqual([
      ['applications.new', false, 'printed'],
      ['applicants.legalPersonShare', true, 'parts'],
      ['timeliness.onTimeRate', false, 'printed'],
    ]);
    expect(rows[1]!.basisReason?.zh).toContain('办理结果');
    expect(rows[0]!.basisReason).toBeNull();
  });

  it('puts first what needs attention: readings that differ and contradicted or uncertain values', () => {
    expect(metricsNeedingAttention(reportMetricRows(EZHOU_2020)).map((r) => r.code)).toEqual(['applicants.legalPersonShare']);
  });
});
