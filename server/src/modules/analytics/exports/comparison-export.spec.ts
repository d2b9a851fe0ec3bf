import ExcelJS from 'exceljs';
import type { ComparisonModel } from '../models/comparison.model.js';
import { METRIC_BY_CODE, type MetricQuality } from '@ogi/domain';
import { toMetricDefinitionModel } from '../models/metric-definition.model.js';
import { attachmentName, comparisonCsv, comparisonXlsx, definitionsCsv, neutraliseFormula } from './comparison-export.js';

const quality = (q: MetricQuality, printedValue: number | null, partsValue = printedValue) => ({
  quality: q,
  scope: 'self' as const,
  template: '2021',
  printedValue,
  partsValue,
  evidence: [] as ComparisonModel['values'][number]['evidence'],
});

const comparison: ComparisonModel = {
  agencies: [
    { id: '7', name: '=HYPERLINK("http://evil")', kind: 'department', level: null, parentId: null, listingUrl: null },
    { id: '8', name: '某市"教育"局,二处', kind: 'department', level: 'city', parentId: null, listingUrl: null },
  ],
  agencyCount: 2,
  years: [2023],
  metrics: ['applications.new', 'outcomes.disclosureRate', 'disclosure.feeItems', 'timeliness.onTimeRate'].map((c) =>
    toMetricDefinitionModel(METRIC_BY_CODE.get(c)!),
  ),
  values: [
    { agencyId: '7', year: 2023, metric: 'applications.new', value: 12, numerator: 12, denominator: null, reportId: '70', ...quality('VERIFIED', 12) },
    {
      agencyId: '8',
      year: 2023,
      metric: 'outcomes.disclosureRate',
      value: 0.25,
      numerator: 3,
      denominator: 12,
      reportId: '80',
      ...quality('CONTRADICTED', 0.25, 0.5),
    },
    {
      agencyId: '8',
      year: 2023,
      metric: 'disclosure.feeItems',
      value: null,
      numerator: null,
      denominator: null,
      reportId: '80',
      ...quality('UNVERIFIABLE', null),
    },
    {
      agencyId: '8',
      year: 2023,
      metric: 'timeliness.onTimeRate',
      value: 1,
      numerator: 12,
      denominator: 12,
      reportId: '80',
      ...quality('SELF_REPORTED', 1),
      evidence: [{ kind: 'allOnTime', value: 1, sentence: '均在法定期限内答复。', start: 120, end: 130 }],
    },
  ],
};

describe('comparison exports', () => {
  it('CSV: BOM, one header row and data rows only (scope, format, quality, both readings, status, on-time basis); quoting and formulas made harmless', () => {
    const text = comparisonCsv(comparison, 'zh').toString('utf8');
    expect(
      text.startsWith(
        '\uFEFF机关,机关ID,年份,指标代码,指标,数值,分子,分母,单位,年报ID,报告口径,年报格式,数据质量,原印数值,按分项计算,数值状态,自述依据,依据位置,导出格式版本\r\n',
      ),
    ).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"")",7,2023,applications.new,本年新收申请,12,12,,件,70,本机关,2021,已核验,12,12,,,,2`);
    expect(lines[2]).toBe('"某市""教育""局,二处",8,2023,outcomes.disclosureRate,公开率,0.25,3,12,比率（0–1）,80,本机关,2021,表内矛盾,0.25,0.5,,,,2');
    // A metric of the 2019 format on a 2021 report: "does not apply", not blank.
    expect(lines[3]).toContain(',disclosure.feeItems,行政事业性收费项目数,,,,项,80,本机关,2021,,,,不适用于此格式,,,2');
    expect(lines[4]).toContain(',timeliness.onTimeRate,按时答复率（报告自述）,1,12,12,比率（0–1）,80,本机关,2021,报告自述,1,1,,均在法定期限内答复。,120-130,2');
    // Data only: every line has the header's 19 fields, and nothing follows the values.
    expect(lines.slice(0, 5).every((l) => l.split(',').length >= 19)).toBe(true);
    expect(lines.slice(5)).toEqual(['']);
  });

  it('definitions CSV: its own file, with the reconciliation each metric uses', () => {
    const lines = definitionsCsv(comparison.metrics, 'zh').toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('指标代码,指标,计算公式,分母,单位,适用格式,说明,合计与分项矛盾时采用,采用理由,导出格式版本');
    expect(lines[2]).toContain('outcomes.disclosureRate,公开率,（一）予以公开 ÷ （七）总计,办结量（（七）总计）,比率（0–1）,2019、2021,,原印数字,');
  });

  it('CSV in English', () => {
    const lines = comparisonCsv(comparison, 'en').toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Agency,Agency ID,Year,Metric code,Metric,Value,Numerator,Denominator,Unit,Report ID,Report scope,Report format,Quality,Printed value,Value from parts,Value status,Self-reported basis,Basis position,Export format version',
    );
    expect(lines[2]).toContain(',outcomes.disclosureRate,Disclosure rate,0.25,3,12,ratio (0–1),80,own work,2021,Contradicted,0.25,0.5,');
    expect(lines[3]).toContain('does not apply to this format');
  });

  it('XLSX: a values sheet (ratios as percentages) and a definitions sheet', async () => {
    const book = new ExcelJS.Workbook();
    const file = await comparisonXlsx(comparison, 'zh');
    // exceljs types its input as an ArrayBuffer-like "Buffer"; a Node Buffer is what it reads.
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const [values, definitions] = book.worksheets;
    expect(values!.name).toBe('数据');
    expect((values!.getRow(1).values as unknown[]).slice(1, 14)).toEqual([
      '机关',
      '机关ID',
      '年份',
      '指标代码',
      '指标',
      '数值',
      '分子',
      '分母',
      '单位',
      '年报ID',
      '报告口径',
      '年报格式',
      '数据质量',
    ]);
    expect(values!.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("http://evil")`);
    expect(values!.getRow(3).getCell(6).value).toBe(0.25);
    expect(values!.getRow(3).getCell(6).numFmt).toBe('0.00%');
    expect(values!.getRow(3).getCell(15).value).toBe(0.5);
    expect(values!.getRow(3).getCell(15).numFmt).toBe('0.00%');
    expect(values!.getRow(2).getCell(6).numFmt).toBeUndefined();
    expect(definitions!.name).toBe('指标定义');
    expect(definitions!.getRow(3).getCell(1).value).toBe('outcomes.disclosureRate');
    expect(definitions!.getRow(3).getCell(4).value).toBe('办结量（（七）总计）');
  });

  it('names the file by the years, readable in Chinese', () => {
    expect(attachmentName(comparison, 'zh', 'csv')).toBe(`attachment; filename="comparison-2023.csv"; filename*=UTF-8''${encodeURIComponent('对比-2023.csv')}`);
    expect(neutraliseFormula('-1+2')).toBe("'-1+2");
    expect(neutraliseFormula('甲市')).toBe('甲市');
  });
});
