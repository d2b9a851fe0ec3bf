// @vitest-environment node
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, crc32, sheetNames, toXlsx } from './xlsx';

/** Reads the workbook back with a real spreadsheet library, as Excel or WPS would. */
async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

describe('XLSX export', () => {
  it('writes a workbook that a spreadsheet library reads back cell for cell', async () => {
    const bytes = toXlsx([
      {
        name: '对比',
        columns: ['机关', '年度', '公开率 (%)', '说明'],
        rows: [
          ['鄂州市行政审批局', 2020, 65.5, '含 <特殊> & "字符"'],
          ['平潭综合实验区', 2021, null, ''],
        ],
      },
    ]);
    const workbook = await readBack(bytes);
    const sheet = workbook.getWorksheet('对比')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '机关', '年度', '公开率 (%)', '说明']);
    expect(sheet.getCell('A2').value).toBe('鄂州市行政审批局');
    expect(sheet.getCell('B2').value).toBe(2020);
    expect(sheet.getCell('C2').value).toBe(65.5);
    expect(sheet.getCell('D2').value).toBe('含 <特殊> & "字符"');
    expect(sheet.getCell('C3').value).toBeNull(); // blank stays blank
    expect(sheet.getCell('A1').font?.bold).toBe(true);
  });

  it('holds several sheets with names Excel accepts', async () => {
    const workbook = await readBack(
      toXlsx([
        { name: 'a/b', columns: ['x'], rows: [[1]] },
        { name: 'a/b', columns: ['y'], rows: [[2]] },
      ]),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['a b', 'a b-2']);
  });

  it('names columns and sheets by the spreadsheet rules', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(sheetNames(['x'.repeat(40), '[]:*?'])).toEqual(['x'.repeat(31), 'Sheet2']);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
