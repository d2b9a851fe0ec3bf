import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  let clock = 0;
  const limiter = () => new RateLimiter(3, 60_000, () => clock);
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('allows the limit, refuses the next, and says when to retry', () => {
    const l = limiter();
    expect([l.hit('ip'), l.hit('ip'), l.hit('ip')].every((r) => r.allowed)).toBe(true);
    clock += 20_000;
    expect(l.hit('ip')).toEqual({ allowed: false, retryAfterSeconds: 40 });
  });

  it('counts each key on its own', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.hit('a');
    expect(l.hit('a').allowed).toBe(false);
    expect(l.hit('b').allowed).toBe(true);
  });

  it('lets hits leave the window as time passes', () => {
    const l = limiter();
    l.hit('ip');
    clock += 30_000;
    l.hit('ip');
    l.hit('ip');
    expect(l.hit('ip').allowed).toBe(false);
    clock += 30_001; // the first hit is now older than the window
    expect(l.hit('ip').allowed).toBe(true);
    expect(l.hit('ip').allowed).toBe(false);
  });

  it('does not count refused attempts, so waiting out the window always helps', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.hit('ip');
    for (let i = 0; i < 50; i++) l.hit('ip');
    clock += 60_001;
    expect(l.hit('ip').allowed).toBe(true);
  });
});
