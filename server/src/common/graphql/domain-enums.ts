/** The closed sets of @ogi/domain that the API answers with, registered once as GraphQL enums. */
import {
  AGENCY_KIND_VALUES,
  AGENCY_MATCH_REASONS,
  COMPARED_REPORT_FIELDS,
  FETCHED_URL_KINDS,
  FETCHED_URL_STATUSES,
  LISTING_CHECK_OUTCOMES,
  METRIC_CATEGORIES,
  METRIC_UNITS,
  NARRATIVE_FACT_KINDS,
  OUTCOME_GROUPS,
  RECONCILIATION_BASES,
  REPARSE_STATUSES,
  REPORT_FORMATS,
  REVIEW_GROUP_KEYS,
  TABLE_SECTIONS,
  VALUE_KINDS,
  type AgencyMatchReason,
  type ComparedReportField,
  type FetchedUrlKind,
  type FetchedUrlStatus,
  type ListingCheckOutcome,
  type MetricCategory,
  type MetricUnit,
  type NarrativeFactKind,
  type OutcomeGroup,
  type ReconciliationBasis,
  type ReparseStatus,
  type ReportFormat,
  type ReviewGroupKey,
  type TableSection,
  type ValueKind,
  AGENCY_LEVEL_VALUES,
  CELL_STATES,
  CORRECTION_STATUSES,
  DISCOVERY_STATES,
  FINDING_STATUSES,
  FOLLOW_UP_REASONS,
  FOLLOW_UP_STATUSES,
  INGEST_BATCH_ORIGINS,
  INGEST_BATCH_STATUSES,
  INGEST_ITEM_STATUSES,
  MATRIX_SORT_KEYS,
  NOTABLE_CHANGE_KINDS,
  REPORT_SCOPES,
  SEVERITIES,
  SORT_DIRECTIONS,
  SUBMISSION_FILTERS,
  SUBMISSION_STATUSES,
  THRESHOLD_COLOURS,
  THRESHOLD_DIRECTIONS,
  type AgencyKind,
  type AgencyLevel,
  type CellState,
  type CorrectionStatus,
  type DiscoveryState,
  type FindingStatus,
  type FollowUpReason,
  type FollowUpStatus,
  type IngestBatchOrigin,
  type IngestBatchStatus,
  type IngestItemStatus,
  type MatrixSortBy,
  type NotableChangeKind,
  type ReportScope,
  type Severity,
  type SortDirection,
  type SubmissionFilter,
  type SubmissionStatus,
  type ThresholdColour,
  type ThresholdDirection,
} from '@ogi/domain';
import { closedSetEnum } from './closed-set-enum.js';

const SEVERITY_WORDS: Record<Severity, string> = {
  error: '错误：表格数据不能自洽（勾稽关系不成立）。The tables do not add up.',
  warning: '警告：可能有误，需核实。Possibly wrong; to be checked.',
  info: '提示：值得注意，不算错误。Worth knowing; not an error.',
};
const SCOPE_WORDS: Record<ReportScope, string> = {
  self: '本机关：机关自身的工作。The agency’s own work.',
  region_aggregate: '地区汇总：政府汇总本地区各机关（全市/全区…）。A government’s summary of its region.',
  system_aggregate: '系统汇总：部门汇总本系统各单位。A department’s summary of its system.',
};
const KIND_WORDS: Record<AgencyKind, string> = {
  government: '政府：年报期限为次年 3 月 31 日。A government: reports by 31 March.',
  department: '政府部门：次年 1 月 31 日。A government department: by 31 January.',
  dispatched: '派出机构：次年 1 月 31 日。A dispatched agency: by 31 January.',
  other: '其他机关：次年 1 月 31 日。Another kind of agency: by 31 January.',
};
const LEVEL_WORDS: Record<AgencyLevel, string> = {
  province: '省级。Province.',
  city: '市级。City.',
  county: '县级。County.',
  township: '乡镇。Township.',
};

