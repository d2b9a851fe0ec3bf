/**
 * The metric dictionary: every figure the dashboard and the API compute from reports, with its formula and
 * denominator in words, the format versions it applies to, and its caveats. The server stores each metric's
 * numerator and denominator per report so that roll-ups over many agencies divide sums, never average ratios.
 */
import { APPLICATION_ROWS, APPLICANT_TOTAL_INDEX, OTHER_HANDLING_SUBROWS, REVIEW_TOTAL_INDEX, type Template } from './report-layout.js';
import type { ActiveDisclosure, Applications, CellValue, NarrativeFact, ReviewLitigation } from './parsed-report.js';
import type { Finding } from './consistency/finding.js';
import { cellStanding, recordingTables, tablesFromParts, unitKeys, valueQuality, type MetricQuality } from './metric-quality.js';

export const METRIC_UNITS = ['applications', 'cases', 'ratio', 'per100', 'documents', 'decisions', 'items', 'projects', 'wan'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];
/** How a unit is written next to a value (exports, tables). */
export const METRIC_UNIT_LABELS: Record<MetricUnit, { zh: string; en: string }> = {
  applications: { zh: '件', en: 'applications' },
  cases: { zh: '件', en: 'cases' },
  ratio: { zh: '比率（0–1）', en: 'ratio (0–1)' },
  per100: { zh: '每百件申请', en: 'per 100 applications' },
  documents: { zh: '件', en: 'documents' },
  decisions: { zh: '件', en: 'decisions' },
  items: { zh: '项', en: 'items' },
  projects: { zh: '个', en: 'projects' },
  wan: { zh: '万元', en: '10 000 CNY' },
};

export const METRIC_CATEGORIES = ['applications', 'outcomes', 'withholding', 'applicants', 'reviewLitigation', 'activeDisclosure', 'timeliness'] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];

/** Which reading a metric uses when a printed total contradicts its parts (see RECONCILIATION_POLICY). */
export const RECONCILIATION_BASES = ['PRINTED', 'PARTS'] as const;
export type ReconciliationBasis = (typeof RECONCILIATION_BASES)[number];

export interface MetricInput {
  template: Template | null;
  applications: Applications;
  reviewLitigation: ReviewLitigation;
  activeDisclosure: ActiveDisclosure;
  narrative?: readonly NarrativeFact[];
}

/** A ratio has a denominator; a count has none. `value` is null when a needed cell is blank or the base is 0. */
export interface MetricValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface MetricDefinition {
  code: string;
  category: MetricCategory;
  nameZh: string;
  nameEn: string;
  formulaZh: string;
  formulaEn: string;
  /** For ratios: what is divided by, in words. */
  denominatorZh?: string;
  denominatorEn?: string;
  unit: MetricUnit;
  /** Format versions this metric can be computed for. */
  templates: readonly Template[];
  caveatZh?: string;
  caveatEn?: string;
  /** Higher is better (for rankings' default order and colour), when that is meaningful. */
  higherIsBetter?: boolean;
  /**
   * Which reading the metric uses when a printed total contradicts its parts (both are stored; see
   * RECONCILIATION_POLICY): `printed` unless stated, with the reason when it is `parts`.
   */
  reconciliation?: { basis: 'parts'; reasonZh: string; reasonEn: string };
  /** A figure the report states in its text (the tables cannot check it). */
  selfReported?: boolean;
  /** The narrative statements a self-reported figure rests on: shown beside it as evidence. */
  evidenceKinds?: readonly NarrativeFact['kind'][];
  compute(input: MetricInput): MetricValue;
}

/**
 * The reconciliation policy for a printed total that contradicts its parts: the printed value is kept as printed,
 * the value the parts give is computed beside it (tablesFromParts), and each metric says which one it uses. The
 * default is the printed figure — it is what the agency published and what a reader finds in the report — and the
 * value is then marked contradicted, so rankings leave it out and charts mark it. A metric uses the parts where the
 * printed figure it reads is a split that the report's own balance shows to be wrong.
 */
export const RECONCILIATION_POLICY = {
  zh: '表内合计与其分项矛盾时：保留原印数字，同时按分项计算一个值；指标默认采用原印数字并标记为“表内矛盾”（排名默认不计），个别指标（见其说明）采用分项值。报告页同时显示两者。',
  en: 'When a printed total contradicts its parts, the printed figure is kept and the value from the parts is computed beside it; a metric uses the printed figure (marked contradicted, left out of rankings by default) unless its definition says it uses the parts. The report page shows both.',
} as const;

const BOTH: readonly Template[] = ['2019', '2021'];

