import { ResultCache, printed, resultKey, whenPrinted } from './result-cache.js';

const answer = (n: number) => ({ rollup: [{ value: n }] });

describe('ResultCache', () => {
  it('keeps nothing until it can hear changes, then serves what it kept', () => {
    const cache = new ResultCache(1000);
    cache.keep('a', answer(1), 10, cache.generation);
    expect(cache.lookup('a')).toBeUndefined();
    cache.listening();
    cache.keep('a', answer(1), 10, cache.generation);
    expect(cache.lookup('a')).toEqual(answer(1));
  });

  it('drops everything when a change is heard, and does not keep an answer worked out across one', () => {
    const cache = new ResultCache(1000);
    cache.listening();
    cache.keep('a', answer(1), 10, cache.generation);
    const started = cache.generation;
    cache.forget();
    expect(cache.lookup('a')).toBeUndefined();
    cache.keep('b', answer(2), 10, started);
    expect(cache.lookup('b')).toBeUndefined();
    expect(cache.size).toEqual({ answers: 0, bytes: 0 });
  });

  it('serves nothing while deaf, and starts afresh when listening again', () => {
    const cache = new ResultCache(1000);
    cache.listening();
    cache.keep('a', answer(1), 10, cache.generation);
    cache.deaf();
    expect(cache.lookup('a')).toBeUndefined();
    cache.keep('a', answer(1), 10, cache.generation);
    expect(cache.size.answers).toBe(0);
    cache.listening();
    expect(cache.lookup('a')).toBeUndefined();
  });

  it('stays within its budget, dropping the least recently used first, and never keeps one answer of over a quarter of it', () => {
    const cache = new ResultCache(100);
    cache.listening();
    const g = cache.generation;
    cache.keep('a', answer(1), 25, g);
    cache.keep('b', answer(2), 25, g);
    cache.keep('c', answer(3), 25, g);
    cache.lookup('a'); // a is now the most recently used
    cache.keep('d', answer(4), 25, g);
    cache.keep('e', answer(5), 25, g);
    expect(cache.lookup('b')).toBeUndefined();
    expect(cache.lookup('a')).toEqual(answer(1));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    cache.keep('big', answer(6), 26, g);
    expect(cache.lookup('big')).toBeUndefined();
  });

  it('keeps nothing with a budget of 0', () => {
    const cache = new ResultCache(0);
    cache.listening();
    cache.keep('a', answer(1), 0, cache.generation);
    expect(cache.enabled).toBe(false);
    expect(cache.lookup('a')).toBeUndefined();
  });

  it('learns an answer’s size when it is printed, once', () => {
    const data = answer(1);
    const sizes: number[] = [];
    whenPrinted(data, (bytes) => sizes.push(bytes));
    printed(answer(1), 5); // another object of the same content
    printed(data, 42);
    printed(data, 43);
    expect(sizes).toEqual([42]);
  });

  it('keys differ by asker, day, operation and variables', () => {
    const base = resultKey('session:leader:*', '2026-12-07', '{ a }', null, { y: 1 });
    expect(resultKey('session:leader:*', '2026-12-07', '{ a }', null, { y: 1 })).toBe(base);
    for (const other of [
      resultKey('session:department:7', '2026-12-07', '{ a }', null, { y: 1 }),
      resultKey('session:leader:*', '2026-12-08', '{ a }', null, { y: 1 }),
      resultKey('session:leader:*', '2026-12-07', '{ b }', null, { y: 1 }),
      resultKey('session:leader:*', '2026-12-07', '{ a }', 'A', { y: 1 }),
      resultKey('session:leader:*', '2026-12-07', '{ a }', null, { y: 2 }),
    ]) {
      expect(other).not.toBe(base);
    }
  });

  it('are the same for the same variables sent in another order, at any depth', () => {
    const key = (variables: unknown) => resultKey('session:leader:*', '2026-12-07', '{ a }', null, variables);
    expect(key({ years: [2023, 2024], selection: { agencyIds: ['3'], includeDescendants: true } })).toBe(
      key({ selection: { includeDescendants: true, agencyIds: ['3'] }, years: [2023, 2024] }),
    );
    // The order of a list's items is part of the question.
    expect(key({ years: [2024, 2023] })).not.toBe(key({ years: [2023, 2024] }));
  });
});