export const SeverityEnum = closedSetEnum('Severity', SEVERITIES, 'How much a finding matters.', (s) => SEVERITY_WORDS[s]);
export const ReportScopeEnum = closedSetEnum('ReportScope', REPORT_SCOPES, "What a report's figures cover.", (s) => SCOPE_WORDS[s]);
export const AgencyKindEnum = closedSetEnum(
  'AgencyKind',
  AGENCY_KIND_VALUES,
  'What an agency is; decides its publication deadline (for data years up to 2018, the 2008 regulation gave every agency until 31 March).',
  (k) => KIND_WORDS[k],
);
export const AgencyLevelEnum = closedSetEnum('AgencyLevel', AGENCY_LEVEL_VALUES, 'The administrative level of an agency.', (l) => LEVEL_WORDS[l]);

const SUBMISSION_WORDS: Record<SubmissionStatus, string> = {
  ON_TIME: '按时：当前年报在期限内发布。Published by the deadline.',
  LATE: '逾期：当前年报在期限后发布。Published after the deadline.',
  DATE_UNKNOWN: '日期不明：年报未印发布日期。The report prints no date.',
  MISSING: '未发布：期限后检查未找到，或编辑已标记。None found by a check after the deadline, or marked by an editor.',
  NOT_CHECKED: '未检查：期限已过，无年报，之后未检查。Deadline passed, no report, not checked since.',
  NOT_DUE: '未到期：期限未到，尚无年报。Deadline not passed, no report yet.',
};
const DISCOVERY_WORDS: Record<DiscoveryState, string> = {
  IMPORTED: '已导入：年报已在库中。The report is in the database.',
  PUBLISHED_NOT_IMPORTED: '已发布未导入：栏目页有当年年报链接，但无法导入。The listing links a report that could not be imported.',
  NOT_FOUND: '未找到：栏目页没有当年年报。The listing page has no report for the year.',
  FAILED: '检查失败：栏目页无法读取。The listing page could not be read.',
  NOT_CHECKED: '未检查。Not checked.',
};
const ORIGIN_WORDS: Record<IngestBatchOrigin, string> = {
  upload: '网页上传。An upload in the dashboard.',
  cli: '命令行 pnpm ingest。A `pnpm ingest` run.',
  seed: '样例导入。The sample import.',
  url: '按网址抓取。Fetched from web addresses.',
};
const BATCH_WORDS: Record<IngestBatchStatus, string> = {
  running: '进行中。Running.',
  interrupted: '已中断：进程在完成前停止，可继续。Its process stopped before the end: resume it.',
  done: '已完成。Done.',
};
const ITEM_WORDS: Record<IngestItemStatus, string> = {
  pending: '待处理：批次进行中或已中断。Not done yet: the batch is running or was interrupted.',
  stored: '已保存为新年报或新版本。Stored as a new report or a new version.',
  duplicate: '重复：库中已有。Already present.',
  failed: '失败：见原因。Refused; see its reason.',
};
const CORRECTION_WORDS: Record<CorrectionStatus, string> = {
  active: '生效中。In force.',
  stale: '已失效：原文现在读出的值不同（重新解析或新版本后），不再应用。The source reads differently now, so it is no longer applied.',
  superseded: '已被同一单元格的后续更正取代。Replaced by a later correction of the same cell.',
  withdrawn: '已撤回。Withdrawn by an editor.',
};
const FOLLOW_UP_STATUS_WORDS: Record<FollowUpStatus, string> = {
  pending: '待提醒。Not yet reminded.',
  reminded: '已提醒。Reminded.',
  resolved: '已整改。Resolved.',
  exempt: '豁免。Exempt.',
};
const FOLLOW_UP_REASON_WORDS: Record<FollowUpReason, string> = {
  missing: '未发布年报。No report.',
  late: '逾期发布。Published late.',
  contradicted: '表格数据不能自洽。The tables do not add up.',
  flagged: '红色或显著变化。A red colour or a notable change.',
};
const FINDING_STATUS_WORDS: Record<FindingStatus, string> = {
  failed: '不成立：规则不成立。The rule does not hold.',
  unverifiable: '无法核验：所需单元格为空。A cell it needs is blank.',
  notice: '提示：未出错，但值得注意。Nothing broke, but look.',
};
const CELL_STATE_WORDS: Record<CellState, string> = {
  NUMERIC: '数字。A number.',
  ZERO: '印为 0。A printed zero.',
  EMPTY: '空白。Nothing printed.',
  NA: '“不适用”等标记。A not-applicable mark.',
  TEXT: '其他文字。Other text.',
};
const DIRECTION_WORDS: Record<ThresholdDirection, string> = {
  higher: '越高越好：低于红线为红。A low value is bad (red below the red bound).',
  lower: '越低越好：高于红线为红。A high value is bad (red above the red bound).',
};
const COLOUR_WORDS: Record<ThresholdColour, string> = {
  red: '红。Red: past the red bound.',
  yellow: '黄。Yellow: past the yellow bound.',
  green: '绿。Green: within the yellow bound, with enough sample.',
  small_sample: '样本不足，不着色。Below the least sample: not coloured.',
  no_value: '年报未给出数值。The report gives no value.',
};
const CHANGE_WORDS: Record<NotableChangeKind, string> = {
  jump: '同比突变。A year-on-year jump.',
  outlier: '明显偏离同级机关。Far from its peers.',
};

