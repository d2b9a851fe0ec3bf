import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../locales';

const STORAGE_KEY = 'ogi.locale';

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // storage can be disabled; the default is always fine
  }
}

/** The user's own settings. Client state only: nothing here comes from the server. */
export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>(storedLocale());

  watch(locale, (value) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, value);
    } catch {
      // not remembered across visits, still applied now
    }
  });

  function setLocale(value: Locale) {
    locale.value = value;
  }

  return { locale, setLocale };
});
