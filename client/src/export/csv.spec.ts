import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';
import { exportFileName } from './data-table';

describe('CSV export', () => {
  it('starts with a byte-order mark and uses CRLF, so Excel opens Chinese text correctly', () => {
    const csv = toCsv({ columns: ['机关', '年度', '公开率'], rows: [['鄂州市行政审批局', 2020, 0.655]] });
    expect(csv).toBe('\uFEFF机关,年度,公开率\r\n鄂州市行政审批局,2020,0.655\r\n');
  });

  it('leaves a blank cell empty, never 0', () => {
    expect(toCsv({ columns: ['a', 'b'], rows: [[null, 0]] })).toBe('\uFEFFa,b\r\n,0\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('两\n行')).toBe('"两\n行"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-12')).toBe("'-12");
    expect(csvField(-12)).toBe('-12');
  });

  it('makes file names safe on every system', () => {
    expect(exportFileName('对比/2023:2024', 'csv')).toBe('对比 2023 2024.csv');
    expect(exportFileName('  ', 'xlsx')).toBe('export.xlsx');
  });
});
