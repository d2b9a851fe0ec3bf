import { computed } from 'vue';
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, type AgencyKind, type AgencyLevel, type MetricUnit } from '@ogi/domain';
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

/**
 * Number and date formatters, one per locale and options: creating one costs far more than using it (a table
 * formats hundreds of figures), and the first of a locale costs 100–250 ms in Chromium, while it reads the locale's data.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(intlLocale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${intlLocale}|${maximumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(intlLocale, { maximumFractionDigits })));
  return f;
}
function dateFormat(intlLocale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${intlLocale}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: 'UTC' };
    dateFormats.set(key, (f = new Intl.DateTimeFormat(intlLocale, options)));
  }
  return f;
}

/**
 * Reads the language's number and date data ahead of the first figure shown: called while the app waits for its
 * first answers, so that cost is not paid in the task that renders the page's data.
 */
export function prepareFormats(locale: Locale): void {
  const intlLocale = INTL_LOCALE[locale];
  numberFormat(intlLocale, 4).format(1);
  dateFormat(intlLocale, false).format(0);
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
    return dateFormat(INTL_LOCALE[store.locale], isoDate.length !== 10).format(ms);
  };

  const formatNumber = (value: number, maximumFractionDigits = 4) => numberFormat(INTL_LOCALE[store.locale], maximumFractionDigits).format(value);

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
