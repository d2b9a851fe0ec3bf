import { HostRateLimiter, type LimiterClock } from './host-rate-limiter.js';

/** A clock that moves only when told to; records each wait asked for (and returns at once). */
function fakeClock(): LimiterClock & { waits: number[]; advance(ms: number): void } {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    wait: async (ms) => {
      waits.push(ms);
    },
  };
}

describe('the polite per-host rate', () => {
  it('spaces requests to one host by the interval, even when asked for at once', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter(1000, clock);
    await Promise.all([limiter.acquire('www.example.gov.cn'), limiter.acquire('www.example.gov.cn'), limiter.acquire('WWW.EXAMPLE.GOV.CN')]);
    expect(clock.waits).toEqual([1000, 2000]);
  });

  it('does not make one host wait for another', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter(1000, clock);
    await limiter.acquire('a.gov.cn');
    await limiter.acquire('b.gov.cn');
    expect(clock.waits).toEqual([]);
  });

  it('does not wait when the host was last asked longer ago than the interval', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter(1000, clock);
    await limiter.acquire('a.gov.cn');
    clock.advance(1500);
    await limiter.acquire('a.gov.cn');
    expect(clock.waits).toEqual([]);
  });

  it('never waits with an interval of 0', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter(0, clock);
    await Promise.all([limiter.acquire('a.gov.cn'), limiter.acquire('a.gov.cn')]);
    expect(clock.waits).toEqual([]);
  });
});
