import { describe, expect, it } from 'vitest';
import { retryingImport } from './retrying-import';

describe('a lazily imported chunk', () => {
  it('is fetched once while it loads and once loaded', async () => {
    let fetches = 0;
    const load = retryingImport(async () => ({ n: ++fetches }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(fetches).toBe(1);
  });

  it('is fetched again after a failure, so a retry can succeed', async () => {
    let fetches = 0;
    const load = retryingImport(async () => {
      fetches++;
      if (fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'charts';
    });
    await expect(load()).rejects.toThrow('Failed to fetch');
    await expect(load()).resolves.toBe('charts');
    expect(fetches).toBe(2);
  });
});
