import { computed } from 'vue';
import { MESSAGES, translate, type Locale, type MessageKey, type MessageParams } from '../locales';
import { usePreferencesStore } from '../stores/preferences';

/** Anything the domain labels in both languages: layout rows and columns carry `label` (zh) and `en`. */
export interface Bilingual {
  label: string;
  en: string;
}

const INTL_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

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
    const options: Intl.DateTimeFormatOptions =
      isoDate.length === 10 ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' };
    return new Intl.DateTimeFormat(INTL_LOCALE[store.locale], options).format(ms);
  };

  const formatNumber = (value: number, maximumFractionDigits = 4) =>
    new Intl.NumberFormat(INTL_LOCALE[store.locale], { maximumFractionDigits }).format(value);

  return { locale, t, label, pick, formatDate, formatNumber, setLocale: store.setLocale };
}
