import { METRIC_QUALITY_LABELS, METRIC_QUALITY_STATES, METRICS } from '@ogi/domain';

/**
 * The tables of the bulk download: for each, its columns (name, Parquet type, meaning in Chinese and English) and
 * the one SQL statement that reads it for a set of current reports. The CSV files, the Parquet files and the data
 * dictionary inside the download are all made from these definitions, so they cannot disagree.
 *
 * Every statement reads the reports in `selected_report` (a temporary table of the current report versions of
 * the selection, filled first in the same snapshot) and orders its rows, so two downloads of the same data are
 * the same files.
 */

export type DatasetColumnType = 'INT32' | 'DOUBLE' | 'STRING' | 'BOOLEAN';

export interface DatasetColumn {
  name: string;
  type: DatasetColumnType;
  zh: string;
  en: string;
}

export interface DatasetTable {
  /** File name without extension: `cells` → cells.csv, cells.parquet. */
  name: string;
  zh: string;
  en: string;
  columns: DatasetColumn[];
  /** Selects exactly `columns`, in that order, for the reports of `selected_report`… */
  sql?: string;
  /** …or the rows of a table that does not depend on the selection (the dictionaries). */
  rows?: () => unknown[][];
}

const col = (name: string, type: DatasetColumnType, zh: string, en: string): DatasetColumn => ({ name, type, zh, en });

/** The rows of `table` (aliased `alias`) that belong to the selected reports, with their report as `r`. */
const ofSelectedReports = (table: string, alias: string): string =>
  `FROM ${table} ${alias} JOIN selected_report s ON s.report_id = ${alias}.report_id JOIN report r ON r.id = ${alias}.report_id`;

/** Columns every per-report table starts with, so any table joins to reports and agencies on its own. */
const REPORT_KEYS = [
  col('report_id', 'INT32', '报告（版本）编号，对应 reports.report_id', 'Report (version) id, as in reports.report_id'),
  col('agency_id', 'INT32', '机关编号，对应 agencies.agency_id', 'Agency id, as in agencies.agency_id'),
  col('year', 'INT32', '报告年度', 'Year the report covers'),
];

/**
 * The metric values and how they are read: every column of a metric value is named here and nowhere else in the
 * download, so a column added to the stored metrics (their quality or scope, say) is added to the download by
 * adding it to this list.
 */
export const METRIC_VALUE_COLUMNS: { column: DatasetColumn; sql: string }[] = [
  { column: col('metric', 'STRING', '指标代码（定义见 metric_definitions）', 'Metric code (defined in metric_definitions)'), sql: 'rm.metric_code' },
  {
    column: col(
      'value',
      'DOUBLE',
      '指标值；空表示无法计算（如分母为 0 或数字空白）',
      'The value; empty when it cannot be computed (a zero denominator, blank cells)',
    ),
    sql: 'rm.value',
  },
  { column: col('numerator', 'DOUBLE', '分子（计数类指标即计数本身）', 'Numerator (for counts, the count itself)'), sql: 'rm.numerator' },
  { column: col('denominator', 'DOUBLE', '分母；计数类指标为空', 'Denominator; empty for counts'), sql: 'rm.denominator' },
  {
    column: col(
      'report_scope',
      'STRING',
      '数值覆盖范围：self 本机关、region_aggregate 地区汇总、system_aggregate 系统汇总',
      'What the value covers: self, region_aggregate, system_aggregate',
    ),
    sql: 'r.scope',
  },
  {
    column: col(
      'template',
      'STRING',
      '报告格式：2019 或 2021 版（指标是否适用取决于格式）',
      'Report format: the 2019 or 2021 template (whether a metric applies depends on it)',
    ),
    sql: 'r.template',
  },
  {
    column: col(
      'quality',
      'STRING',
      `此数的质量状态：${METRIC_QUALITY_STATES.map((q) => `${q} ${METRIC_QUALITY_LABELS[q].zh}`).join('、')}`,
      `What this value rests on: ${METRIC_QUALITY_STATES.map((q) => `${q} (${METRIC_QUALITY_LABELS[q].en.toLowerCase()})`).join(', ')}`,
    ),
    sql: 'rm.quality',
  },
  {
    column: col('printed_value', 'DOUBLE', '按表中印出的合计计算的值', 'The value from the totals as printed'),
    sql: 'rm.printed_value',
  },
  {
    column: col(
      'parts_value',
      'DOUBLE',
      '合计按其分项重新计算后的值；与印出值不同说明表内矛盾',
      'The value with each total recomputed from its parts; differs from printed_value when the table contradicts itself',
    ),
    sql: 'rm.parts_value',
  },
  {
    column: col(
      'report_checks',
      'STRING',
      '整份报告的校验：checks_failed 有未通过的勾稽校验（error），has_corrections 有人工更正，ok 均无',
      'The whole report: checks_failed when it fails an error-level consistency check, has_corrections when a cell was corrected by hand, ok otherwise',
    ),
    sql: `CASE WHEN EXISTS (SELECT 1 FROM report_finding f WHERE f.report_id = r.id AND f.severity = 'error' AND f.status = 'failed') THEN 'checks_failed'
               WHEN EXISTS (SELECT 1 FROM cell_correction c WHERE c.report_id = r.id AND c.status = 'active') THEN 'has_corrections'
               ELSE 'ok' END`,
  },
];

