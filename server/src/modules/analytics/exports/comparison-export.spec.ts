import ExcelJS from 'exceljs';
import type { ComparisonModel } from '../models/comparison.model.js';
import { METRIC_BY_CODE } from '@ogi/domain';
import { toMetricDefinitionModel } from '../models/metric-definition.model.js';
import { attachmentName, comparisonCsv, comparisonXlsx, neutraliseFormula } from './comparison-export.js';

const comparison: ComparisonModel = {
  agencies: [
    { id: '7', name: '=HYPERLINK("http://evil")', kind: 'department', level: null, parentId: null, listingUrl: null },
    { id: '8', name: '某市"教育"局,二处', kind: 'department', level: 'city', parentId: null, listingUrl: null },
  ],
  years: [2023],
  metrics: ['applications.new', 'outcomes.disclosureRate'].map((c) => toMetricDefinitionModel(METRIC_BY_CODE.get(c)!)),
  values: [
    { agencyId: '7', year: 2023, metric: 'applications.new', value: 12, numerator: 12, denominator: null, reportId: '70' },
    { agencyId: '8', year: 2023, metric: 'outcomes.disclosureRate', value: 0.25, numerator: 3, denominator: 12, reportId: '80' },
  ],
};

describe('comparison exports', () => {
  it('CSV: BOM, values, a blank line, then the definitions; quoting and formulas made harmless', () => {
    const text = comparisonCsv(comparison, 'zh').toString('utf8');
    expect(text.startsWith('\uFEFF机关,机关ID,年份,指标代码,指标,数值,分子,分母,单位,年报ID\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"")",7,2023,applications.new,本年新收申请,12,12,,件,70`);
    expect(lines[2]).toBe('"某市""教育""局,二处",8,2023,outcomes.disclosureRate,公开率,0.25,3,12,比率（0–1）,80');
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('指标定义');
    expect(lines[5]).toBe('指标代码,指标,计算公式,分母,单位,适用格式,说明');
    expect(lines[7]).toContain('outcomes.disclosureRate,公开率,（一）予以公开 ÷ （七）总计,办结量（（七）总计）,比率（0–1）,2019、2021');
  });

  it('CSV in English', () => {
    const lines = comparisonCsv(comparison, 'en').toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Agency,Agency ID,Year,Metric code,Metric,Value,Numerator,Denominator,Unit,Report ID');
    expect(lines[2]).toContain(',outcomes.disclosureRate,Disclosure rate,0.25,3,12,ratio (0–1),80');
    expect(lines[4]).toBe('Metric definitions');
  });

  it('XLSX: a values sheet (ratios as percentages) and a definitions sheet', async () => {
    const book = new ExcelJS.Workbook();
    const file = await comparisonXlsx(comparison, 'zh');
    // exceljs types its input as an ArrayBuffer-like "Buffer"; a Node Buffer is what it reads.
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const [values, definitions] = book.worksheets;
    expect(values!.name).toBe('数据');
    expect(values!.getRow(1).values).toEqual([undefined, '机关', '机关ID', '年份', '指标代码', '指标', '数值', '分子', '分母', '单位', '年报ID']);
    expect(values!.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("http://evil")`);
    expect(values!.getRow(3).getCell(6).value).toBe(0.25);
    expect(values!.getRow(3).getCell(6).numFmt).toBe('0.00%');
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
