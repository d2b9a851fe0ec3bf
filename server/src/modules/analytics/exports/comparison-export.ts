/**
 * A comparison as files an analyst opens in Excel or reads with a CSV library. The values file holds data only, one
 * header row and one row per value (agency, year, metric, value, numerator, denominator, the report's scope and
 * format version, the value's quality, both readings, whether the metric applies to the format, the on-time basis);
 * the metric definitions are a file of their own (CSV) or a second sheet (XLSX), in Chinese or English. CSV is UTF-8
 * with a byte-order mark (so Excel reads Chinese). Text that a spreadsheet would run as a formula (=, +, -, @ first)
 * is written with a leading apostrophe.
 */
import {
  METRIC_BY_CODE,
  METRIC_QUALITY_LABELS,
  METRIC_UNIT_LABELS,
  RECONCILIATION_POLICY,
  SCOPE_LABELS,
  type MetricUnit,
  type ReportScope,
  type Template,
} from '@ogi/domain';
import ExcelJS from 'exceljs';
import type { ComparisonModel } from '../models/comparison.model.js';
import type { MetricDefinitionModel } from '../models/metric-definition.model.js';

export type ExportLanguage = 'zh' | 'en';

/** The version of these files' columns: a reader can check it before relying on a column's position. */
export const EXPORT_FORMAT_VERSION = '2';

const HEADERS = {
  zh: {
    values: [
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
      '原印数值',
      '按分项计算',
      '数值状态',
      '自述依据',
      '依据位置',
      '导出格式版本',
    ],
    definitions: ['指标代码', '指标', '计算公式', '分母', '单位', '适用格式', '说明', '合计与分项矛盾时采用', '采用理由', '导出格式版本'],
    valuesSheet: '数据',
    definitionsSheet: '指标定义',
    file: '对比',
    definitionsFile: '指标定义',
    notApplicable: '不适用于此格式',
    blank: '空白或分母为0',
    printed: '原印数字',
    parts: '分项计算值',
  },
  en: {
    values: [
      'Agency',
      'Agency ID',
      'Year',
      'Metric code',
      'Metric',
      'Value',
      'Numerator',
      'Denominator',
      'Unit',
      'Report ID',
      'Report scope',
      'Report format',
      'Quality',
      'Printed value',
      'Value from parts',
      'Value status',
      'Self-reported basis',
      'Basis position',
      'Export format version',
    ],
    definitions: [
      'Metric code',
      'Metric',
      'Formula',
      'Denominator',
      'Unit',
      'Formats',
      'Caveat',
      'Uses when a total contradicts its parts',
      'Reason',
      'Export format version',
    ],
    valuesSheet: 'Values',
    definitionsSheet: 'Definitions',
    file: 'comparison',
    definitionsFile: 'metric-definitions',
    notApplicable: 'does not apply to this format',
    blank: 'blank or zero base',
    printed: 'printed figure',
    parts: 'value from parts',
  },
} as const;

type Cell = string | number | null;

/** Column (1-based) of the value in the values table; XLSX formats it by unit. */
const VALUE_COLUMN = 6;
const PRINTED_COLUMN = 14;
const PARTS_COLUMN = 15;

/** The rows of both tables, in the language asked for. */
export function comparisonTables(c: ComparisonModel, lang: ExportLanguage): { values: Cell[][]; definitions: Cell[][]; units: MetricUnit[] } {
  const h = HEADERS[lang];
  const agencyName = new Map(c.agencies.map((a) => [a.id, a.name]));
  const units: MetricUnit[] = [];
  const values = c.values.map((v): Cell[] => {
    const m = METRIC_BY_CODE.get(v.metric)!;
    units.push(m.unit);
    const applies = v.template === null || m.templates.includes(v.template as Template);
    const status = !applies ? h.notApplicable : v.value === null ? h.blank : '';
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
      SCOPE_LABELS[v.scope as ReportScope]?.[lang] ?? v.scope,
      v.template,
      applies ? METRIC_QUALITY_LABELS[v.quality][lang] : '',
      v.printedValue,
      v.partsValue,
      status,
      v.evidence.map((e) => e.sentence).join(' / '),
      v.evidence.map((e) => `${e.start}-${e.end}`).join(' / '),
      EXPORT_FORMAT_VERSION,
    ];
  });
  return { values, definitions: definitionRows(c.metrics, lang), units };
}

function definitionRows(metrics: readonly MetricDefinitionModel[], lang: ExportLanguage): Cell[][] {
  const h = HEADERS[lang];
  return metrics.map((d): Cell[] => [
    d.code,
    lang === 'zh' ? d.nameZh : d.nameEn,
    lang === 'zh' ? d.formulaZh : d.formulaEn,
    (lang === 'zh' ? d.denominatorZh : d.denominatorEn) ?? '',
    METRIC_UNIT_LABELS[d.unit as MetricUnit][lang],
    d.templates.join(lang === 'zh' ? '、' : ', '),
    (lang === 'zh' ? d.caveatZh : d.caveatEn) ?? '',
    d.reconciliation === 'PARTS' ? h.parts : h.printed,
    (lang === 'zh' ? d.reconciliationReasonZh : d.reconciliationReasonEn) ?? RECONCILIATION_POLICY[lang],
    EXPORT_FORMAT_VERSION,
  ]);
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

const csvFile = (header: readonly string[], rows: Cell[][]) =>
  Buffer.from(`\uFEFF${[header.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n')}\r\n`, 'utf8');

/** The values only: a header row and one row per value. */
export function comparisonCsv(c: ComparisonModel, lang: ExportLanguage): Buffer {
  return csvFile(HEADERS[lang].values, comparisonTables(c, lang).values);
}

/** The definitions of the metrics, as the file that goes with comparisonCsv. */
export function definitionsCsv(metrics: readonly MetricDefinitionModel[], lang: ExportLanguage): Buffer {
  return csvFile(HEADERS[lang].definitions, definitionRows(metrics, lang));
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
    if (units[i] === 'ratio') for (const col of [VALUE_COLUMN, PRINTED_COLUMN, PARTS_COLUMN]) row.getCell(col).numFmt = '0.00%';
  });
  data.columns.forEach((col, i) => (col.width = [28, 10, 8, 34, 30, 12, 12, 12, 16, 10, 12, 10, 12, 12, 12, 16, 60, 14, 8][i] ?? 12));
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: h.values.length } };

  const defs = book.addWorksheet(h.definitionsSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  defs.addRow([...h.definitions]).font = { bold: true };
  for (const r of definitions) defs.addRow(r.map(text));
  defs.columns.forEach((col, i) => (col.width = [34, 30, 60, 40, 16, 12, 60, 16, 60, 8][i] ?? 20));
  defs.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));

  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `对比-2022-2023.csv` / `comparison-2022-2023.xlsx`, as a Content-Disposition value (RFC 6266 / 5987). */
export function attachmentName(c: ComparisonModel, lang: ExportLanguage, extension: 'csv' | 'xlsx'): string {
  const years = c.years.length ? `-${c.years[0]}${c.years.length > 1 ? `-${c.years[c.years.length - 1]}` : ''}` : '';
  const name = `${HEADERS[lang].file}${years}.${extension}`;
  return `attachment; filename="comparison${years}.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** `指标定义.csv` / `metric-definitions.csv`. */
export function definitionsAttachmentName(lang: ExportLanguage): string {
  return `attachment; filename="metric-definitions.csv"; filename*=UTF-8''${encodeURIComponent(`${HEADERS[lang].definitionsFile}.csv`)}`;
}