/** The narrative statements about replying within the legal time that the on-time rate rests on. */
export const ON_TIME_KINDS: readonly NarrativeFact['kind'][] = ['onTimeRate', 'overdueReplies', 'extendedReplies', 'allOnTime'];

// ---- helpers over the tables ----

const total = (a: Applications, row: string): CellValue => a[row]?.[APPLICANT_TOTAL_INDEX] ?? null;
const addAll = (xs: CellValue[]): CellValue => (xs.some((x) => x === null) ? null : xs.reduce<number>((s, x) => s + x!, 0));
const outcomeRowsOf = (group: string) => APPLICATION_ROWS.filter((r) => r.group === group).map((r) => r.key);

/**
 * Σ of an outcome group's rows (总计 column), taking the （六） row or its sub-rows, whichever the report prints.
 * null when a row it needs is blank (blank is not zero).
 */
export function outcomeGroupTotal(a: Applications, group: string): CellValue {
  if (group === 'otherHandling') {
    const sub = ['otherHandling.overdueCorrection', 'otherHandling.overdueFee', 'otherHandling.other'];
    if (sub.some((k) => total(a, k) !== null)) return addAll(sub.map((k) => total(a, k)));
    return total(a, 'otherHandling');
  }
  return addAll(outcomeRowsOf(group).map((k) => total(a, k)));
}

const count = (value: CellValue): MetricValue => ({ value, numerator: value, denominator: null });
const ratio = (numerator: CellValue, denominator: CellValue, scale = 1): MetricValue => ({
  value: numerator === null || denominator === null || denominator === 0 ? null : (numerator / denominator) * scale,
  numerator,
  denominator,
});
const reviewCell = (r: ReviewLitigation, group: string, col: number): CellValue => r[group]?.[col] ?? null;
const litigation = (r: ReviewLitigation, col: number) => addAll([reviewCell(r, 'litigationDirect', col), reviewCell(r, 'litigationAfterReview', col)]);
const disclosure = (d: ActiveDisclosure, row: string, field: string): CellValue => d[row]?.[field] ?? null;

/** A definition whose code stays a literal type, so MetricCode below is the closed set of the dictionary's codes. */
function def<const C extends string>(m: MetricDefinition & { code: C }): MetricDefinition & { code: C } {
  return m;
}

const WITHHOLDING_REASONS = APPLICATION_ROWS.filter((r) => r.group === 'withheld');