export const SubmissionStatusEnum = closedSetEnum(
  'SubmissionStatus',
  SUBMISSION_STATUSES,
  'Whether an agency has published its report for a year, and when (China Standard Time).',
  (s) => SUBMISSION_WORDS[s],
);
const FILTER_WORDS: Record<SubmissionFilter, string> = {
  ...SUBMISSION_WORDS,
  FAILING: '报告有未通过的勾稽校验。The report fails a consistency check.',
  PUBLISHED_NOT_IMPORTED: '机关网站已发布、本系统尚未导入。Listed on the agency’s site, not imported here.',
};
const SORT_WORDS: Record<MatrixSortBy, string> = {
  AGENCY: '按机关名称。By agency name.',
  PROBLEMS: '按待催办的多少：逾期未报、迟报加上未通过校验的报告（默认）。By how much there is to chase (the default).',
  YEAR: '按 sortYear 那一年的状态：未报，再按迟报天数、未通过校验。By the status of the year sortYear.',
};
const SORT_DIRECTION_WORDS: Record<SortDirection, string> = { ASC: '升序。Ascending.', DESC: '降序。Descending.' };
export const SubmissionFilterEnum = closedSetEnum(
  'SubmissionFilter',
  SUBMISSION_FILTERS,
  'What a summary tile counts and the submissions can be filtered by: a status, a failing check, or published but not imported.',
  (f) => FILTER_WORDS[f],
);
export const MatrixSortByEnum = closedSetEnum('MatrixSortBy', MATRIX_SORT_KEYS, 'How the submissions matrix is ordered.', (k) => SORT_WORDS[k]);
export const SortDirectionEnum = closedSetEnum('SortDirection', SORT_DIRECTIONS, 'Ascending or descending.', (d) => SORT_DIRECTION_WORDS[d]);
export const DiscoveryStateEnum = closedSetEnum('DiscoveryState', DISCOVERY_STATES, "What the agency's site shows for a year.", (s) => DISCOVERY_WORDS[s]);
export const IngestBatchOriginEnum = closedSetEnum('IngestBatchOrigin', INGEST_BATCH_ORIGINS, 'Where an import batch came from.', (o) => ORIGIN_WORDS[o]);
export const IngestBatchStatusEnum = closedSetEnum('IngestBatchStatus', INGEST_BATCH_STATUSES, 'The state of an import batch.', (s) => BATCH_WORDS[s]);
export const IngestItemStatusEnum = closedSetEnum(
  'IngestItemStatus',
  INGEST_ITEM_STATUSES,
  'What became of one file of an import batch.',
  (s) => ITEM_WORDS[s],
);
export const CorrectionStatusEnum = closedSetEnum(
  'CorrectionStatus',
  CORRECTION_STATUSES,
  "The state of an editor's cell correction.",
  (s) => CORRECTION_WORDS[s],
);
export const FollowUpStatusEnum = closedSetEnum('FollowUpStatus', FOLLOW_UP_STATUSES, 'Where a follow-up item stands.', (s) => FOLLOW_UP_STATUS_WORDS[s]);
export const FollowUpReasonEnum = closedSetEnum('FollowUpReason', FOLLOW_UP_REASONS, 'Why an agency is followed up.', (r) => FOLLOW_UP_REASON_WORDS[r]);
export const FindingStatusEnum = closedSetEnum('FindingStatus', FINDING_STATUSES, 'What a consistency check found.', (s) => FINDING_STATUS_WORDS[s]);
export const CellStateEnum = closedSetEnum('CellState', CELL_STATES, 'How a table cell was printed.', (s) => CELL_STATE_WORDS[s]);
export const ThresholdDirectionEnum = closedSetEnum('ThresholdDirection', THRESHOLD_DIRECTIONS, 'Which end of a metric is good.', (d) => DIRECTION_WORDS[d]);
export const ThresholdColourEnum = closedSetEnum('ThresholdColour', THRESHOLD_COLOURS, "An agency's colour in a league table.", (c) => COLOUR_WORDS[c]);
export const NotableChangeKindEnum = closedSetEnum(
  'NotableChangeKind',
  NOTABLE_CHANGE_KINDS,
  'What kind of notable change was flagged.',
  (k) => CHANGE_WORDS[k],
);

