import { computed } from 'vue';
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, type AgencyKind, type AgencyLevel, type MetricUnit } from '@ogi/domain';
import { dateTimeFormat, numberFormat } from '../metrics/intl-formats';
import { formatMetricValue, metricLabel, metricUnitLabel, prepareMetricFormats, unitLabel } from '../metrics/metric-format';
import { MESSAGES, translate, type Locale, type MessageKey, type MessageParams } from '../locales';
import { usePreferencesStore } from '../stores/preferences';

/** Anything the domain labels in both languages: layout rows and columns carry `label` (zh) and `en`. */
export interface Bilingual {
  label: string;
  en: string;
}

const KINDS: ReadonlySet<string> = new Set<AgencyKind>(AGENCY_KIND_VALUES);
const LEVELS: ReadonlySet<string> = new Set<AgencyLevel>(AGENCY_LEVEL_VALUES);

const INTL_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

/** How dates read: a calendar date (no time-zone shift), or a moment with its time. */
const DATE_ONLY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
const DATE_AND_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * Reads the language's number and date data ahead of the first figure shown: called while the app waits for its
 * first answers, so that cost is not paid in the task that renders the page's data.
 */
export function prepareFormats(locale: Locale): void {
  const intlLocale = INTL_LOCALE[locale];
  numberFormat(intlLocale, { maximumFractionDigits: 4 }).format(1);
  dateTimeFormat(intlLocale, DATE_ONLY).format(0);
  prepareMetricFormats(intlLocale);
}

/**
 * The UI's words and formats in the current language. Reactive: a component re-renders when the locale
 * changes, because `t` and the formatters read the store.
 */
export function useI18n() {
  const store = usePreferencesStore();
  const locale = computed(() => store.locale);

  const t = (key: MessageKey, params?: MessageParams) => translate(MESSAGES[store.locale], key, params);

  /** A domain label in the current language. */
  const label = (item: Bilingual) => (store.locale === 'en' ? item.en : item.label);

  /** Picks the Chinese or English member of a pair the API sends (messageZh / messageEn). */
  const pick = (zh: string, en: string) => (store.locale === 'en' ? en : zh);

  /** A `YYYY-MM-DD` date, as a calendar date (no time-zone shift). */
  const formatDate = (isoDate: string | null | undefined) => {
    if (!isoDate) return null;
    const ms = Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
    if (Number.isNaN(ms)) return isoDate;
    return dateTimeFormat(INTL_LOCALE[store.locale], isoDate.length === 10 ? DATE_ONLY : DATE_AND_TIME).format(ms);
  };

  const formatNumber = (value: number, maximumFractionDigits = 4) => numberFormat(INTL_LOCALE[store.locale], { maximumFractionDigits }).format(value);

  /** The Intl locale of the current language, for formatters that take one. */
  const intlLocale = computed(() => INTL_LOCALE[store.locale]);

  /** A metric's value in the current language (percentages, counts, 万元), a dash when unknown. */
  const formatMetric = (code: string, value: number | null | undefined) => formatMetricValue(code, value, INTL_LOCALE[store.locale]);

  /** A metric's name in the current language, from the shared dictionary. */
  const metricName = (code: string) => label(metricLabel(code));

  /** The unit a metric is charted in (件, %, 万元…), and a unit of the dictionary in words. */
  const metricUnit = (code: string) => label(metricUnitLabel(code));
  const unit = (u: MetricUnit) => label(unitLabel(u));

  /** government | department | dispatched | other, in words. */
  const kindLabel = (kind: string) => (KINDS.has(kind) ? t(`agencyKind.${kind as AgencyKind}`) : kind);
  const levelLabel = (level: string | null) => (level && LEVELS.has(level) ? t(`agencyLevel.${level as AgencyLevel}`) : (level ?? ''));

  return {
    locale,
    intlLocale,
    t,
    label,
    pick,
    formatDate,
    formatNumber,
    formatMetric,
    metricName,
    metricUnit,
    unit,
    kindLabel,
    levelLabel,
    setLocale: store.setLocale,
  };
}