export const METRICS = [
  // ---- volumes ----
  def({
    code: 'applications.new',
    category: 'applications',
    nameZh: '本年新收申请',
    nameEn: 'New applications',
    formulaZh: '一、本年新收政府信息公开申请数量（总计列）',
    formulaEn: 'Row 一 (new applications this year), total column',
    unit: 'applications',
    templates: BOTH,
    compute: (i) => count(total(i.applications, 'newReceived')),
  }),
  def({
    code: 'applications.carriedOver',
    category: 'applications',
    nameZh: '上年结转申请',
    nameEn: 'Carried over from last year',
    formulaZh: '二、上年结转政府信息公开申请数量（总计列）',
    formulaEn: 'Row 二 (carried over), total column',
    unit: 'applications',
    templates: BOTH,
    compute: (i) => count(total(i.applications, 'carriedOver')),
  }),
  def({
    code: 'applications.received',
    category: 'applications',
    nameZh: '受理量',
    nameEn: 'Applications to handle',
    formulaZh: '本年新收 + 上年结转',
    formulaEn: 'new + carried over',
    unit: 'applications',
    templates: BOTH,
    compute: (i) => count(addAll([total(i.applications, 'newReceived'), total(i.applications, 'carriedOver')])),
  }),
  def({
    code: 'applications.handled',
    category: 'applications',
    nameZh: '办结量',
    nameEn: 'Applications handled',
    formulaZh: '（七）总计（总计列）',
    formulaEn: 'Row （七） total handled, total column',
    unit: 'applications',
    templates: BOTH,
    compute: (i) => count(total(i.applications, 'total')),
  }),
  def({
    code: 'applications.carriedForward',
    category: 'applications',
    nameZh: '结转下年度',
    nameEn: 'Carried forward',
    formulaZh: '四、结转下年度继续办理（总计列）',
    formulaEn: 'Row 四 (carried forward), total column',
    unit: 'applications',
    templates: BOTH,
    compute: (i) => count(total(i.applications, 'carriedForward')),
  }),
  def({
    code: 'applications.carryForwardRate',
    category: 'applications',
    nameZh: '结转率',
    nameEn: 'Carry-forward rate',
    formulaZh: '结转下年度 ÷ (本年新收 + 上年结转)',
    formulaEn: 'carried forward ÷ (new + carried over)',
    denominatorZh: '受理量（新收 + 上年结转）',
    denominatorEn: 'applications to handle (new + carried over)',
    unit: 'ratio',
    templates: BOTH,
    higherIsBetter: false,
    compute: (i) => ratio(total(i.applications, 'carriedForward'), addAll([total(i.applications, 'newReceived'), total(i.applications, 'carriedOver')])),
  }),
  // ---- outcomes ----
  def({
    code: 'outcomes.disclosureRate',
    category: 'outcomes',
    nameZh: '公开率',
    nameEn: 'Disclosure rate',
    formulaZh: '（一）予以公开 ÷ （七）总计',
    formulaEn: 'disclosed ÷ total handled',
    denominatorZh: '办结量（（七）总计）',
    denominatorEn: 'applications handled (row （七）)',
    unit: 'ratio',
    templates: BOTH,
    higherIsBetter: true,
    compute: (i) => ratio(total(i.applications, 'granted'), total(i.applications, 'total')),
  }),
  def({
    code: 'outcomes.substantiveDisclosureRate',
    category: 'outcomes',
    nameZh: '实质公开率',
    nameEn: 'Substantive disclosure rate',
    formulaZh: '（予以公开 + 部分公开）÷ （七）总计',
    formulaEn: '(disclosed + partly disclosed) ÷ total handled',
    denominatorZh: '办结量（（七）总计）',
    denominatorEn: 'applications handled (row （七）)',
    unit: 'ratio',
    templates: BOTH,
    higherIsBetter: true,
    compute: (i) => ratio(addAll([total(i.applications, 'granted'), total(i.applications, 'partiallyGranted')]), total(i.applications, 'total')),
  }),
  def({
    code: 'outcomes.resolvableDisclosureRate',
    category: 'outcomes',
    nameZh: '可答复申请公开率',
    nameEn: 'Disclosure rate of resolvable requests',
    formulaZh: '（予以公开 + 部分公开）÷（（七）总计 − 无法提供 − 不予处理 − 其他处理）',
    formulaEn: '(disclosed + partly disclosed) ÷ (handled − unable to provide − not processed − other handling)',
    denominatorZh: '办结量减去无法提供、不予处理和其他处理',
    denominatorEn: 'handled, less unable to provide, not processed and other handling',
    unit: 'ratio',
    templates: BOTH,
    higherIsBetter: true,
    caveatZh: '分母只计对信息本身作出答复的申请，与“公开率”不可混用。',
    caveatEn: 'The base counts only requests answered on the merits; do not mix with the disclosure rate.',
    compute: (i) => {
      const a = i.applications;
      const handled = total(a, 'total');
      const excluded = addAll([outcomeGroupTotal(a, 'unableToProvide'), outcomeGroupTotal(a, 'notProcessed'), outcomeGroupTotal(a, 'otherHandling')]);
      const base = handled === null || excluded === null ? null : handled - excluded;
      return ratio(addAll([total(a, 'granted'), total(a, 'partiallyGranted')]), base);
    },
  }),
  ...(['granted', 'partiallyGranted', 'withheld', 'unableToProvide', 'notProcessed', 'otherHandling'] as const).map((group) => {
    const names: Record<string, [string, string]> = {
      granted: ['予以公开', 'Disclosed'],
      partiallyGranted: ['部分公开', 'Partly disclosed'],
      withheld: ['不予公开', 'Withheld'],
      unableToProvide: ['无法提供', 'Unable to provide'],
      notProcessed: ['不予处理', 'Not processed'],
      otherHandling: ['其他处理', 'Other handling'],
    };
    const [zh, en] = names[group]!;
    return def({
      code: `outcomes.${group}`,
      category: 'outcomes',
      nameZh: zh,
      nameEn: en,
      formulaZh: `${zh}各行之和（总计列）`,
      formulaEn: `sum of the ${en.toLowerCase()} rows, total column`,
      unit: 'applications',
      templates: BOTH,
      caveatZh: group === 'otherHandling' ? '2021 版为（六）1–3 之和，与 2019 版（六）可比。' : undefined,
      caveatEn: group === 'otherHandling' ? 'In the 2021 format the sum of （六）1–3; comparable with the 2019 （六）.' : undefined,
      compute: (i: MetricInput) =>
        group === 'granted' || group === 'partiallyGranted' ? count(total(i.applications, group)) : count(outcomeGroupTotal(i.applications, group)),
    });
  }),
  ...(['withheld', 'unableToProvide', 'notProcessed', 'otherHandling'] as const).map((group) => {
    const names: Record<string, [string, string]> = {
      withheld: ['不予公开占比', 'Share withheld'],
      unableToProvide: ['无法提供占比', 'Share unable to provide'],
      notProcessed: ['不予处理占比', 'Share not processed'],
      otherHandling: ['其他处理占比', 'Share of other handling'],
    };
    const [zh, en] = names[group]!;
    return def({
      code: `outcomes.${group}Share`,
      category: 'outcomes',
      nameZh: zh,
      nameEn: en,
      formulaZh: `${zh.replace('占比', '')} ÷ （七）总计`,
      formulaEn: `${en.replace('Share ', '').replace('of ', '')} ÷ total handled`,
      denominatorZh: '办结量（（七）总计）',
      denominatorEn: 'applications handled (row （七）)',
      unit: 'ratio',
      templates: BOTH,
      compute: (i: MetricInput) => ratio(outcomeGroupTotal(i.applications, group), total(i.applications, 'total')),
    });
  }),
  def({
    code: 'outcomes.notHeldShare',
    category: 'outcomes',
    nameZh: '本机关不掌握占比',
    nameEn: 'Share not held',
    formulaZh: '（四）1.本机关不掌握相关政府信息 ÷ （七）总计',
    formulaEn: 'not held by this agency ÷ total handled',
    denominatorZh: '办结量（（七）总计）',
    denominatorEn: 'applications handled (row （七）)',
    unit: 'ratio',
    templates: BOTH,
    compute: (i) => ratio(total(i.applications, 'unableToProvide.notHeld'), total(i.applications, 'total')),
  }),
  // ---- withholding reasons ----
  ...WITHHOLDING_REASONS.map((r) =>
    def({
      code: `withholding.${r.key.split('.')[1]}Share`,
      category: 'withholding',
      nameZh: `不予公开原因占比：${r.label}`,
      nameEn: `Withholding reason share: ${r.en}`,
      formulaZh: `（三）${r.number}${r.label} ÷ 不予公开合计`,
      formulaEn: `withheld as "${r.en}" ÷ all withheld`,
      denominatorZh: '不予公开（三）1–8 之和',
      denominatorEn: 'sum of withheld rows （三）1–8',
      unit: 'ratio',
      templates: BOTH,
      compute: (i: MetricInput) => ratio(total(i.applications, r.key), outcomeGroupTotal(i.applications, 'withheld')),
    }),
  ),
  // ---- applicants ----
  def({
    code: 'applicants.legalPersonShare',
    category: 'applicants',
    nameZh: '法人或其他组织申请占比',
    nameEn: 'Legal-person share of applicants',
    formulaZh: '（新收总计 − 新收自然人）÷ 新收总计',
    formulaEn: '(new total − new from natural persons) ÷ new total',
    denominatorZh: '本年新收（总计列）',
    denominatorEn: 'new applications (total column)',
    unit: 'ratio',
    templates: BOTH,
    reconciliation: {
      basis: 'parts',
      reasonZh:
        '本指标读“本年新收”行的申请人分列。当该行与办理结果不平衡、而办理结果各行与办理总计相符时，按办理结果推出的新收分列（办理总计 + 结转下年度 − 上年结转）计算。',
      reasonEn:
        'It reads the applicant split of the new-applications row. Where that row breaks the balance while the outcome rows agree with total handled, the split the outcomes imply (handled + carried forward − carried over) is used.',
    },
    compute: (i) => {
      const all = total(i.applications, 'newReceived');
      const natural = i.applications['newReceived']?.[0] ?? null;
      return ratio(all === null || natural === null ? null : all - natural, all);
    },
  }),
  // ---- review and litigation ----
  def({
    code: 'review.total',
    category: 'reviewLitigation',
    nameZh: '行政复议案件',
    nameEn: 'Administrative reviews',
    formulaZh: '行政复议·总计',
    formulaEn: 'administrative review, total',
    unit: 'cases',
    templates: BOTH,
    compute: (i) => count(reviewCell(i.reviewLitigation, 'review', REVIEW_TOTAL_INDEX)),
  }),
  def({
    code: 'review.corrected',
    category: 'reviewLitigation',
    nameZh: '复议结果纠正',
    nameEn: 'Reviews corrected',
    formulaZh: '行政复议·结果纠正',
    formulaEn: 'administrative review, corrected',
    unit: 'cases',
    templates: BOTH,
    compute: (i) => count(reviewCell(i.reviewLitigation, 'review', 1)),
  }),
  def({
    code: 'review.pending',
    category: 'reviewLitigation',
    nameZh: '复议尚未审结',
    nameEn: 'Reviews pending',
    formulaZh: '行政复议·尚未审结',
    formulaEn: 'administrative review, pending',
    unit: 'cases',
    templates: BOTH,
    compute: (i) => count(reviewCell(i.reviewLitigation, 'review', 3)),
  }),
  def({
    code: 'review.correctionRate',
    category: 'reviewLitigation',
    nameZh: '复议纠错率',
    nameEn: 'Review correction rate',
    formulaZh: '结果纠正 ÷（总计 − 尚未审结）',
    formulaEn: 'corrected ÷ (total − pending)',
    denominatorZh: '已审结的复议案件',
    denominatorEn: 'decided review cases',
    unit: 'ratio',
    templates: BOTH,
    higherIsBetter: false,
    compute: (i) => {
      const r = i.reviewLitigation;
      const t = reviewCell(r, 'review', 4);
      const p = reviewCell(r, 'review', 3);
      return ratio(reviewCell(r, 'review', 1), t === null || p === null ? null : t - p);
    },
  }),
  def({
    code: 'litigation.total',
    category: 'reviewLitigation',
    nameZh: '行政诉讼案件',
    nameEn: 'Lawsuits',
    formulaZh: '未经复议直接起诉·总计 + 复议后起诉·总计',
    formulaEn: 'direct total + after-review total',
    unit: 'cases',
    templates: BOTH,
    compute: (i) => count(litigation(i.reviewLitigation, 4)),
  }),
  def({
    code: 'litigation.corrected',
    category: 'reviewLitigation',
    nameZh: '诉讼结果纠正',
    nameEn: 'Lawsuits corrected',
    formulaZh: '两类行政诉讼·结果纠正之和',
    formulaEn: 'corrected, both litigation groups',
    unit: 'cases',
    templates: BOTH,
    compute: (i) => count(litigation(i.reviewLitigation, 1)),
  }),
  def({
    code: 'litigation.pending',
    category: 'reviewLitigation',
    nameZh: '诉讼尚未审结',
    nameEn: 'Lawsuits pending',
    formulaZh: '两类行政诉讼·尚未审结之和',
    formulaEn: 'pending, both litigation groups',
    unit: 'cases',
    templates: BOTH,
    compute: (i) => count(litigation(i.reviewLitigation, 3)),
  }),
  def({
    code: 'litigation.correctionRate',
    category: 'reviewLitigation',
    nameZh: '诉讼纠错率',
    nameEn: 'Litigation correction rate',
    formulaZh: '结果纠正 ÷（总计 − 尚未审结），两类诉讼合计',
    formulaEn: 'corrected ÷ (total − pending), both litigation groups',
    denominatorZh: '已审结的诉讼案件',
    denominatorEn: 'decided lawsuits',
    unit: 'ratio',
    templates: BOTH,
    higherIsBetter: false,
    compute: (i) => {
      const t = litigation(i.reviewLitigation, 4);
      const p = litigation(i.reviewLitigation, 3);
      return ratio(litigation(i.reviewLitigation, 1), t === null || p === null ? null : t - p);
    },
  }),
  def({
    code: 'disputes.per100',
    category: 'reviewLitigation',
    nameZh: '每百件申请的复议诉讼',
    nameEn: 'Disputes per 100 applications',
    formulaZh: '（复议总计 + 诉讼总计）÷ 本年新收 × 100',
    formulaEn: '(reviews + lawsuits) ÷ new applications × 100',
    denominatorZh: '本年新收（总计列）',
    denominatorEn: 'new applications (total column)',
    unit: 'per100',
    templates: BOTH,
    higherIsBetter: false,
    caveatZh: '复议诉讼可能针对往年的申请。',
    caveatEn: 'Reviews and lawsuits may concern applications from earlier years.',
    compute: (i) => ratio(addAll([reviewCell(i.reviewLitigation, 'review', 4), litigation(i.reviewLitigation, 4)]), total(i.applications, 'newReceived'), 100),
  }),
  // ---- timeliness (from the text only) ----
  def({
    code: 'timeliness.onTimeRate',
    category: 'timeliness',
    nameZh: '按时答复率（报告自述）',
    nameEn: 'On-time reply rate (as stated)',
    formulaZh:
      '依次取正文所述：① 明示的按时答复率；② 超期/逾期答复 N 件：(办结量 − N) ÷ 办结量；③ “均在法定期限内答复”：100%。只计关于政府信息公开申请的陈述；汇总时按办结量加权',
    formulaEn:
      'From the text, in this order: (1) an explicit on-time rate; (2) N replies given late: (handled − N) ÷ handled; (3) "all answered within the legal time limit": 100%. Only statements about information-disclosure applications; roll-ups weight it by applications handled',
    denominatorZh: '办结量（（七）总计），仅计正文说明了时效的报告',
    denominatorEn: 'applications handled (row （七）), of reports whose text states timeliness',
    unit: 'ratio',
    templates: BOTH,
    higherIsBetter: true,
    caveatZh: '年报表格没有时效字段，此数取自正文，为自述数据；依据原句见证据。延期答复（条例允许的延长）不计为超期。',
    caveatEn:
      'The tables have no timeliness field: this figure is self-reported in the text; the sentence it rests on is given as evidence. Replies after a lawful extension (延期) are not counted as late.',
    selfReported: true,
    evidenceKinds: ON_TIME_KINDS,
    compute: (i) => {
      const handled = total(i.applications, 'total');
      const fact = (kind: NarrativeFact['kind']) => i.narrative?.find((n) => n.kind === kind);
      const rate = fact('onTimeRate');
      const overdue = fact('overdueReplies');
      let stated: number | null = null;
      if (rate) stated = rate.value;
      else if (overdue && handled !== null && handled > 0 && overdue.value <= handled) stated = (handled - overdue.value) / handled;
      else if (fact('allOnTime')) stated = 1;
      if (stated === null) return { value: null, numerator: null, denominator: null };
      // Weighted by the applications handled, so that a roll-up is the share of all handled applications answered
      // on time (as stated), not an average of rates.
      if (handled === null || handled === 0) return { value: stated, numerator: null, denominator: null };
      return { value: stated, numerator: stated * handled, denominator: handled };
    },
  }),
  // ---- section 二 ----
  def({
    code: 'disclosure.regulationsIssued',
    category: 'activeDisclosure',
    nameZh: '本年制发规章',
    nameEn: 'Rules issued',
    formulaZh: '2021 版：规章·本年制发件数；2019 版：规章·本年新制作数量',
    formulaEn: '2021: rules issued this year; 2019: rules made this year',
    unit: 'documents',
    templates: BOTH,
    caveatZh: '两版口径略有不同（制发 vs 新制作）。',
    caveatEn: 'The two formats define this slightly differently (issued vs made).',
    compute: (i) => count(disclosure(i.activeDisclosure, 'regulations', i.template === '2019' ? 'made' : 'issued')),
  }),
  def({
    code: 'disclosure.normativeDocumentsIssued',
    category: 'activeDisclosure',
    nameZh: '本年制发规范性文件',
    nameEn: 'Normative documents issued',
    formulaZh: '2021 版：行政规范性文件·本年制发件数；2019 版：规范性文件·本年新制作数量',
    formulaEn: '2021: normative documents issued this year; 2019: made this year',
    unit: 'documents',
    templates: BOTH,
    caveatZh: '两版口径略有不同（制发 vs 新制作）。',
    caveatEn: 'The two formats define this slightly differently (issued vs made).',
    compute: (i) => count(disclosure(i.activeDisclosure, 'normativeDocuments', i.template === '2019' ? 'made' : 'issued')),
  }),
  def({
    code: 'disclosure.normativeDocumentsInForce',
    category: 'activeDisclosure',
    nameZh: '现行有效规范性文件',
    nameEn: 'Normative documents in force',
    formulaZh: '行政规范性文件·现行有效件数',
    formulaEn: 'normative documents in force',
    unit: 'documents',
    templates: ['2021'],
    caveatZh: '2019 版只有“对外公开总数量”（累计公开数），不可比。',
    caveatEn: 'The 2019 format has only the cumulative published count, which is not comparable.',
    compute: (i) => count(i.template === '2021' ? disclosure(i.activeDisclosure, 'normativeDocuments', 'inForce') : null),
  }),
  ...(['licensing', 'penalty', 'coercion'] as const).map((rowKey) => {
    const names: Record<string, [string, string]> = {
      licensing: ['行政许可决定', 'Licensing decisions'],
      penalty: ['行政处罚决定', 'Penalty decisions'],
      coercion: ['行政强制决定', 'Coercion decisions'],
    };
    const [zh, en] = names[rowKey]!;
    return def({
      code: `disclosure.${rowKey}Decisions`,
      category: 'activeDisclosure',
      nameZh: zh,
      nameEn: en,
      formulaZh: `${zh.replace('决定', '')}·（本年）处理决定数量`,
      formulaEn: `${en.replace(' decisions', '')}, decisions this year`,
      unit: 'decisions',
      templates: BOTH,
      compute: (i: MetricInput) => count(disclosure(i.activeDisclosure, rowKey, 'decisions')),
    });
  }),
  def({
    code: 'disclosure.feesAmountWan',
    category: 'activeDisclosure',
    nameZh: '行政事业性收费金额',
    nameEn: 'Administrative fees collected',
    formulaZh: '行政事业性收费·本年收费金额（万元）',
    formulaEn: 'administrative fees collected this year (10k CNY)',
    unit: 'wan',
    templates: ['2021'],
    caveatZh: '2019 版填的是收费项目数量，不是金额，不可比。',
    caveatEn: 'The 2019 format counts fee items, not money: not comparable.',
    compute: (i) => count(i.template === '2021' ? disclosure(i.activeDisclosure, 'fees', 'amountWan') : null),
  }),
  def({
    code: 'disclosure.feeItems',
    category: 'activeDisclosure',
    nameZh: '行政事业性收费项目数',
    nameEn: 'Fee items',
    formulaZh: '行政事业性收费·上一年项目数量 + 本年增/减（即本年末项目数）',
    formulaEn: 'fee items last year + change this year (the items at the end of the report year)',
    unit: 'items',
    templates: ['2019'],
    caveatZh: '仅 2019 版；与 2021 版收费金额不可比。“上一年项目数量”是上一年的存量，单独不能记在本年。',
    caveatEn:
      '2019 format only; not comparable with the 2021 fee amount. "Items last year" is the previous year\'s stock and is not filed under this year on its own.',
    compute: (i) =>
      count(i.template === '2019' ? addAll([disclosure(i.activeDisclosure, 'fees', 'previousItems'), disclosure(i.activeDisclosure, 'fees', 'change')]) : null),
  }),
  def({
    code: 'disclosure.procurementAmountWan',
    category: 'activeDisclosure',
    nameZh: '政府集中采购金额',
    nameEn: 'Centralised procurement amount',
    formulaZh: '政府集中采购·采购总金额（折算为万元）',
    formulaEn: 'centralised procurement, total amount (in 10k CNY)',
    unit: 'wan',
    templates: ['2019'],
    caveatZh: '仅 2019 版有此表。',
    caveatEn: 'Only the 2019 format has this table.',
    compute: (i) => count(i.template === '2019' ? disclosure(i.activeDisclosure, 'procurement', 'amountWan') : null),
  }),
] as const;

