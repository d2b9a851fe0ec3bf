/** The data behind a chart or a table, in the form every export takes: a header row and rows of cells. */
export type DataCell = string | number | null;

export interface DataTable {
  columns: string[];
  rows: DataCell[][];
}

/**
 * A file name safe on every system, from a title and the filters that produced it:
 * `对比 2023-2024.csv`, never `对比/2023:2024.csv`.
 */
export function exportFileName(title: string, extension: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\r\n\t]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'export';
  return `${base}.${extension}`;
}
