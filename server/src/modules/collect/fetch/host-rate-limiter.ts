/**
 * A polite rate per host: requests to one host start at least `intervalMs` apart, whatever the concurrency of
 * the caller. Each caller reserves the next free slot of its host, then waits for it; hosts do not wait for each
 * other. The clock is injectable so tests need no timers.
 */
export interface LimiterClock {
  now(): number;
  wait(ms: number, signal?: AbortSignal): Promise<void>;
}

export const SYSTEM_CLOCK: LimiterClock = {
  now: () => Date.now(),
  wait: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export class HostRateLimiter {
  /** When each host's next request may start (epoch ms). */
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: LimiterClock = SYSTEM_CLOCK,
  ) {}

  /** Resolves when a request to `host` may start. */
  async acquire(host: string, signal?: AbortSignal): Promise<void> {
    if (this.intervalMs <= 0) return;
    const key = host.toLowerCase();
    const now = this.clock.now();
    this.forgetIdleHosts(now);
    const at = Math.max(now, this.nextSlot.get(key) ?? 0);
    this.nextSlot.set(key, at + this.intervalMs);
    if (at > now) await this.clock.wait(at - now, signal);
  }

  /** Hosts whose slot has passed need no entry: the map stays as small as the hosts in use. */
  private forgetIdleHosts(now: number) {
    if (this.nextSlot.size < 1000) return;
    for (const [host, at] of this.nextSlot) if (at <= now) this.nextSlot.delete(host);
  }
}
