/** What a breakdown figure rests on, in the reader's language: one set of words for every page that charts breakdowns. */
import type { BasisWords } from '../metrics/breakdown-basis';
import { useI18n } from './use-i18n';

export function useBasisWords(): BasisWords {
  const { t, locale, formatNumber } = useI18n();
  return {
    scopes: (scopes) => t('breakdownBasis.scopes', { scopes: scopes.map((s) => t(`report.scope.${s}`)).join(locale.value === 'en' ? ', ' : '、') }),
    coverage: (reports, covered, expected) =>
      t('breakdownBasis.coverage', { reports: formatNumber(reports), covered: formatNumber(covered), expected: formatNumber(expected) }),
    qualityCount: (quality, count) => t('breakdownBasis.qualityCount', { quality: t(`metricQuality.${quality}`), count: formatNumber(count) }),
    blank: (count) => t('breakdownBasis.blank', { count: formatNumber(count) }),
  };
}
