/**
 * A comparison as a file an analyst opens in Excel: the values (agency, year, metric, value, numerator,
 * denominator) and the definitions of the metrics used, in Chinese or English. CSV is UTF-8 with a byte-order
 * mark (so Excel reads Chinese) and the definitions after a blank line; XLSX has them on a second sheet.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading apostrophe.
 */
import { METRIC_BY_CODE, METRIC_UNIT_LABELS, type MetricUnit } from '@ogi/domain';
import ExcelJS from 'exceljs';
import type { ComparisonModel } from '../models/comparison.model.js';

export type ExportLanguage = 'zh' | 'en';

const HEADERS = {
  zh: {
    values: ['机关', '机关ID', '年份', '指标代码', '指标', '数值', '分子', '分母', '单位', '年报ID'],
    definitions: ['指标代码', '指标', '计算公式', '分母', '单位', '适用格式', '说明'],
    valuesSheet: '数据',
    definitionsSheet: '指标定义',
    definitionsTitle: '指标定义',
    file: '对比',
  },
  en: {
    values: ['Agency', 'Agency ID', 'Year', 'Metric code', 'Metric', 'Value', 'Numerator', 'Denominator', 'Unit', 'Report ID'],
    definitions: ['Metric code', 'Metric', 'Formula', 'Denominator', 'Unit', 'Formats', 'Caveat'],
    valuesSheet: 'Values',
    definitionsSheet: 'Definitions',
    definitionsTitle: 'Metric definitions',
    file: 'comparison',
  },
} as const;

type Cell = string | number | null;

/** The rows of both tables, in the language asked for. */
export function comparisonTables(c: ComparisonModel, lang: ExportLanguage): { values: Cell[][]; definitions: Cell[][]; units: MetricUnit[] } {
  const agencyName = new Map(c.agencies.map((a) => [a.id, a.name]));
  const units: MetricUnit[] = [];
  const values = c.values.map((v): Cell[] => {
    const m = METRIC_BY_CODE.get(v.metric)!;
    units.push(m.unit);
    return [
      agencyName.get(v.agencyId) ?? '',
      Number(v.agencyId),
      v.year,
      v.metric,
      lang === 'zh' ? m.nameZh : m.nameEn,
      v.value,
      v.numerator,
      v.denominator,
      METRIC_UNIT_LABELS[m.unit][lang],
      v.reportId === null ? null : Number(v.reportId),
    ];
  });
  const definitions = c.metrics.map((d): Cell[] => [
    d.code,
    lang === 'zh' ? d.nameZh : d.nameEn,
    lang === 'zh' ? d.formulaZh : d.formulaEn,
    (lang === 'zh' ? d.denominatorZh : d.denominatorEn) ?? '',
    METRIC_UNIT_LABELS[d.unit as MetricUnit][lang],
    d.templates.join(lang === 'zh' ? '、' : ', '),
    (lang === 'zh' ? d.caveatZh : d.caveatEn) ?? '',
  ]);
  return { values, definitions, units };
}

/** Text a spreadsheet would evaluate is kept as text. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function comparisonCsv(c: ComparisonModel, lang: ExportLanguage): Buffer {
  const { values, definitions } = comparisonTables(c, lang);
  const h = HEADERS[lang];
  const lines = [
    h.values.map(csvField).join(','),
    ...values.map((r) => r.map(csvField).join(',')),
    '',
    csvField(h.definitionsTitle),
    h.definitions.map(csvField).join(','),
    ...definitions.map((r) => r.map(csvField).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function comparisonXlsx(c: ComparisonModel, lang: ExportLanguage): Promise<Buffer> {
  const { values, definitions, units } = comparisonTables(c, lang);
  const h = HEADERS[lang];
  const book = new ExcelJS.Workbook();
  book.creator = 'OGI Observatory 政府信息公开年报观测台';
  const text = (cell: Cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);

  const data = book.addWorksheet(h.valuesSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow([...h.values]).font = { bold: true };
  values.forEach((r, i) => {
    const row = data.addRow(r.map(text));
    // Ratios read as percentages; counts and money as plain numbers.
    if (units[i] === 'ratio') row.getCell(6).numFmt = '0.00%';
  });
  data.columns.forEach((col, i) => (col.width = [28, 10, 8, 34, 30, 12, 12, 12, 16, 10][i] ?? 12));
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: h.values.length } };

  const defs = book.addWorksheet(h.definitionsSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  defs.addRow([...h.definitions]).font = { bold: true };
  for (const r of definitions) defs.addRow(r.map(text));
  defs.columns.forEach((col, i) => (col.width = [34, 30, 60, 40, 16, 12, 60][i] ?? 20));
  defs.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));

  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `对比-2022-2023.csv` / `comparison-2022-2023.xlsx`, as a Content-Disposition value (RFC 6266 / 5987). */
export function attachmentName(c: ComparisonModel, lang: ExportLanguage, extension: 'csv' | 'xlsx'): string {
  const years = c.years.length ? `-${c.years[0]}${c.years.length > 1 ? `-${c.years[c.years.length - 1]}` : ''}` : '';
  const name = `${HEADERS[lang].file}${years}.${extension}`;
  return `attachment; filename="comparison${years}.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
