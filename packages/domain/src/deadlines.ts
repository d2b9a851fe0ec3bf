/**
 * Publication deadlines, 条例 第四十九条: departments of governments at county level and above publish by
 * 31 January; governments (through their 主管部门) by 31 March, each about the previous calendar year.
 */
/** Every agency kind and level, in the order forms list them (the registry's CHECK constraints allow these). */
export const AGENCY_KIND_VALUES = ['government', 'department', 'dispatched', 'other'] as const;
export const AGENCY_LEVEL_VALUES = ['province', 'city', 'county', 'township'] as const;
export type AgencyKind = (typeof AGENCY_KIND_VALUES)[number];
export type AgencyLevel = (typeof AGENCY_LEVEL_VALUES)[number];

/** The last data year reported under the 2008 条例, which gave every agency until 31 March (spec §1.1). */
export const LAST_DATA_YEAR_UNDER_2008_REGULATION = 2018;

/** The deadline of the regulation in force for the data year: the 2019 revision from data year 2019 on. */
export function publicationDeadline(dataYear: number, kind: AgencyKind): string {
  if (dataYear <= LAST_DATA_YEAR_UNDER_2008_REGULATION) return `${dataYear + 1}-03-31`;
  return kind === 'government' ? `${dataYear + 1}-03-31` : `${dataYear + 1}-01-31`;
}

/** Whole days a publication date lies after its deadline (0 when on time). Dates are `YYYY-MM-DD`. */
export function daysLate(publishedOn: string, deadline: string): number {
  const ms = Date.parse(`${publishedOn}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

/**
 * The kind of an agency, read from its name. A name ending in 人民政府, or naming a region and nothing more
 * (平潭综合实验区, 某某新区), is a government; names ending in a department suffix are departments.
 */
export function inferAgencyKind(name: string): AgencyKind {
  const n = name.replace(/\s+/g, '');
  if (/人民政府$/.test(n)) return 'government';
  if (/(派出所|分局|街道办事处|管理处|分中心)$/.test(n)) return 'dispatched';
  if (/(局|委员会|委|办公室|办公厅|厅|办|中心|院|署|所|会|站|队|处|部|司|馆)$/.test(n)) return 'department';
  if (/(省|市|区|县|州|旗|盟|镇|乡|街道|实验区|新区|开发区)$/.test(n)) return 'government';
  return 'other';
}

/** The administrative level of an agency, from the most local place name its name contains. */
export function inferAgencyLevel(name: string): AgencyLevel | null {
  const n = name.replace(/\s+/g, '');
  if (/[^市区县]{1,8}(镇|乡|街道)/.test(n) && !/(县|区|市)人民政府$/.test(n)) return 'township';
  if (/[^省市]{1,8}(县|区|旗)(?!域)/.test(n) && !/^[^县区旗]*市[^县区旗]*$/.test(n)) return 'county';
  if (/市/.test(n)) return 'city';
  if (/省|自治区/.test(n)) return 'province';
  return null;
}

/**
 * Where an agency stands for one data year:
 * - `ON_TIME` / `LATE`: its current report was published by / after the deadline;
 * - `DATE_UNKNOWN`: there is a report, but it prints no publication date;
 * - `MISSING`: there is no report, and either a check of its listing page after the deadline found none or an
 *   editor marked the agency-year missing (they looked, e.g. on a site the poll cannot read);
 * - `NOT_CHECKED`: there is no report, the deadline has passed, and nobody has checked since: absence from this
 *   database is not proof that the agency did not publish;
 * - `NOT_DUE`: no report yet, and the deadline has not passed.
 */
export const SUBMISSION_STATUSES = ['ON_TIME', 'LATE', 'DATE_UNKNOWN', 'MISSING', 'NOT_CHECKED', 'NOT_DUE'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** What a tile of the submissions summary counts: a status, a report failing checks, or one listed on the agency's site but not imported. */
export const SUBMISSION_FILTERS = [...SUBMISSION_STATUSES, 'FAILING', 'PUBLISHED_NOT_IMPORTED'] as const;
export type SubmissionFilter = (typeof SUBMISSION_FILTERS)[number];

/** How the submissions matrix can be ordered: by agency name, by how much there is to chase, or by one year's column. */
export const MATRIX_SORT_KEYS = ['AGENCY', 'PROBLEMS', 'YEAR'] as const;
export type MatrixSortBy = (typeof MATRIX_SORT_KEYS)[number];

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, { zh: string; en: string }> = {
  ON_TIME: { zh: '按时公布', en: 'On time' },
  LATE: { zh: '逾期公布', en: 'Late' },
  DATE_UNKNOWN: { zh: '未注明发布日期', en: 'Publication date not printed' },
  MISSING: { zh: '逾期未报', en: 'Missing' },
  NOT_CHECKED: { zh: '未核查', en: 'Not checked' },
  NOT_DUE: { zh: '未到期限', en: 'Not yet due' },
};

/**
 * The one rule for a submission's status. `today` is `YYYY-MM-DD`; a report is due by the end of its deadline day.
 * `notFoundOn` is the China date of the latest listing check that found no report for that year (null when none
 * did); `markedMissing` says an editor marked the agency-year missing. A report, once stored, outranks both: the
 * agency did publish.
 */
export function submissionStatus(
  report: { publishedOn: string | null; daysLate: number | null } | null,
  deadline: string,
  today: string,
  notFoundOn: string | null = null,
  markedMissing = false,
): SubmissionStatus {
  if (!report) {
    if (today <= deadline) return 'NOT_DUE';
    return markedMissing || (notFoundOn !== null && notFoundOn > deadline) ? 'MISSING' : 'NOT_CHECKED';
  }
  if (report.publishedOn === null || report.daysLate === null) return 'DATE_UNKNOWN';
  return report.daysLate > 0 ? 'LATE' : 'ON_TIME';
}

/** The date in China (UTC+8, no daylight saving) at an instant: deadlines are Chinese calendar days. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The latest data year whose publication deadline has passed at `at` for an agency of this kind: on 1 Feb 2026 a
 * department owes its 2025 report, a government still only its 2024 one (until 31 Mar 2026 has passed).
 */
export function latestDueYear(kind: AgencyKind, at: Date): number {
  const today = chinaDate(at);
  const year = Number(today.slice(0, 4));
  // The deadline for data year `year - 1` falls in `year`; it has passed once today is after it.
  return today > publicationDeadline(year - 1, kind) ? year - 1 : year - 2;
}