export const DATASET_TABLES: DatasetTable[] = [
  {
    name: 'agencies',
    zh: '机关：所选报告涉及的机关及其上级链',
    en: 'Agencies of the selected reports, with their chain of parents',
    columns: [
      col('agency_id', 'INT32', '机关编号', 'Agency id'),
      col('name', 'STRING', '机关名称', 'Agency name'),
      col('kind', 'STRING', '类型：government 政府、department 部门、dispatched 派出机构、other 其他', 'Kind: government, department, dispatched, other'),
      col('level', 'STRING', '层级：province、city、county、township；可为空', 'Level: province, city, county, township; may be empty'),
      col('parent_id', 'INT32', '上级机关编号；顶层为空', 'Parent agency id; empty at the top'),
      col('parent_name', 'STRING', '上级机关名称', 'Parent agency name'),
      col('depth', 'INT32', '在机关树中的深度（顶层为 0）', 'Depth in the agency tree (0 at the top)'),
      col('path', 'STRING', '从顶层到本机关的名称，以 " / " 分隔', 'Names from the top down to this agency, joined by " / "'),
    ],
    sql: `WITH RECURSIVE chain(id, parent_id, depth, path, seen) AS (
            SELECT a.id, a.parent_id, 0, a.name, ARRAY[a.id] FROM agency a WHERE a.parent_id IS NULL
            UNION ALL
            SELECT a.id, a.parent_id, c.depth + 1, c.path || ' / ' || a.name, c.seen || a.id
              FROM agency a JOIN chain c ON a.parent_id = c.id
             WHERE NOT a.id = ANY(c.seen) AND c.depth < 32
          )
          SELECT a.id, a.name, a.kind, a.level, a.parent_id, p.name, COALESCE(c.depth, 0), COALESCE(c.path, a.name)
            FROM agency a
            LEFT JOIN agency p ON p.id = a.parent_id
            LEFT JOIN chain c ON c.id = a.id
           WHERE a.id IN (SELECT agency_id FROM selected_report)
           ORDER BY a.id`,
  },
  {
    name: 'reports',
    zh: '报告：每个机关每年的当前版本及其元数据',
    en: 'Reports: the current version per agency and year, with its metadata',
    columns: [
      ...REPORT_KEYS,
      col('agency_name', 'STRING', '机关名称', 'Agency name'),
      col('printed_agency_name', 'STRING', '报告上印的机关名称', 'Agency name as printed in the report'),
      col('template', 'STRING', '报告格式：2019 或 2021 版', 'Report format: the 2019 or 2021 template'),
      col(
        'scope',
        'STRING',
        '覆盖范围：self 本机关、region_aggregate 地区汇总、system_aggregate 系统汇总',
        'Coverage: self, region_aggregate, system_aggregate',
      ),
      col('published_on', 'STRING', '发布日期（YYYY-MM-DD）；未注明为空', 'Publication date (YYYY-MM-DD); empty when not stated'),
      col('deadline', 'STRING', '法定报送期限（YYYY-MM-DD）', 'Legal deadline (YYYY-MM-DD)'),
      col('days_late', 'INT32', '逾期天数；按时为 0，日期不明为空', 'Days late; 0 when on time, empty when the date is unknown'),
      col('format', 'STRING', '原始文件格式：text、markdown、html、pdf、docx、doc', 'Format of the original file: text, markdown, html, pdf, docx, doc'),
      col('source_file_name', 'STRING', '原始文件名', 'Original file name'),
      col('version', 'INT32', '版本号（同一机关同一年度的第几次发布）', 'Version (how many times this agency and year was published)'),
      col('parser_version', 'STRING', '解析程序版本', 'Parser version'),
      col('ingested_at', 'STRING', '入库时间（ISO 8601，UTC）', 'When it was stored (ISO 8601, UTC)'),
      col('failed_checks', 'INT32', '未通过的勾稽校验（error）条数', 'Error-level consistency checks that fail'),
    ],
    sql: `SELECT r.id, r.agency_id, r.year, a.name, r.printed_agency_name, r.template, r.scope,
                 to_char(r.published_on, 'YYYY-MM-DD'), to_char(r.deadline, 'YYYY-MM-DD'), r.days_late, f.format, f.file_name, r.version,
                 r.parser_version, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                 (SELECT count(*)::int FROM report_finding x WHERE x.report_id = r.id AND x.severity = 'error' AND x.status = 'failed')
            FROM report r JOIN selected_report s ON s.report_id = r.id
            JOIN agency a ON a.id = r.agency_id JOIN source_file f ON f.id = r.source_file_id
           ORDER BY r.id`,
  },
  {
    name: 'cells',
    zh: '表格单元格（长表）：每个报告第二、三、四部分表格的每个数字',
    en: 'Table cells in long form: every number of the tables of sections 二, 三 and 四',
    columns: [
      ...REPORT_KEYS,
      col(
        'section',
        'STRING',
        '表格：activeDisclosure（二）、applications（三）、reviewLitigation（四）',
        'Table: activeDisclosure (二), applications (三), reviewLitigation (四)',
      ),
      col('row_key', 'STRING', '行代码', 'Row code'),
      col('column_key', 'STRING', '列代码', 'Column code'),
      col('value', 'DOUBLE', '数值（含人工更正）；空白、不适用或文字为空', 'The number (corrections applied); empty when blank, not applicable or text'),
      col(
        'state',
        'STRING',
        '读数状态：NUMERIC 数字、ZERO 零、EMPTY 空白、NA 不适用、TEXT 文字',
        'Reading: NUMERIC, ZERO, EMPTY (blank), NA (not applicable), TEXT',
      ),
      col('raw', 'STRING', '原文写法', 'As printed'),
      col('confidence', 'DOUBLE', '解析置信度（0–1）；低于 1 表示读数存疑', 'Parser confidence (0–1); below 1 the reading is uncertain'),
      col('uncertain', 'BOOLEAN', '原文不能唯一确定读数（有其他可能读法）', 'The print does not determine the reading (there are alternatives)'),
      col('corrected', 'BOOLEAN', '数值经人工更正', 'The value was corrected by hand'),
    ],
    sql: `SELECT c.report_id, r.agency_id, r.year, c.section, c.row_key, c.column_key, c.value::float8, c.state, c.raw, c.confidence::float8,
                 (c.alternatives IS NOT NULL AND jsonb_typeof(c.alternatives) = 'array' AND jsonb_array_length(c.alternatives) > 0),
                 EXISTS (SELECT 1 FROM cell_correction k WHERE k.report_id = c.report_id AND k.section = c.section AND k.row_key = c.row_key
                           AND k.column_key = c.column_key AND k.status = 'active')
            ${ofSelectedReports('report_cell', 'c')}
           ORDER BY c.report_id, c.section, c.row_key, c.column_key`,
  },
  {
    name: 'metric_values',
    zh: '指标值：每个报告的每个指标，含分子、分母、覆盖范围和质量状态',
    en: 'Metric values: every metric of every report, with numerator, denominator, coverage and quality',
    columns: [...REPORT_KEYS, ...METRIC_VALUE_COLUMNS.map((m) => m.column)],
    sql: `SELECT rm.report_id, r.agency_id, r.year, ${METRIC_VALUE_COLUMNS.map((m) => m.sql).join(', ')}
            ${ofSelectedReports('report_metric', 'rm')}
           ORDER BY rm.report_id, rm.metric_code`,
  },
  {
    name: 'findings',
    zh: '校验结果：每个报告未通过或无法核对的勾稽关系',
    en: 'Findings: the consistency checks each report fails or that cannot be verified',
    columns: [
      ...REPORT_KEYS,
      col('finding_id', 'INT32', '编号', 'Id'),
      col('rule', 'STRING', '规则代码', 'Rule code'),
      col('severity', 'STRING', '严重程度：error、warning、info', 'Severity: error, warning, info'),
      col('status', 'STRING', '结果：failed 未通过、unverifiable 无法核对、notice 提示', 'Outcome: failed, unverifiable, notice'),
      col('cells', 'STRING', '涉及的单元格（section.row.column，以 ; 分隔）', 'Cells involved (section.row.column, separated by ;)'),
      col('expected', 'DOUBLE', '按规则应得的数', 'The number the rule expects'),
      col('actual', 'DOUBLE', '报告中的数', 'The number the report prints'),
      col('message_zh', 'STRING', '说明（中文）', 'Explanation in Chinese'),
      col('message_en', 'STRING', '说明（英文）', 'Explanation in English'),
    ],
    sql: `SELECT f.report_id, r.agency_id, r.year, f.id, f.rule, f.severity, f.status, array_to_string(f.cells, ';'), f.expected::float8, f.actual::float8,
                 f.message_zh, f.message_en
            ${ofSelectedReports('report_finding', 'f')}
           ORDER BY f.report_id, f.id`,
  },
  {
    name: 'narrative_facts',
    zh: '正文事实：报告正文中写明的数字及其出处句子',
    en: 'Narrative facts: numbers the report text states, with the sentence as evidence',
    columns: [
      ...REPORT_KEYS,
      col('fact_id', 'INT32', '编号', 'Id'),
      col('kind', 'STRING', '事实类型', 'Kind of fact'),
      col('value', 'DOUBLE', '数值', 'The number'),
      col('sentence', 'STRING', '出处句子（证据）', 'The sentence it is stated in (evidence)'),
      col('start_offset', 'INT32', '在报告全文中的起始位置（字符）', 'Start offset in the report text (characters)'),
      col('end_offset', 'INT32', '结束位置（字符）', 'End offset (characters)'),
    ],
    sql: `SELECT n.report_id, r.agency_id, r.year, n.id, n.kind, n.value::float8, n.sentence, n.start_offset, n.end_offset
            ${ofSelectedReports('narrative_fact', 'n')}
           ORDER BY n.report_id, n.id`,
  },
];

