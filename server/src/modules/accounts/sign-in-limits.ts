/**
 * The two limits on guessing passwords, besides each account's own lockout (kept in `app_user`):
 *
 * - per client address: at most `loginRateLimit` failed sign-ins per 15 minutes. An attempt takes its place before
 *   the password is checked, so a burst of parallel guesses cannot all slip under the limit, and gives it back
 *   when it succeeds: people signing in correctly never use it up.
 * - per username nobody has: the same lockout as a real account, so `ACCOUNT_LOCKED` does not tell which usernames
 *   exist. Held in memory (a name that does not exist has no row to count in).
 */
import { RateLimiter } from '../../common/access/rate-limiter.js';
import type { SecurityConfig } from '../../config/app-config.js';

/** What taking a turn at guessing said: go on (and whether this attempt is the one that locks), or locked. */
export type GuessTurn = { allowed: true; locksAccount: Date | null } | { allowed: false; lockedUntil: Date };

interface NameFailures {
  count: number;
  firstAt: number;
  lockedUntil: number;
}

/** One per server process (provided by AccountsModule). */
export class SignInLimits {
  private readonly perAddress: RateLimiter;
  private readonly unknownNames = new Map<string, NameFailures>();

  constructor(
    private readonly security: Pick<SecurityConfig, 'loginRateLimit' | 'loginMaxFailures' | 'lockoutMinutes'>,
    private readonly now: () => number = Date.now,
  ) {
    this.perAddress = new RateLimiter(security.loginRateLimit, 15 * 60_000, now);
  }

  /** Takes one of the address's attempts; refused → the seconds to wait. */
  takeAddressTurn(ip: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    return this.perAddress.hit(`ip:${ip}`);
  }

  /** The attempt succeeded: it does not count against the address. */
  giveBackAddressTurn(ip: string): void {
    this.perAddress.release(`ip:${ip}`);
  }

  /** Counts a guess at a username that does not exist, exactly as a real account counts a wrong password. */
  takeUnknownNameTurn(username: string): GuessTurn {
    const { loginMaxFailures, lockoutMinutes } = this.security;
    const now = this.now();
    const windowMs = lockoutMinutes * 60_000;
    const key = username.trim().toLowerCase();
    const seen = this.unknownNames.get(key);
    if (seen && seen.lockedUntil > now) return { allowed: false, lockedUntil: new Date(seen.lockedUntil) };
    const fresh = !seen || seen.firstAt < now - windowMs;
    const entry: NameFailures = fresh ? { count: 1, firstAt: now, lockedUntil: 0 } : { ...seen, count: seen.count + 1 };
    if (entry.count >= loginMaxFailures) {
      this.unknownNames.set(key, { count: 0, firstAt: now, lockedUntil: now + windowMs });
      return { allowed: true, locksAccount: new Date(now + windowMs) };
    }
    this.unknownNames.set(key, entry);
    if (this.unknownNames.size > 10_000) this.forgetOld(now - windowMs);
    return { allowed: true, locksAccount: null };
  }

  private forgetOld(before: number): void {
    for (const [key, f] of this.unknownNames) if (f.lockedUntil <= before && f.firstAt < before) this.unknownNames.delete(key);
  }
}
