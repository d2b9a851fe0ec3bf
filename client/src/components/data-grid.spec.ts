import { describe, expect, it } from 'vitest';
import { formatSort, parseSort, sortRows, type GridRow } from './data-grid';

const row = (key: string, name: string, rate: number | null): GridRow => ({
  key,
  cells: { name: { sort: name, text: name }, rate: { sort: rate, text: String(rate) } },
});
const rows = [row('a', '沭阳县', 0.5), row('b', '鄂州市', null), row('c', '淮安市', 0.9), row('d', '平潭', 0.5)];

describe('grid sorting', () => {
  it('sorts numbers both ways and keeps blanks last either way', () => {
    expect(sortRows(rows, { key: 'rate', dir: 'desc' }).map((r) => r.key)).toEqual(['c', 'a', 'd', 'b']);
    expect(sortRows(rows, { key: 'rate', dir: 'asc' }).map((r) => r.key)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('sorts names in Chinese order and leaves the input untouched', () => {
    const before = rows.map((r) => r.key);
    expect(sortRows(rows, { key: 'name', dir: 'asc' })).toHaveLength(4);
    expect(rows.map((r) => r.key)).toEqual(before);
    expect(sortRows(rows, null).map((r) => r.key)).toEqual(before);
  });

  it('reads and writes the sort for the URL', () => {
    expect(parseSort('outcomes.disclosureRate:2023:desc')).toEqual({ key: 'outcomes.disclosureRate:2023', dir: 'desc' });
    expect(parseSort('nonsense')).toBeNull();
    expect(formatSort({ key: 'year', dir: 'asc' })).toBe('year:asc');
  });
});
