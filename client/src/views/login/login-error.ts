import type { MessageKey, MessageParams } from '../../locales';
import { ApiError } from '../../graphql/client';

/** Which message the sign-in page shows for a refused sign-in (by the server's reason code, never its text). */
export function loginErrorMessage(error: unknown, now: number = Date.now()): { key: MessageKey; params?: MessageParams } {
  if (!(error instanceof ApiError)) return { key: 'auth.errors.unknown' };
  if (error.kind === 'network') return { key: 'auth.errors.network' };
  const reasons = error.reasons;
  if (reasons.includes('ACCOUNT_LOCKED')) {
    const until = Date.parse(String(error.details?.['lockedUntil'] ?? ''));
    const minutes = Number.isNaN(until) ? null : Math.max(1, Math.ceil((until - now) / 60_000));
    return minutes === null ? { key: 'auth.errors.lockedNoTime' } : { key: 'auth.errors.locked', params: { minutes } };
  }
  if (reasons.includes('ACCOUNT_DISABLED')) return { key: 'auth.errors.disabled' };
  if (reasons.includes('INVALID_CREDENTIALS')) return { key: 'auth.errors.invalid' };
  if (error.codes.includes('RATE_LIMITED')) {
    const seconds = Number(error.details?.['retryAfterSeconds']);
    return { key: 'auth.errors.rateLimited', params: { minutes: Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 15 } };
  }
  if (error.codes.includes('BAD_USER_INPUT')) return { key: 'auth.errors.invalid' };
  if (error.codes.includes('DATABASE_UNAVAILABLE')) return { key: 'auth.errors.unavailable' };
  return { key: 'auth.errors.unknown' };
}
