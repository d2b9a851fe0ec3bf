import { METRICS, errorFamily } from '@ogi/domain';

export enum AnalyticsErrorCode {
  UNKNOWN_METRIC = 'UNKNOWN_METRIC',
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  SELECTION_TOO_LARGE = 'SELECTION_TOO_LARGE',
  RESULT_TOO_LARGE = 'RESULT_TOO_LARGE',
  YEAR_RANGE_TOO_LONG = 'YEAR_RANGE_TOO_LONG',
  MIXED_SCOPES = 'MIXED_SCOPES',
  YEAR_NOT_ASKED = 'YEAR_NOT_ASKED',
  TOP_AGENCIES_COMBINED = 'TOP_AGENCIES_COMBINED',
  SORT_METRIC_NOT_ASKED = 'SORT_METRIC_NOT_ASKED',
  SORT_YEAR_WITHOUT_METRIC = 'SORT_YEAR_WITHOUT_METRIC',
}

export class AnalyticsException extends errorFamily<AnalyticsErrorCode>({
  [AnalyticsErrorCode.UNKNOWN_METRIC]: 'BAD_USER_INPUT',
  [AnalyticsErrorCode.AGENCY_NOT_FOUND]: 'NOT_FOUND',
  [AnalyticsErrorCode.SELECTION_TOO_LARGE]: 'BAD_USER_INPUT',
  [AnalyticsErrorCode.RESULT_TOO_LARGE]: 'BAD_USER_INPUT',
  [AnalyticsErrorCode.YEAR_RANGE_TOO_LONG]: 'BAD_USER_INPUT',
  [AnalyticsErrorCode.MIXED_SCOPES]: 'BAD_USER_INPUT',
  [AnalyticsErrorCode.YEAR_NOT_ASKED]: 'BAD_USER_INPUT',
  [AnalyticsErrorCode.TOP_AGENCIES_COMBINED]: 'BAD_USER_INPUT',
  [AnalyticsErrorCode.SORT_METRIC_NOT_ASKED]: 'BAD_USER_INPUT',
  [AnalyticsErrorCode.SORT_YEAR_WITHOUT_METRIC]: 'BAD_USER_INPUT',
}) {
  static unknownMetrics(codes: readonly string[]): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.UNKNOWN_METRIC,
      `未知的指标：${codes.join('、')}。可用指标见 metricDefinitions。Unknown metric(s): ${codes.join(', ')}; see metricDefinitions.`,
      { unknown: [...codes], known: METRICS.map((m) => m.code) },
    );
  }

  static agenciesNotFound(ids: readonly string[]): AnalyticsException {
    return new AnalyticsException(AnalyticsErrorCode.AGENCY_NOT_FOUND, `找不到机关（id ${ids.join('、')}）。No agency with id ${ids.join(', ')}.`, {
      ids: [...ids],
    });
  }

  static selectionTooLarge(count: number, limit: number): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.SELECTION_TOO_LARGE,
      `所选机关过多（${count} 个，上限 ${limit} 个），请缩小范围。The selection has ${count} agencies; at most ${limit} are allowed here.`,
      { count, limit },
    );
  }

  static resultTooLarge(count: number, limit: number): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.RESULT_TOO_LARGE,
      `结果过大（${count} 个数值，上限 ${limit} 个），请减少机关、年份或指标。The result would hold ${count} values; at most ${limit} are allowed.`,
      { count, limit },
    );
  }

  /** A year to sort or filter the matrix by that is not one of its columns. */
  static yearNotAsked(argument: string, year: number, years: readonly number[]): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.YEAR_NOT_ASKED,
      `${argument}：${year} 年不在所选年份（${years.join('、')}）之中。${argument} ${year} is not one of the years asked (${years.join(', ')}).`,
      { argument, year, years: [...years] },
    );
  }

  /** A comparison is ordered by one of its own columns: a metric it was asked for. */
  static sortMetricNotAsked(metric: string, metrics: readonly string[]): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.SORT_METRIC_NOT_ASKED,
      `sortMetric：${metric} 不在所选指标（${metrics.join('、')}）之中。sortMetric ${metric} is not one of the metrics asked (${metrics.join(', ')}).`,
      { metric, metrics: [...metrics] },
    );
  }

  static sortYearWithoutMetric(): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.SORT_YEAR_WITHOUT_METRIC,
      'sortYear 须与 sortMetric 一起使用（按哪一年的哪个指标排序）。sortYear needs sortMetric (which metric of that year orders the agencies).',
      {},
    );
  }

  /** `topAgencies` picks agencies among per-agency rows; combined rows have none to pick. */
  static topAgenciesCombined(): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.TOP_AGENCIES_COMBINED,
      'topAgencies 只能用于按机关分列的结果（combine: false）。topAgencies applies to rows per agency (combine: false) only.',
      {},
    );
  }

  static yearRangeTooLong(from: number, to: number, limit: number): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.YEAR_RANGE_TOO_LONG,
      `年份范围过长（${from}–${to}），最多 ${limit} 年。The year range ${from}–${to} is longer than ${limit} years.`,
      { from, to, limit },
    );
  }

  static mixedScopes(scopes: readonly string[]): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.MIXED_SCOPES,
      `排名不能混合不同口径的报告（${scopes.join('、')}）：机关本级报告与地区汇总报告不可比，请只选一种。A ranking cannot mix report scopes (${scopes.join(', ')}); choose one.`,
      { scopes: [...scopes] },
    );
  }
}
