import type { ApiError } from '../graphql/client';
import type { MessageKey, MessageParams } from '../locales';

/** Why a request failed, in the user's language: the one wording for every error state of the dashboard. */
export function apiErrorText(t: (key: MessageKey, params?: MessageParams) => string, error: ApiError | null): string {
  if (!error) return '';
  switch (error.kind) {
    case 'network':
      return t('errors.network');
    case 'http':
      return t('errors.http', { status: error.status ?? '?' });
    case 'graphql':
      return t('errors.graphql', { message: error.message });
    default:
      return t('errors.badResponse');
  }
}
