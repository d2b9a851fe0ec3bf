/**
 * A finding: one thing a check noticed about a report. Rule codes are stable identifiers; messages are for people.
 */
/** How much a finding matters, worst first: the closed set the API, the filters and the dashboard share. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_CODES = [
  /** Rule 1: per column, 新收 + 上年结转 = （七）总计 + 结转下年度 (printed in the table itself). */
  'S3_BALANCE',
  /** Rule 2: per column, （七）总计 = the sum of every outcome row. */
  'S3_OUTCOME_SUM',
  /** Rule 3: per row, the six applicant columns add up to 总计. */
  'S3_ROW_SUM',
  /** Rule 4: per section 四 group, 维持 + 纠正 + 其他 + 尚未审结 = 总计. */
  'S4_GROUP_SUM',
  /** Rule 5: this year's 上年结转 = last year's 结转下年度. */
  'CROSS_YEAR_CARRY',
  /** Rule 6: numbers the narrative restates agree with the tables. */
  'NARRATIVE_MISMATCH',
  /** A cell the table has but the document left blank: rules that need it cannot be checked. */
  'CELL_MISSING',
  /** A count below zero where only counts ≥ 0 make sense. */
  'NEGATIVE_COUNT',
  /** A value the parser had to choose among several readings (glued digits). */
  'UNCERTAIN_READING',
  /** Published after the legal deadline (31 Jan for departments, 31 Mar for governments). */
  'LATE_PUBLICATION',
  /** An editor's correction of a cell no longer applies: the cell reads differently in the source now (re-parse or new version). */
  'CORRECTION_STALE',
  /** The report's detected scope (own work / region aggregate) differs from the agency's usual scope in the registry. */
  'SCOPE_MISMATCH',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** `failed`: the rule does not hold. `unverifiable`: a cell it needs is blank. `notice`: nothing broke, but look. */
export const FINDING_STATUSES = ['failed', 'unverifiable', 'notice'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  rule: RuleCode;
  severity: Severity;
  status: FindingStatus;
  /** Cell paths involved, e.g. `applications.newReceived[0]`. */
  cells: string[];
  /** The value the rule expects (computed from the other cells), when it can say. */
  expected: number | null;
  /** The value printed. */
  actual: number | null;
  message: { zh: string; en: string };
}

export const RULE_DESCRIPTIONS: Record<RuleCode, { zh: string; en: string; severity: Severity }> = {
  S3_BALANCE: {
    zh: '每列：本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理',
    en: 'Per column: new + carried over = total handled + carried forward',
    severity: 'error',
  },
  S3_OUTCOME_SUM: { zh: '每列：（七）总计 = 各项办理结果之和', en: 'Per column: total handled = sum of outcome rows', severity: 'error' },
  S3_ROW_SUM: { zh: '每行：六类申请人之和 = 总计', en: 'Per row: the six applicant columns add up to the total', severity: 'error' },
  S4_GROUP_SUM: {
    zh: '复议、诉讼各组：维持 + 纠正 + 其他 + 尚未审结 = 总计',
    en: 'Per review/litigation group: upheld + corrected + other + pending = total',
    severity: 'error',
  },
  CROSS_YEAR_CARRY: {
    zh: '本年“上年结转”应等于上一年报告的“结转下年度继续办理”',
    en: "This year's carried-over equals last year's carried-forward",
    severity: 'warning',
  },
  NARRATIVE_MISMATCH: {
    zh: '正文中重述的数字应与表格一致',
    en: 'Numbers restated in the text agree with the tables',
    severity: 'warning',
  },
  CELL_MISSING: { zh: '表格单元格空白（空白不等于零）', en: 'Blank table cells (blank is not zero)', severity: 'warning' },
  NEGATIVE_COUNT: { zh: '件数不应为负数', en: 'Counts cannot be negative', severity: 'error' },
  UNCERTAIN_READING: {
    zh: '数字粘连，存在多种拆分方式，已选最可能的一种',
    en: 'Digits printed without separators admit several readings; the most plausible was chosen',
    severity: 'info',
  },
  LATE_PUBLICATION: {
    zh: '晚于法定期限公布（部门 1 月 31 日前，政府 3 月 31 日前）',
    en: 'Published after the legal deadline (31 Jan for departments, 31 Mar for governments)',
    severity: 'warning',
  },
  SCOPE_MISMATCH: {
    zh: '报告口径（本机关 / 地区汇总）与登记的该机关常规口径不同',
    en: "The report's scope (own work / region aggregate) differs from the agency's usual scope in the registry",
    severity: 'warning',
  },
  CORRECTION_STALE: {
    zh: '人工更正未再应用：该单元格在原件中的内容已变化，请重新核对',
    en: "An editor's correction is no longer applied: the cell reads differently in the source now; check it again",
    severity: 'warning',
  },
};
