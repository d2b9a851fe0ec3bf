/** Exports a data table as CSV (at once) or XLSX (the writer is loaded on first use). */
import { toCsv } from './csv';
import { exportFileName, type DataTable } from './data-table';
import { downloadBlob } from './download';

export function exportCsv(table: DataTable, title: string): void {
  downloadBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), exportFileName(title, 'csv'));
}

export async function exportXlsx(table: DataTable, title: string, sheetName = title): Promise<void> {
  const { toXlsx, XLSX_MIME } = await import('./xlsx');
  const bytes = toXlsx([{ name: sheetName, ...table }]);
  downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), exportFileName(title, 'xlsx'));
}