/** The code of a metric of the dictionary: a closed set, so a misspelt code fails the type-check. */
export type MetricCode = (typeof METRICS)[number]['code'];

export const METRIC_CODES: readonly MetricCode[] = METRICS.map((m) => m.code);

export function isMetricCode(code: string): code is MetricCode {
  return METRIC_BY_CODE.has(code);
}

/** Applications handled (办结): the base of every outcome share, and the sample a ranking of a count metric counts. */
export const HANDLED_APPLICATIONS_METRIC: MetricCode = 'applications.handled';

export const METRIC_BY_CODE: ReadonlyMap<string, MetricDefinition> = new Map(METRICS.map((m) => [m.code, m]));

/** All metrics of one report. Metrics that do not apply to the report's format are omitted. */
export function computeMetrics(input: MetricInput): Map<string, MetricValue> {
  const out = new Map<string, MetricValue>();
  for (const m of METRICS) {
    if (input.template && !m.templates.includes(input.template)) continue;
    out.set(m.code, m.compute(input));
  }
  return out;
}

/** Whether a metric is a ratio of two sums (it has a denominator) rather than a count. */
export function isRatioMetric(def: Pick<MetricDefinition, 'unit'>): boolean {
  return def.unit === 'ratio' || def.unit === 'per100';
}