const FORMAT_WORDS: Record<ReportFormat, string> = {
  text: '纯文本。Plain text.',
  markdown: 'Markdown 文本。Markdown text.',
  html: '网页（HTML）。A web page.',
  pdf: 'PDF 文件。A PDF file.',
  docx: 'Word 文档（.docx）。A Word document.',
  doc: '旧版 Word 文档（.doc/.wps）。An old-style Word document.',
  xlsx: 'Excel 表格（.xlsx/.xls）。A spreadsheet.',
};
const LISTING_OUTCOME_WORDS: Record<ListingCheckOutcome, string> = {
  IMPORTED: '已导入：找到当年年报并已在库中。The year’s report was found and is in the database.',
  PUBLISHED_NOT_IMPORTED: '已发布未导入：有当年年报链接，但无法导入。A link for the year is there but could not be imported.',
  NOT_FOUND: '未找到：栏目页没有当年年报。The listing page has no report for the year.',
  FAILED: '检查失败：栏目页无法读取。The listing page could not be read.',
};
const FETCHED_KIND_WORDS: Record<FetchedUrlKind, string> = {
  page: '年报网页。A report page.',
  listing: '年报栏目页（列出各年年报）。A listing page of reports.',
  attachment: '网页所附的年报文件。A report file attached to a page.',
  file: '年报文件。A report file.',
};
const FETCHED_STATUS_WORDS: Record<FetchedUrlStatus, string> = {
  stored: '已保存为新年报或新版本。Stored as a new report or a new version.',
  duplicate: '重复：库中已有。Already in the database.',
  failed: '失败：见原因。Refused; see its error.',
  listing: '栏目页：其年报链接逐条处理。A listing page; its report links follow.',
};
const REPARSE_WORDS: Record<ReparseStatus, string> = {
  updated: '已更新：新的读取结果取代了旧的。The new reading replaced the old one.',
  unchanged: '无变化。Nothing changed.',
  failed: '失败：未做任何改动，见错误。Nothing changed; see the error.',
};
const VALUE_KIND_WORDS: Record<ValueKind, string> = {
  count: '件数（非负整数）。A count (a whole number ≥ 0).',
  signedCount: '本年增/减（可为负的整数）。A change this year (a whole number, may be negative).',
  money: '金额（万元）。An amount in 万元 (10 000 CNY).',
};
const NARRATIVE_WORDS: Record<NarrativeFactKind, string> = {
  applicationsReceived: '收到申请数。Applications received.',
  applicationsHandled: '办结申请数。Applications handled.',
  applicationsCarriedForward: '结转下年度继续办理数。Applications carried forward.',
  reviews: '行政复议数。Administrative reviews.',
  lawsuits: '行政诉讼数。Lawsuits.',
  onTimeRate: '按时答复率（0–1）。The on-time reply rate (0–1).',
  allOnTime: '“均按时答复”（值为 1）。“All replied on time” (value 1).',
  overdueReplies: '逾期答复数。Late replies.',
  extendedReplies: '延期答复数：在条例允许的延长期内答复，不算逾期。Replies within the extension the regulation allows: not late.',
  processingFeeYuan: '收取信息处理费（元）。Processing fees charged, in yuan.',
  normativeDocumentsIssued: '制发规范性文件数。Normative documents issued.',
};
const UNIT_WORDS: Record<MetricUnit, string> = {
  applications: '件（申请）。Applications.',
  cases: '件（案件）。Cases.',
  ratio: '比率，0–1。A ratio, 0–1.',
  per100: '每百件申请。Per 100 applications.',
  documents: '件（文件）。Documents.',
  decisions: '件（决定）。Decisions.',
  items: '项。Items.',
  projects: '个（项目）。Projects.',
  wan: '万元（10 000 元）。10 000 CNY.',
};
const CATEGORY_WORDS: Record<MetricCategory, string> = {
  applications: '申请数量。Applications.',
  outcomes: '办理结果。Outcomes.',
  withholding: '不予公开的理由。Grounds for withholding.',
  applicants: '申请人类型。Applicants.',
  reviewLitigation: '行政复议和行政诉讼。Reviews and litigation.',
  activeDisclosure: '主动公开。Proactive disclosure.',
  timeliness: '答复时效。Timeliness.',
};
const RECONCILIATION_WORDS: Record<ReconciliationBasis, string> = {
  PRINTED: '采用原印合计（默认），矛盾时标记为表内矛盾。The printed total (the default), marked contradicted when its parts disagree.',
  PARTS: '采用分项之和（理由见 reconciliationReasonZh）。The sum of the parts (see reconciliationReasonZh).',
};
const SECTION_WORDS: Record<TableSection, string> = {
  activeDisclosure: '二、主动公开政府信息情况。Section 二, proactive disclosure.',
  applications: '三、收到和处理政府信息公开申请情况。Section 三, applications.',
  reviewLitigation: '四、行政复议、行政诉讼情况。Section 四, reviews and litigation.',
};
const MATCH_REASON_WORDS: Record<AgencyMatchReason, string> = {
  shortened: '简称：多或少了地名前缀。A shortened name: place names left off or added.',
  typo: '错字：相差一个字。A typo: one character differs.',
};
const OUTCOME_GROUP_WORDS: Record<OutcomeGroup, string> = {
  granted: '（一）予以公开。Disclosed.',
  partiallyGranted: '（二）部分公开。Partly disclosed.',
  withheld: '（三）不予公开。Withheld.',
  unableToProvide: '（四）无法提供。Unable to provide.',
  notProcessed: '（五）不予处理。Not processed.',
  otherHandling: '（六）其他处理。Other handling.',
};
const REVIEW_GROUP_WORDS: Record<ReviewGroupKey, string> = {
  review: '行政复议。Administrative review.',
  litigationDirect: '行政诉讼（未经复议直接起诉）。Litigation, direct.',
  litigationAfterReview: '行政诉讼（复议后起诉）。Litigation after review.',
};

