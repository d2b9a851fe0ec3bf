/** The closed sets of @ogi/domain that the API answers with, registered once as GraphQL enums. */
import {
  AGENCY_KIND_VALUES,
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