/**
 * The value of a metric over many reports from the sums of their numerators and denominators: a count is its
 * sum; a ratio is Σ numerators ÷ Σ denominators (× 100 for per-100 metrics), null when the base is 0 or unknown.
 * Which reports enter the sums is the caller's business (see combineMetric).
 */
export function metricValueFromSums(def: Pick<MetricDefinition, 'unit'>, numerator: number | null, denominator: number | null): number | null {
  if (numerator === null) return null;
  if (!isRatioMetric(def)) return numerator;
  if (denominator === null || denominator === 0) return null;
  return (numerator / denominator) * (def.unit === 'per100' ? 100 : 1);
}

/**
 * A roll-up over many reports: sums of numerators over sums of denominators (never an average of ratios).
 * A report enters a count's sum when its numerator is known, a ratio's sums when both parts are known and the
 * denominator is not 0.
 */
export function combineMetric(def: MetricDefinition, values: readonly MetricValue[]): MetricValue {
  const ratio = isRatioMetric(def);
  // A ratio counts only reports where both parts are known and the base is not 0: a numerator over no base (a
  // corrected case where the printed decided total is 0) would otherwise inflate the combined rate.
  const known = values.filter((v) => v.numerator !== null && (!ratio || (v.denominator !== null && v.denominator !== 0)));
  if (!known.length) return { value: null, numerator: null, denominator: null };
  const numerator = known.reduce((s, v) => s + v.numerator!, 0);
  const denominator = ratio ? known.reduce((s, v) => s + v.denominator!, 0) : null;
  return { value: metricValueFromSums(def, numerator, denominator), numerator, denominator };
}

