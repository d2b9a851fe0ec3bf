/**
 * The official layout of the annual report tables (国办公开办函〔2019〕60号 and 〔2021〕30号), as data.
 * Every other piece of the product — the parser, the validator, the database rows, the dashboard's printed
 * tables — reads the layout from here, so a label or a key is written once.
 */

export type Template = '2019' | '2021';
export const TEMPLATES: readonly Template[] = ['2019', '2021'];

/** Which of the three table sections a cell belongs to. */
export const TABLE_SECTIONS = ['activeDisclosure', 'applications', 'reviewLitigation'] as const;
export type TableSection = (typeof TABLE_SECTIONS)[number];

// ---------------------------------------------------------------------------------------------------------
// Section 二: 主动公开政府信息情况
// ---------------------------------------------------------------------------------------------------------

/** What a section 二 figure is: a count, a signed count (本年增/减), or money (万元). */
export const VALUE_KINDS = ['count', 'signedCount', 'money'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export interface DisclosureField {
  key: string;
  label: string;
  en: string;
  kind: ValueKind;
}

export interface DisclosureRow {
  key: string;
  /** The label as the official format prints it. */
  label: string;
  en: string;
  /** 第二十条第（N）项 — the sub-table the row is printed in. */
  article: '一' | '五' | '六' | '八' | '九';
  fields: readonly DisclosureField[];
}

const f = (key: string, label: string, en: string, kind: ValueKind = 'count'): DisclosureField => ({ key, label, en, kind });

const ISSUED_2021 = [
  f('issued', '本年制发件数', 'issued this year'),
  f('repealed', '本年废止件数', 'repealed this year'),
  f('inForce', '现行有效件数', 'in force'),
];
const MADE_2019 = [
  f('made', '本年新制作数量', 'made this year'),
  f('published', '本年新公开数量', 'published this year'),
  f('totalPublished', '对外公开总数量', 'published to date'),
];
const ITEMS_2019 = [
  f('previousItems', '上一年项目数量', 'items last year'),
  f('change', '本年增/减', 'change this year', 'signedCount'),
  f('decisions', '处理决定数量', 'decisions'),
];
const DECISIONS_2021 = [f('decisions', '本年处理决定数量', 'decisions this year')];

export const DISCLOSURE_ROWS: Record<Template, readonly DisclosureRow[]> = {
  '2021': [
    { key: 'regulations', label: '规章', en: 'Government rules', article: '一', fields: ISSUED_2021 },
    { key: 'normativeDocuments', label: '行政规范性文件', en: 'Normative documents', article: '一', fields: ISSUED_2021 },
    { key: 'licensing', label: '行政许可', en: 'Administrative licensing', article: '五', fields: DECISIONS_2021 },
    { key: 'penalty', label: '行政处罚', en: 'Administrative penalties', article: '六', fields: DECISIONS_2021 },
    { key: 'coercion', label: '行政强制', en: 'Administrative coercion', article: '六', fields: DECISIONS_2021 },
    {
      key: 'fees',
      label: '行政事业性收费',
      en: 'Administrative fees',
      article: '八',
      fields: [f('amountWan', '本年收费金额（单位：万元）', 'fees collected (10k CNY)', 'money')],
    },
  ],
  '2019': [
    { key: 'regulations', label: '规章', en: 'Government rules', article: '一', fields: MADE_2019 },
    { key: 'normativeDocuments', label: '规范性文件', en: 'Normative documents', article: '一', fields: MADE_2019 },
    { key: 'licensing', label: '行政许可', en: 'Administrative licensing', article: '五', fields: ITEMS_2019 },
    { key: 'otherServices', label: '其他对外管理服务事项', en: 'Other external services', article: '五', fields: ITEMS_2019 },
    { key: 'penalty', label: '行政处罚', en: 'Administrative penalties', article: '六', fields: ITEMS_2019 },
    { key: 'coercion', label: '行政强制', en: 'Administrative coercion', article: '六', fields: ITEMS_2019 },
    {
      key: 'fees',
      label: '行政事业性收费',
      en: 'Administrative fees',
      article: '八',
      fields: [f('previousItems', '上一年项目数量', 'fee items last year'), f('change', '本年增/减', 'change this year', 'signedCount')],
    },
    {
      key: 'procurement',
      label: '政府集中采购',
      en: 'Centralised procurement',
      article: '九',
      fields: [f('projects', '采购项目数量', 'projects'), f('amountWan', '采购总金额', 'total amount (10k CNY)', 'money')],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------
// Section 三: 收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------------------

export interface ApplicantColumn {
  key: string;
  label: string;
  en: string;
}

/** The seven numeric columns, in printed order. The last one is the row total. */
export const APPLICANT_COLUMNS: readonly ApplicantColumn[] = [
  { key: 'naturalPerson', label: '自然人', en: 'Natural persons' },
  { key: 'commercialEnterprise', label: '商业企业', en: 'Commercial enterprises' },
  { key: 'researchInstitution', label: '科研机构', en: 'Research institutions' },
  { key: 'socialWelfareOrg', label: '社会公益组织', en: 'Public-interest organisations' },
  { key: 'legalServiceOrg', label: '法律服务机构', en: 'Legal service providers' },
  { key: 'otherOrg', label: '其他', en: 'Other organisations' },
  { key: 'total', label: '总计', en: 'Total' },
];
export const APPLICANT_TOTAL_INDEX = 6;

/** What a row of section 三 is: an input (一/二), an outcome (三), the outcome total (七), or the carry-out (四). */
export type ApplicationRowRole = 'input' | 'outcome' | 'total' | 'carryOut';

/** The outcome groups of 三、本年度办理结果. */
export const OUTCOME_GROUPS = ['granted', 'partiallyGranted', 'withheld', 'unableToProvide', 'notProcessed', 'otherHandling'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export interface ApplicationRow {
  key: string;
  /** The label as printed, without its numbering. */
  label: string;
  /** The numbering printed before the label: 一、 （一） 1. */
  number: string;
  en: string;
  role: ApplicationRowRole;
  group?: OutcomeGroup;
  /** Templates that print this row. */
  templates: readonly Template[];
}

const BOTH: readonly Template[] = ['2019', '2021'];
const ONLY_2021: readonly Template[] = ['2021'];

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, { label: string; number: string; en: string }> = {
  granted: { label: '予以公开', number: '（一）', en: 'Disclosed' },
  partiallyGranted: { label: '部分公开', number: '（二）', en: 'Partly disclosed' },
  withheld: { label: '不予公开', number: '（三）', en: 'Withheld' },
  unableToProvide: { label: '无法提供', number: '（四）', en: 'Unable to provide' },
  notProcessed: { label: '不予处理', number: '（五）', en: 'Not processed' },
  otherHandling: { label: '其他处理', number: '（六）', en: 'Other handling' },
};

const row = (
  key: string,
  number: string,
  label: string,
  en: string,
  role: ApplicationRowRole,
  group?: OutcomeGroup,
  templates: readonly Template[] = BOTH,
): ApplicationRow => (group ? { key, number, label, en, role, group, templates } : { key, number, label, en, role, templates });

/**
 * Every row key of section 三, in printed order. `otherHandling` (one row) and the three `otherHandling.*`
 * rows are alternatives: a 2019 report prints the one row, a 2021 report usually the three (some print one).
 */
export const APPLICATION_ROWS: readonly ApplicationRow[] = [
  row('newReceived', '一、', '本年新收政府信息公开申请数量', 'New applications this year', 'input'),
  row('carriedOver', '二、', '上年结转政府信息公开申请数量', 'Carried over from last year', 'input'),
  row('granted', '（一）', '予以公开', 'Disclosed', 'outcome', 'granted'),
  row('partiallyGranted', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', 'Partly disclosed', 'outcome', 'partiallyGranted'),
  row('withheld.stateSecret', '1.', '属于国家秘密', 'State secret', 'outcome', 'withheld'),
  row('withheld.lawProhibited', '2.', '其他法律行政法规禁止公开', 'Prohibited by other laws', 'outcome', 'withheld'),
  row('withheld.securityStability', '3.', '危及“三安全一稳定”', 'Endangers security or stability', 'outcome', 'withheld'),
  row('withheld.thirdPartyRights', '4.', '保护第三方合法权益', 'Third-party rights', 'outcome', 'withheld'),
  row('withheld.internalAffairs', '5.', '属于三类内部事务信息', 'Internal affairs', 'outcome', 'withheld'),
  row('withheld.processInformation', '6.', '属于四类过程性信息', 'Process information', 'outcome', 'withheld'),
  row('withheld.enforcementFiles', '7.', '属于行政执法案卷', 'Law-enforcement files', 'outcome', 'withheld'),
  row('withheld.administrativeQuery', '8.', '属于行政查询事项', 'Administrative query matter', 'outcome', 'withheld'),
  row('unableToProvide.notHeld', '1.', '本机关不掌握相关政府信息', 'Not held by this agency', 'outcome', 'unableToProvide'),
  row('unableToProvide.needsCreation', '2.', '没有现成信息需要另行制作', 'Would need to be created', 'outcome', 'unableToProvide'),
  row('unableToProvide.stillUnclear', '3.', '补正后申请内容仍不明确', 'Still unclear after correction', 'outcome', 'unableToProvide'),
  row('notProcessed.complaint', '1.', '信访举报投诉类申请', 'Petition or complaint', 'outcome', 'notProcessed'),
  row('notProcessed.repeated', '2.', '重复申请', 'Repeated application', 'outcome', 'notProcessed'),
  row('notProcessed.publication', '3.', '要求提供公开出版物', 'Asks for publications', 'outcome', 'notProcessed'),
  row('notProcessed.massRepeated', '4.', '无正当理由大量反复申请', 'Mass repeated applications', 'outcome', 'notProcessed'),
  row('notProcessed.confirmation', '5.', '要求行政机关确认或重新出具已获取信息', 'Confirm or re-issue obtained information', 'outcome', 'notProcessed'),
  row('otherHandling', '（六）', '其他处理', 'Other handling', 'outcome', 'otherHandling'),
  row(
    'otherHandling.overdueCorrection',
    '1.',
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    'Applicant did not correct in time',
    'outcome',
    'otherHandling',
    ONLY_2021,
  ),
  row(
    'otherHandling.overdueFee',
    '2.',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    'Applicant did not pay the fee in time',
    'outcome',
    'otherHandling',
    ONLY_2021,
  ),
  row('otherHandling.other', '3.', '其他', 'Other', 'outcome', 'otherHandling', ONLY_2021),
  row('total', '（七）', '总计', 'Total handled', 'total'),
  row('carriedForward', '四、', '结转下年度继续办理', 'Carried forward to next year', 'carryOut'),
];

export const OTHER_HANDLING_SUBROWS = ['otherHandling.overdueCorrection', 'otherHandling.overdueFee', 'otherHandling.other'] as const;

export const APPLICATION_ROW_BY_KEY: ReadonlyMap<string, ApplicationRow> = new Map(APPLICATION_ROWS.map((r) => [r.key, r]));

/**
 * The rows a report prints, in order: the 2019 template and a 2021 report printing （六） as one row use
 * `otherHandling`; a 2021 report with the three numbered sub-rows uses those.
 */
export function applicationRowKeys(otherHandlingAsOneRow: boolean): string[] {
  return APPLICATION_ROWS.filter((r) => (r.key === 'otherHandling' ? otherHandlingAsOneRow : r.group === 'otherHandling' ? !otherHandlingAsOneRow : true)).map(
    (r) => r.key,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Section 四: 政府信息公开行政复议、行政诉讼情况
// ---------------------------------------------------------------------------------------------------------

export const REVIEW_GROUP_KEYS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type ReviewGroupKey = (typeof REVIEW_GROUP_KEYS)[number];

export interface ReviewGroup {
  key: ReviewGroupKey;
  label: string;
  en: string;
}

export const REVIEW_GROUPS: readonly ReviewGroup[] = [
  { key: 'review', label: '行政复议', en: 'Administrative review' },
  { key: 'litigationDirect', label: '行政诉讼（未经复议直接起诉）', en: 'Litigation, direct' },
  { key: 'litigationAfterReview', label: '行政诉讼（复议后起诉）', en: 'Litigation after review' },
];

export const REVIEW_COLUMNS: readonly ApplicantColumn[] = [
  { key: 'upheld', label: '结果维持', en: 'Upheld' },
  { key: 'corrected', label: '结果纠正', en: 'Corrected' },
  { key: 'other', label: '其他结果', en: 'Other result' },
  { key: 'pending', label: '尚未审结', en: 'Pending' },
  { key: 'total', label: '总计', en: 'Total' },
];
export const REVIEW_TOTAL_INDEX = 4;

/** The printed heading of each of the six sections, canonical form. */
export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  activeDisclosure: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;
