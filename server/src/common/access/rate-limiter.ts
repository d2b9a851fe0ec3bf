/**
 * An in-memory sliding-window limit: at most `limit` hits per key within `windowMs`. One server process holds
 * the counts (enough for one city's bureau; several processes behind a balancer would each count their own).
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a hit; when over the limit, says how many seconds until the oldest hit leaves the window. */
  hit(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.forgetIdle(since);
    return { allowed: true };
  }

  /**
   * Takes back one hit of `key` (the latest): for limits that should count only failures, a hit is taken before
   * the slow check (so parallel requests cannot all slip under the limit) and given back when it succeeded.
   */
  release(key: string): void {
    const recent = this.hits.get(key);
    if (!recent?.length) return;
    recent.pop();
    if (!recent.length) this.hits.delete(key);
  }

  private forgetIdle(since: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > since)) this.hits.delete(key);
  }
}
