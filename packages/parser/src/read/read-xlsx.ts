/**
 * Reads a spreadsheet (.xlsx) with exceljs: every sheet in order, each sheet row a row of cells, so a report's
 * tables published as a workbook read like the same tables in HTML or DOCX. A merged range is one cell (as a
 * rowspan or gridSpan), blank cells inside a table row stay blank cells, and a row holding only its first cell is
 * a paragraph. The archive is checked with fflate before exceljs expands it: a zip bomb is refused unread.
 */
import { unzipSync } from 'fflate';
import type { Cell, Workbook } from 'exceljs';
import { ReportParseError } from '@ogi/domain';
import { DocumentBuilder, type CellOrigin, type DocumentModel } from '../document.js';

const MAX_PART_BYTES = 40 * 1024 * 1024;
const MAX_RATIO = 200;
/** Columns read per sheet: report tables are a dozen or so wide. */
const MAX_COLUMNS = 64;

/** Whether an OOXML zip is a workbook (it has xl/workbook.xml) rather than a Word document. */
export function isWorkbookZip(bytes: Uint8Array): boolean {
  let found = false;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (f.name === 'xl/workbook.xml') found = true;
        return false;
      },
    });
  } catch {
    return false;
  }
  return found;
}

export async function readXlsx(bytes: Uint8Array): Promise<DocumentModel> {
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_PART_BYTES || f.originalSize > Math.max(1, f.size) * MAX_RATIO)
          throw new ReportParseError('FILE_TOO_LARGE', '该 Excel 表格文件解压后过大（可能是压缩炸弹），已拒绝读取。');
        return false;
      },
    });
  } catch (err) {
    if (err instanceof ReportParseError) throw err;
    throw new ReportParseError('CORRUPT_FILE', '该 Excel 表格文件（XLSX）已损坏，无法读取。');
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ReportParseError('CORRUPT_FILE', '该 Excel 表格文件（XLSX）已损坏，无法读取。');
  }
  const builder = new DocumentBuilder('xlsx', 'utf-8');
  workbook.worksheets.forEach((sheet, table) => {
    const width = Math.min(sheet.columnCount, MAX_COLUMNS);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: { text: string; origin: CellOrigin }[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // The other cells of a merged range repeat its value: the range is one cell, printed once.
        if (cell.isMerged && cell.master.address !== cell.address) continue;
        cells.push({ text: cellText(cell), origin: { kind: 'xlsx', table, row: rowNumber - 1, cell: c - 1 } });
      }
      const filled = cells.filter((x) => x.text.trim());
      if (!filled.length) return;
      builder.addRow(filled.length === 1 && filled[0] === cells[0] ? [cells[0]!] : cells);
    });
  });
  return builder.build();
}

function cellText(cell: Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}