/** One metric of one report as stored: the value of its chosen reading, both readings, and its quality. */
export interface MetricRecord extends MetricValue {
  code: string;
  /** The value on the printed tables. */
  printedValue: number | null;
  /** The value with every total a rule can recompute taken from its parts (tablesFromParts). */
  partsValue: number | null;
  quality: MetricQuality;
}

/**
 * Every metric of a report that applies to its format, with both readings and the quality of the one used, from
 * the report's findings (the parser's and the shared rules') and the cells an editor corrected.
 */
export function deriveMetrics(input: MetricInput, findings: readonly Finding[], correctedCells: Iterable<string> = []): MetricRecord[] {
  const standing = cellStanding(findings, correctedCells);
  // The parts reading differs from the printed one only where a sum rule failed or a total is blank: most reports
  // add up, and need no second reading.
  const fromParts = findings.some((f) => SUM_RULES.has(f.rule) && f.status !== 'notice') ? tablesFromParts(input.applications, input.reviewLitigation) : null;
  const parts = fromParts?.changed ? { ...input, applications: fromParts.applications, reviewLitigation: fromParts.reviewLitigation } : null;
  const subRows = OTHER_HANDLING_SUBROWS.some((k) => input.applications[k]?.some((v) => v !== null));
  const out: MetricRecord[] = [];
  for (const m of METRICS) {
    if (input.template && !m.templates.includes(input.template)) continue;
    const printed = m.compute(input);
    const partsValue = parts ? m.compute(parts) : printed;
    const used = m.reconciliation?.basis === 'parts' ? partsValue : printed;
    const read = cellsRead(m, input, subRows);
    const blank = used.value === null && read.some((c) => cellValue(input, c) === null);
    out.push({
      code: m.code,
      ...used,
      printedValue: printed.value,
      partsValue: partsValue.value,
      quality: valueQuality(read, blank, standing, m.selfReported === true && used.value !== null),
    });
  }
  return out;
}

