import { watchEffect } from 'vue';
import { useI18n } from './use-i18n';

/** Sets the window title to "<page> · 政府信息公开年报观测台" (in the current language). */
export function useDocumentTitle(page: () => string | null) {
  const { t } = useI18n();
  watchEffect(() => {
    const name = t('app.name');
    const title = page();
    document.title = title ? `${title} · ${name}` : name;
  });
}
