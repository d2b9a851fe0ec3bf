/**
 * One way to page every long list by cursor (keyset paging): the page is the rows strictly after (or before) the
 * cursor's key in the list's order, so inserts and deletes elsewhere never shift it — no row is skipped or seen
 * twice, unlike OFFSET. `keysetConnection` does it in SQL for lists read from the database; `sortedConnection`
 * does the same over rows already in memory (lists computed in code).
 */
import type { ConnectionArgs } from './connection.args.js';
import type { Connection } from './connection.model.js';
import { compareKeys, encodeCursor, pageWindow, type KeyPart, type KeyValue, type PageWindow } from './cursor.js';

/** One part of a list's sort key: a SQL expression that is never null. The last part must be unique (an id). */
export interface SqlKeyPart extends KeyPart {
  sql: string;
}

/** A list read with SQL: what it selects, from where, which rows (the caller's scope included) and in what order. */
export interface KeysetList {
  /** Names the list inside its cursors, so a cursor of one list is refused by another. */
  list: string;
  key: readonly SqlKeyPart[];
  /** The select list, without `SELECT`. */
  columns: string;
  /** `FROM …` with its joins; the key's expressions and `where` refer to it. */
  from: string;
  /** The list's filter, with placeholders `$1…$n` for `params`. */
  where: string;
  params: readonly unknown[];
}

interface Queryable {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

const CAST: Record<KeyPart['type'], string> = { int: 'bigint', text: 'text' };

/**
 * The rows strictly after (`side` after) or before the key `values` in list order, as a condition; appends the
 * values to `params`. Written out as (a > x) OR (a = x AND b > y) … so keys of mixed directions work.
 */
export function keysetCondition(key: readonly SqlKeyPart[], values: readonly KeyValue[], side: 'after' | 'before', params: unknown[]): string {
  const placeholders = key.map((part, i) => {
    params.push(values[i]);
    return `$${params.length}::${CAST[part.type]}`;
  });
  const alternatives = key.map((part, i) => {
    const ascending = part.direction === 'ASC';
    const op = ascending === (side === 'after') ? '>' : '<';
    const equal = key.slice(0, i).map((p, j) => `${p.sql} = ${placeholders[j]}`);
    return [...equal, `${part.sql} ${op} ${placeholders[i]}`].join(' AND ');
  });
  return `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

const flip = (d: KeyPart['direction']) => (d === 'ASC' ? 'DESC' : 'ASC');

/** Builds the page from the rows fetched in the window (one more than the page, to know whether more follow). */
function toConnection<N>(
  window: PageWindow,
  fetched: readonly { node: N; values: KeyValue[] }[],
  list: string,
  totalCount: number,
  precedingWindow: boolean,
  followingWindow: boolean,
): Connection<N> {
  const more = fetched.length > window.size;
  const rows = fetched.slice(0, window.size);
  if (window.backward) rows.reverse();
  const edges = rows.map((r) => ({ cursor: encodeCursor(list, r.values), node: r.node }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount,
    pageInfo: {
      hasNextPage: (!window.backward && more) || followingWindow,
      hasPreviousPage: (window.backward && more) || precedingWindow,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A page of a SQL list: one statement for the page (LIMIT size + 1 in the window, walking backward for `last`),
 * one for the total and whether rows lie before `after` or from `before` on.
 */
export async function keysetConnection<R, N>(db: Queryable, spec: KeysetList, args: ConnectionArgs, toNode: (row: R) => N): Promise<Connection<N>> {
  const window = pageWindow(args, spec.list, spec.key);
  const pageParams = [...spec.params];
  const conditions = [`(${spec.where})`];
  if (window.after) conditions.push(keysetCondition(spec.key, window.after, 'after', pageParams));
  if (window.before) conditions.push(keysetCondition(spec.key, window.before, 'before', pageParams));
  const order = spec.key.map((k) => `${k.sql} ${window.backward ? flip(k.direction) : k.direction}`).join(', ');
  const keyColumns = spec.key.map((k, i) => `${k.sql} AS cursor_key_${i}`).join(', ');
  pageParams.push(window.size + 1);

  const countParams = [...spec.params];
  // Keys are never null, so NOT (after the cursor) is exactly "at or before the cursor".
  const preceding = window.after ? `count(*) FILTER (WHERE NOT ${keysetCondition(spec.key, window.after, 'after', countParams)})::int` : '0';
  const following = window.before ? `count(*) FILTER (WHERE NOT ${keysetCondition(spec.key, window.before, 'before', countParams)})::int` : '0';

  const [rows, [counts]] = await Promise.all([
    db.query<(R & Record<string, unknown>)[]>(
      `SELECT ${spec.columns}, ${keyColumns} ${spec.from} WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT $${pageParams.length}`,
      pageParams,
    ),
    db.query<{ total: number; preceding: number; following: number }[]>(
      `SELECT count(*)::int AS total, ${preceding} AS preceding, ${following} AS following ${spec.from} WHERE (${spec.where})`,
      countParams,
    ),
  ]);
  const fetched = rows.map((row) => ({
    node: toNode(row),
    values: spec.key.map((k, i) => (k.type === 'int' ? Number(row[`cursor_key_${i}`]) : String(row[`cursor_key_${i}`]))),
  }));
  return toConnection(window, fetched, spec.list, counts?.total ?? 0, (counts?.preceding ?? 0) > 0, (counts?.following ?? 0) > 0);
}

/** One part of the sort key of a list held in memory: how to read it from an item. */
export interface MemoryKeyPart<N> extends KeyPart {
  of: (node: N) => KeyValue;
}

/** The same paging over a whole list computed in code: sorted by its key, then windowed like the SQL lists. */
export function sortedConnection<N>(list: string, key: readonly MemoryKeyPart<N>[], items: readonly N[], args: ConnectionArgs): Connection<N> {
  const window = pageWindow(args, list, key);
  const keyed = items.map((node) => ({ node, values: key.map((k) => k.of(node)) })).sort((a, b) => compareKeys(key, a.values, b.values));
  const inWindow = keyed.filter(
    (r) => (!window.after || compareKeys(key, r.values, window.after) > 0) && (!window.before || compareKeys(key, r.values, window.before) < 0),
  );
  const preceding = window.after !== null && keyed.some((r) => compareKeys(key, r.values, window.after!) <= 0);
  const following = window.before !== null && keyed.some((r) => compareKeys(key, r.values, window.before!) >= 0);
  const fetched = window.backward ? inWindow.slice(-(window.size + 1)).reverse() : inWindow.slice(0, window.size + 1);
  return toConnection(window, fetched, list, keyed.length, preceding, following);
}
