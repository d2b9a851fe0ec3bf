/**
 * Cursors: where an item stands in a list, as the values of the list's sort key (which always ends in a unique
 * id), so a cursor keeps its place when rows are added or removed elsewhere in the list. A cursor is base64url of
 * JSON `[list, ...key values]`: opaque to clients, checked on the way back in — one that does not decode, names
 * another list, or whose values are not of the key's types is refused with INVALID_CURSOR.
 */
import { DEFAULT_PAGE_SIZE } from '../graphql/paging.args.js';
import type { ConnectionArgs } from './connection.args.js';
import { PaginationException } from './pagination.exception.js';

export type KeyType = 'int' | 'text';
export type KeyValue = number | string;
export type Direction = 'ASC' | 'DESC';

export interface KeyPart {
  type: KeyType;
  direction: Direction;
}

/** Longest cursor accepted; a real one is far shorter (agency names are the longest part). */
const MAX_CURSOR_LENGTH = 2048;
const MAX_TEXT_KEY_LENGTH = 1000;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(list: string, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([list, ...values]), 'utf8').toString('base64url');
}

/** The key values of a cursor given to `list`, or INVALID_CURSOR. */
export function decodeCursor(cursor: string, list: string, key: readonly KeyPart[], argument: 'after' | 'before'): KeyValue[] {
  const refuse = () => PaginationException.invalidCursor(argument);
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw refuse();
  const json = Buffer.from(cursor, 'base64url').toString('utf8');
  // Only the exact encoding of a cursor we could have made (no padding variants, no stray bits).
  if (Buffer.from(json, 'utf8').toString('base64url') !== cursor) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== key.length + 1 || parsed[0] !== list) throw refuse();
  const values = parsed.slice(1) as unknown[];
  values.forEach((v, i) => {
    const ok = key[i]!.type === 'int' ? Number.isSafeInteger(v) : typeof v === 'string' && v.length <= MAX_TEXT_KEY_LENGTH;
    if (!ok) throw refuse();
  });
  return values as KeyValue[];
}

/** What a page asks for, cursors decoded: `size` items forward from `after`, or backward from `before`. */
export interface PageWindow {
  size: number;
  backward: boolean;
  after: KeyValue[] | null;
  before: KeyValue[] | null;
}

export function pageWindow(args: ConnectionArgs, list: string, key: readonly KeyPart[]): PageWindow {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first !== null && last !== null) throw PaginationException.firstAndLast();
  return {
    size: first ?? last ?? DEFAULT_PAGE_SIZE,
    backward: last !== null,
    after: args.after === null || args.after === undefined ? null : decodeCursor(args.after, list, key, 'after'),
    before: args.before === null || args.before === undefined ? null : decodeCursor(args.before, list, key, 'before'),
  };
}

/**
 * Orders two strings by Unicode code point, which is the order of their UTF-8 bytes (PostgreSQL's order under the C
 * collation the embedded cluster uses, `--locale=C`), without encoding them: a sort of a province's 3 000 names makes
 * tens of thousands of comparisons. UTF-16 code units already sort by code point except that a surrogate (half of a
 * character above U+FFFF) sorts below U+E000–U+FFFF; where both units are that high, they are shifted into order.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Compares two keys in list order; text by code point (see compareCodePoints). */
export function compareKeys(key: readonly KeyPart[], a: readonly KeyValue[], b: readonly KeyValue[]): number {
  for (let i = 0; i < key.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const c = key[i]!.type === 'int' ? Number(x) - Number(y) : compareCodePoints(String(x), String(y));
    if (c !== 0) return key[i]!.direction === 'ASC' ? Math.sign(c) : -Math.sign(c);
  }
  return 0;
}