/** The metric dictionary of @ogi/domain, as the dashboard and the API define the metrics. */
const METRIC_DEFINITIONS_TABLE: DatasetTable = {
  name: 'metric_definitions',
  zh: '指标定义：公式、分母、单位、适用的报告格式和注意事项',
  en: 'Metric definitions: formula, denominator, unit, report formats and caveats',
  columns: [
    col('metric', 'STRING', '指标代码', 'Metric code'),
    col('category', 'STRING', '类别', 'Category'),
    col('name_zh', 'STRING', '名称（中文）', 'Name in Chinese'),
    col('name_en', 'STRING', '名称（英文）', 'Name in English'),
    col('formula_zh', 'STRING', '公式（中文）', 'Formula in Chinese'),
    col('formula_en', 'STRING', '公式（英文）', 'Formula in English'),
    col('denominator_zh', 'STRING', '分母（中文）；计数类为空', 'Denominator in Chinese; empty for counts'),
    col('denominator_en', 'STRING', '分母（英文）', 'Denominator in English'),
    col('unit', 'STRING', '单位', 'Unit'),
    col('templates', 'STRING', '适用的报告格式（以 ; 分隔）', 'Report formats it applies to (separated by ;)'),
    col('caveat_zh', 'STRING', '注意事项（中文）', 'Caveat in Chinese'),
    col('caveat_en', 'STRING', '注意事项（英文）', 'Caveat in English'),
  ],
  rows: () =>
    METRICS.map((m) => [
      m.code,
      m.category,
      m.nameZh,
      m.nameEn,
      m.formulaZh,
      m.formulaEn,
      m.denominatorZh ?? null,
      m.denominatorEn ?? null,
      m.unit,
      m.templates.join(';'),
      m.caveatZh ?? null,
      m.caveatEn ?? null,
    ]),
};

/** The data dictionary: one row per column of every table (also a table of the download). */
export const DICTIONARY_TABLE: DatasetTable = {
  name: 'data_dictionary',
  zh: '数据字典：每个文件每一列的含义',
  en: 'Data dictionary: what each column of each file means',
  columns: [
    col('table_name', 'STRING', '文件（表）', 'File (table)'),
    col('column_name', 'STRING', '列名', 'Column'),
    col('type', 'STRING', 'Parquet 类型', 'Parquet type'),
    col('description_zh', 'STRING', '含义（中文）', 'Meaning in Chinese'),
    col('description_en', 'STRING', '含义（英文）', 'Meaning in English'),
  ],
  rows: () => {
    const rows: unknown[][] = [];
    for (const table of ALL_TABLES) {
      rows.push([table.name, null, null, table.zh, table.en]);
      for (const c of table.columns) rows.push([table.name, c.name, c.type, c.zh, c.en]);
    }
    return rows;
  },
};

/** Every file of the download, in the order they are written. */
export const ALL_TABLES: DatasetTable[] = [...DATASET_TABLES, METRIC_DEFINITIONS_TABLE, DICTIONARY_TABLE];
