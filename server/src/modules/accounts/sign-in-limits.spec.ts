import { SignInLimits } from './sign-in-limits.js';

describe('SignInLimits', () => {
  let clock = 0;
  const limits = () => new SignInLimits({ loginRateLimit: 3, loginMaxFailures: 5, lockoutMinutes: 15 }, () => clock);
  beforeEach(() => {
    clock = 10_000_000;
  });

  it('locks a username nobody has on its 5th guess, for 15 minutes, like a real account', () => {
    const l = limits();
    for (let i = 0; i < 4; i++) expect(l.takeUnknownNameTurn('Ghost')).toEqual({ allowed: true, locksAccount: null });
    expect(l.takeUnknownNameTurn('ghost ')).toEqual({ allowed: true, locksAccount: new Date(clock + 15 * 60_000) });
    expect(l.takeUnknownNameTurn('GHOST')).toEqual({ allowed: false, lockedUntil: new Date(clock + 15 * 60_000) });
    clock += 15 * 60_000 + 1;
    expect(l.takeUnknownNameTurn('ghost')).toEqual({ allowed: true, locksAccount: null });
  });

  it('forgets guesses older than the window', () => {
    const l = limits();
    for (let i = 0; i < 4; i++) l.takeUnknownNameTurn('ghost');
    clock += 16 * 60_000;
    expect(l.takeUnknownNameTurn('ghost')).toEqual({ allowed: true, locksAccount: null });
  });

  it('gives an address its turn back after a success, so only failures use up the limit', () => {
    const l = limits();
    for (let i = 0; i < 10; i++) {
      expect(l.takeAddressTurn('10.0.0.1').allowed).toBe(true);
      l.giveBackAddressTurn('10.0.0.1');
    }
    for (let i = 0; i < 3; i++) expect(l.takeAddressTurn('10.0.0.1').allowed).toBe(true);
    expect(l.takeAddressTurn('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 900 });
  });
});
