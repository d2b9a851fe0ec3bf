import { PaginationErrorCode, PaginationException } from './pagination.exception.js';
import { compareCodePoints, decodeCursor, encodeCursor, type KeyPart } from './cursor.js';
import { keysetCondition, sortedConnection, type MemoryKeyPart } from './keyset.js';

const KEY: KeyPart[] = [
  { type: 'int', direction: 'DESC' },
  { type: 'text', direction: 'ASC' },
  { type: 'int', direction: 'ASC' },
];

const reasonOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof PaginationException ? e.code : String(e);
  }
};

describe('cursors', () => {
  it('decode to the key they were made from, Chinese names included', () => {
    const cursor = encodeCursor('reports', [2023, '甲市教育局', 17]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'reports', KEY, 'after')).toEqual([2023, '甲市教育局', 17]);
  });

  it('are refused when garbled, forged with the wrong types, of another list, or not base64 at all', () => {
    const good = encodeCursor('reports', [2023, '甲市教育局', 17]);
    const garbled = `${good.slice(0, 5)}${good[5] === 'A' ? 'B' : 'A'}${good.slice(6)}`;
    const cases = [
      garbled,
      good.slice(0, -3),
      `${good}=`,
      'not a cursor!',
      '',
      'x'.repeat(3000),
      encodeCursor('findings', [2023, '甲市教育局', 17]),
      encodeCursor('reports', [2023, '甲市教育局']),
      encodeCursor('reports', ['2023', '甲市教育局', 17]),
      encodeCursor('reports', [2023, 5, 17]),
      encodeCursor('reports', [2023, '甲市教育局', 1.5]),
      Buffer.from('{"list":"reports"}').toString('base64url'),
    ];
    for (const c of cases) expect([c, reasonOf(() => decodeCursor(c, 'reports', KEY, 'before'))]).toEqual([c, PaginationErrorCode.INVALID_CURSOR]);
  });

  it('say in Chinese first which argument was wrong', () => {
    try {
      decodeCursor('bad!', 'reports', KEY, 'after');
      throw new Error('accepted');
    } catch (e) {
      expect((e as PaginationException).message).toMatch(/^after: 分页游标无效/);
      expect((e as PaginationException).apiCode).toBe('BAD_USER_INPUT');
    }
  });
});

describe('compareCodePoints', () => {
  it("orders names as PostgreSQL's C collation does (by UTF-8 bytes), characters beyond U+FFFF included", () => {
    // UTF-8: A 41, Z 5A, a 61, é C3 A9, 乙 E4 B9 99, 甲 E7 94 B2, ！ EF BC 81, 𠀀 F0 A0 80 80, 𪚥 F0 AA 9A A5; a prefix first.
    // Compared as UTF-16 units, 𠀀 (D840 DC00) would come before ！ (FF01).
    const names = ['𪚥', '甲市', '！', 'a', '甲', 'é', '𠀀', 'Z', '乙', 'A'];
    expect([...names].sort(compareCodePoints)).toEqual(['A', 'Z', 'a', 'é', '乙', '甲', '甲市', '！', '𠀀', '𪚥']);
    expect(compareCodePoints('甲市', '甲市')).toBe(0);
  });
});

describe('keysetCondition', () => {
  it('writes "after" for keys of mixed directions as a chain of ties', () => {
    const params: unknown[] = ['scope'];
    const sql = keysetCondition(
      [
        { sql: 'r.year', type: 'int', direction: 'DESC' },
        { sql: 'a.name', type: 'text', direction: 'ASC' },
      ],
      [2023, '甲'],
      'after',
      params,
    );
    expect(sql).toBe('((r.year < $2::bigint) OR (r.year = $2::bigint AND a.name > $3::text))');
    expect(params).toEqual(['scope', 2023, '甲']);
  });

  it('turns every comparison round for "before"', () => {
    const sql = keysetCondition([{ sql: 'l.id', type: 'int', direction: 'DESC' }], [40], 'before', []);
    expect(sql).toBe('((l.id > $1::bigint))');
  });
});

describe('sortedConnection', () => {
  interface Row {
    year: number;
    name: string;
    id: number;
  }
  const ORDER: MemoryKeyPart<Row>[] = [
    { type: 'int', direction: 'DESC', of: (r) => r.year },
    { type: 'text', direction: 'ASC', of: (r) => r.name },
    { type: 'int', direction: 'ASC', of: (r) => r.id },
  ];
  // In list order: 2024 乙 (3), 2023 乙 (4), 2023 甲 (2), 2023 甲 (5), 2022 甲 (1) — 乙 U+4E59 comes before 甲 U+7532.
  const rows: Row[] = [
    { year: 2023, name: '甲', id: 5 },
    { year: 2022, name: '甲', id: 1 },
    { year: 2024, name: '乙', id: 3 },
    { year: 2023, name: '乙', id: 4 },
    { year: 2023, name: '甲', id: 2 },
  ];
  const ids = (c: { nodes: Row[] }) => c.nodes.map((r) => r.id);

  it('pages forward two at a time through the whole list, newest year first, then name by code point, then id', () => {
    const p1 = sortedConnection('t', ORDER, rows, { first: 2 });
    // 乙 (U+4E59) sorts before 甲 (U+7532).
    expect(ids(p1)).toEqual([3, 4]);
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(p1.totalCount).toBe(5);
    const p2 = sortedConnection('t', ORDER, rows, { first: 2, after: p1.pageInfo.endCursor });
    expect(ids(p2)).toEqual([2, 5]);
    expect(p2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const p3 = sortedConnection('t', ORDER, rows, { first: 2, after: p2.pageInfo.endCursor });
    expect(ids(p3)).toEqual([1]);
    expect(p3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(p3.edges[0]!.cursor).toBe(p3.pageInfo.startCursor);
  });

  it('pages backward with last/before, in list order', () => {
    const end = sortedConnection('t', ORDER, rows, { last: 2 });
    expect(ids(end)).toEqual([5, 1]);
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = sortedConnection('t', ORDER, rows, { last: 2, before: end.pageInfo.startCursor });
    expect(ids(before)).toEqual([4, 2]);
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('keeps its place when a row is added before the cursor', () => {
    const p1 = sortedConnection('t', ORDER, rows, { first: 2 });
    const grown = [...rows, { year: 2025, name: '丙', id: 9 }];
    expect(ids(sortedConnection('t', ORDER, grown, { first: 2, after: p1.pageInfo.endCursor }))).toEqual([2, 5]);
  });

  it('refuses first and last together, and a cursor of another list', () => {
    expect(reasonOf(() => sortedConnection('t', ORDER, rows, { first: 1, last: 1 }))).toBe(PaginationErrorCode.FIRST_AND_LAST);
    expect(reasonOf(() => sortedConnection('t', ORDER, rows, { after: encodeCursor('other', [2023, '甲', 2]) }))).toBe(PaginationErrorCode.INVALID_CURSOR);
  });

  it('answers an empty list with an empty page and no cursors', () => {
    expect(sortedConnection('t', ORDER, [], {})).toEqual({
      edges: [],
      nodes: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });
});
