import { describe, expect, it } from 'vitest';
import { ApiError } from '../../graphql/client';
import { loginErrorMessage } from './login-error';

const refused = (reason: string, details: Record<string, unknown> | null = null, code = 'UNAUTHENTICATED') =>
  new ApiError('graphql', 'server text', 200, [code], [reason], details);

describe('the sign-in page’s message for a refusal', () => {
  it('does not say whether the username or the password was wrong', () => {
    expect(loginErrorMessage(refused('INVALID_CREDENTIALS'))).toEqual({ key: 'auth.errors.invalid' });
  });

  it('says how many minutes a locked account must wait', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(loginErrorMessage(refused('ACCOUNT_LOCKED', { lockedUntil: '2026-11-28T10:14:10Z' }), now)).toEqual({
      key: 'auth.errors.locked',
      params: { minutes: 15 },
    });
    expect(loginErrorMessage(refused('ACCOUNT_LOCKED'), now)).toEqual({ key: 'auth.errors.lockedNoTime' });
  });

  it('explains disabled accounts, rate limits, network and database trouble', () => {
    expect(loginErrorMessage(refused('ACCOUNT_DISABLED')).key).toBe('auth.errors.disabled');
    expect(loginErrorMessage(refused('RATE_LIMITED', { retryAfterSeconds: 61 }, 'RATE_LIMITED'))).toEqual({
      key: 'auth.errors.rateLimited',
      params: { minutes: 2 },
    });
    expect(loginErrorMessage(new ApiError('network', 'Failed to fetch')).key).toBe('auth.errors.network');
    expect(loginErrorMessage(new ApiError('graphql', 'x', 200, ['DATABASE_UNAVAILABLE'], [''])).key).toBe('auth.errors.unavailable');
    expect(loginErrorMessage(new Error('boom')).key).toBe('auth.errors.unknown');
  });
});