export const ReportFormatEnum = closedSetEnum(
  'ReportFormat',
  REPORT_FORMATS,
  'The container a report arrived in, detected from its content.',
  (f) => FORMAT_WORDS[f],
);
export const ListingCheckOutcomeEnum = closedSetEnum(
  'ListingCheckOutcome',
  LISTING_CHECK_OUTCOMES,
  "What one check of an agency's listing page found for a data year.",
  (o) => LISTING_OUTCOME_WORDS[o],
);
export const FetchedUrlKindEnum = closedSetEnum('FetchedUrlKind', FETCHED_URL_KINDS, 'What a fetched address turned out to be.', (k) => FETCHED_KIND_WORDS[k]);
export const FetchedUrlStatusEnum = closedSetEnum(
  'FetchedUrlStatus',
  FETCHED_URL_STATUSES,
  'What came of fetching an address.',
  (s) => FETCHED_STATUS_WORDS[s],
);
export const ReparseStatusEnum = closedSetEnum(
  'ReparseStatus',
  REPARSE_STATUSES,
  'What came of re-reading a report with the current parser.',
  (s) => REPARSE_WORDS[s],
);
export const ValueKindEnum = closedSetEnum('ValueKind', VALUE_KINDS, 'What a section 二 figure is, and so which values it takes.', (k) => VALUE_KIND_WORDS[k]);
export const NarrativeFactKindEnum = closedSetEnum(
  'NarrativeFactKind',
  NARRATIVE_FACT_KINDS,
  'What a number stated in the report text (sections 一, 五, 六) is.',
  (k) => NARRATIVE_WORDS[k],
);
export const MetricUnitEnum = closedSetEnum('MetricUnit', METRIC_UNITS, "A metric's unit.", (u) => UNIT_WORDS[u]);
export const MetricCategoryEnum = closedSetEnum('MetricCategory', METRIC_CATEGORIES, 'The group a metric is listed under.', (c) => CATEGORY_WORDS[c]);
export const ReconciliationBasisEnum = closedSetEnum(
  'ReconciliationBasis',
  RECONCILIATION_BASES,
  'Which reading a metric uses when a printed total contradicts its parts.',
  (b) => RECONCILIATION_WORDS[b],
);
export const TableSectionEnum = closedSetEnum(
  'TableSection',
  TABLE_SECTIONS,
  'The table section of the official format a cell belongs to.',
  (s) => SECTION_WORDS[s],
);
export const AgencyMatchReasonEnum = closedSetEnum(
  'AgencyMatchReason',
  AGENCY_MATCH_REASONS,
  'Why a printed name was proposed as a registered agency.',
  (r) => MATCH_REASON_WORDS[r],
);
export const OutcomeGroupEnum = closedSetEnum(
  'OutcomeGroup',
  OUTCOME_GROUPS,
  'An outcome group of section 三 (三、本年度办理结果).',
  (g) => OUTCOME_GROUP_WORDS[g],
);
export const ReviewGroupKeyEnum = closedSetEnum('ReviewGroupKey', REVIEW_GROUP_KEYS, 'A group of section 四.', (g) => REVIEW_GROUP_WORDS[g]);
const COMPARED_FIELD_WORDS: Record<ComparedReportField, string> = {
  publishedOn: '发布日期。The publication date.',
  daysLate: '逾期天数。Days late.',
  template: '格式版本（2019 或 2021）。The format version (2019 or 2021).',
  scope: '统计范围。The scope.',
  printedAgencyName: '年报所印机关名称。The agency name the report prints.',
};
export const ComparedReportFieldEnum = closedSetEnum(
  'ComparedReportField',
  COMPARED_REPORT_FIELDS,
  'A property of a report, beside its cells, compared between two versions.',
  (f) => COMPARED_FIELD_WORDS[f],
);