const SUM_RULES: ReadonlySet<string> = new Set(['S3_BALANCE', 'S3_OUTCOME_SUM', 'S3_ROW_SUM', 'S4_GROUP_SUM']);

interface CellRef {
  path: string;
  /** The rule units the cell belongs to (unitKeys). */
  units: string[];
  section: 'applications' | 'reviewLitigation' | 'activeDisclosure';
  row: string;
  key: string;
}

/**
 * The cells a metric's formula reads. They depend on the format and on whether the report prints the （六） sub-rows
 * (the only branch a formula takes on its data), so they are found once per case by running the formula on tables
 * that record each read, and reused: deriving every metric of 20 000 reports stays cheap.
 */
const READS = new Map<string, CellRef[]>();
function cellsRead(m: MetricDefinition, input: MetricInput, subRows: boolean): CellRef[] {
  // A self-reported figure reads the tables only when the text states something: found again each time.
  const key = m.selfReported ? null : `${m.code}|${input.template}|${subRows}`;
  let refs = key === null ? undefined : READS.get(key);
  if (!refs) {
    const read = new Set<string>();
    m.compute(recordingTables(input, read, new Set()));
    refs = [...read].map((path) => {
      const a = /^(applications|reviewLitigation)\.([\w.]+)\[(\d+)\]$/.exec(path);
      if (a) return { path, units: unitKeys(path), section: a[1] as CellRef['section'], row: a[2]!, key: a[3]! };
      const d = /^activeDisclosure\.(\w+)\.(\w+)$/.exec(path)!;
      return { path, units: [], section: 'activeDisclosure' as const, row: d[1]!, key: d[2]! };
    });
    if (key !== null) READS.set(key, refs);
  }
  return refs;
}

function cellValue(input: MetricInput, c: CellRef): CellValue {
  if (c.section === 'activeDisclosure') return input.activeDisclosure[c.row]?.[c.key] ?? null;
  return input[c.section][c.row]?.[Number(c.key)] ?? null;
}
