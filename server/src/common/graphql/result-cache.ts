/**
 * Answers kept between requests: leaders open the same overview each morning, and a province's roll-up, breakdowns
 * and submissions are the same for every one of them until a report, a correction or an agency changes.
 *
 * What is kept: the `data` of a successful query whose root fields are all CACHED_FIELDS (reads of reports and
 * agencies whose answer follows from the arguments, the asker's role and agencies, the day and the data), under
 * the asker's role and scope, the China date, the operation's text and its variables. Nothing else (sessions,
 * users, tokens, imports in progress, the audit log, follow-ups) is ever kept. A briefing from memory says when it
 * was written: the first time that day it was asked for, from the same data.
 *
 * When it is dropped: the database announces every committed write to the reports' and agencies' tables
 * (@ogi/database's DATA_CHANGED_CHANNEL); hearing one drops everything kept. An answer worked out while a change
 * was being heard is not kept (the generation it started in is over), and while the announcements cannot be heard
 * (the listening connection is down) nothing is kept or served. RESULT_CACHE_MB bounds the memory (least recently
 * used answers go first); 0 turns the cache off.
 */
/** Root query fields whose answers may be kept (see above). */
export const CACHED_FIELDS: ReadonlySet<string> = new Set([
  'agencies',
  'agency',
  'agencyTree',
  'breakdown',
  'briefing',
  'compare',
  'dataQuality',
  'findings',
  'findingsConnection',
  'leagueTable',
  'metricDefinitions',
  'notableChanges',
  'ranking',
  'report',
  'reportDiff',
  'reports',
  'reportsConnection',
  'rollup',
  'submissionMatrix',
  'submissionSummary',
  'submissions',
  'submissionsConnection',
  'thresholdHistory',
  'thresholds',
  'timeSeries',
]);

/**
 * Mutations that change no kept answer: signing in and out, one's own password and access tokens. Every other
 * mutation drops the kept answers at once (before its answer reaches the browser, which may ask again at once);
 * these do not, or every sign-in would empty the cache.
 */
export const MUTATIONS_KEEPING_ANSWERS: ReadonlySet<string> = new Set(['changePassword', 'createAccessToken', 'login', 'logout', 'revokeAccessToken']);

/** One answer may take at most this share of the budget (a 30 MB export-sized answer would push out everything else). */
const LARGEST_SHARE = 4;

interface Kept {
  data: Record<string, unknown>;
  bytes: number;
}

export class ResultCache {
  /** In order of use, least recent first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Kept>();
  private bytes = 0;
  private generationCount = 0;
  /** Whether changes can be heard; until the listener says so, nothing is kept. */
  private hearing = false;

  constructor(readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** Whether answers are kept now: the cache is on and changes can be heard. */
  get keeping(): boolean {
    return this.enabled && this.hearing;
  }

  /** Changes so far: an answer is kept only if none was heard while it was worked out. */
  get generation(): number {
    return this.generationCount;
  }

  /** The kept answer for `key`, or undefined. */
  lookup(key: string): Record<string, unknown> | undefined {
    if (!this.hearing) return undefined;
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.data;
  }

  /** Keeps an answer of `bytes` (its JSON's length) worked out in `generation`. */
  keep(key: string, data: Record<string, unknown>, bytes: number, generation: number): void {
    if (!this.enabled || !this.hearing || generation !== this.generationCount || bytes > this.maxBytes / LARGEST_SHARE) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, { data, bytes });
    this.bytes += bytes;
    for (const [oldest, kept] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= kept.bytes;
    }
  }

  /** The data changed: everything kept is dropped, and answers being worked out are not kept. */
  forget(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generationCount++;
  }

  /** Changes can be heard (again): start afresh, since changes made in between were not. */
  listening(): void {
    this.forget();
    this.hearing = true;
  }

  /** Changes cannot be heard: keep and serve nothing until `listening`. */
  deaf(): void {
    this.hearing = false;
    this.forget();
  }

  /** How many answers and bytes are kept (for tests and the health of the server). */
  get size(): { answers: number; bytes: number } {
    return { answers: this.entries.size, bytes: this.bytes };
  }
}

/** The key of an operation for an asker: who (role and agencies), the day, the text and the variables. */
export function resultKey(asker: string, day: string, query: string, operationName: string | null | undefined, variables: unknown): string {
  return JSON.stringify([asker, day, operationName ?? null, query, withSortedKeys(variables ?? {})]);
}

/** The value with every object's keys in order: variables sent (or stored) in another order are the same question. */
export function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((k) => [k, withSortedKeys(object[k])]),
  );
}

/** Answers sent and not yet printed, by their data object, with what to do once their JSON's length is known. */
const awaitingPrint = new WeakMap<object, (bytes: number) => void>();

/** Calls `then` with the length of `data`'s JSON once the answer has been printed for sending (see `printed`). */
export function whenPrinted(data: object, then: (bytes: number) => void): void {
  awaitingPrint.set(data, then);
}

/** An answer's JSON has been printed for sending: its `data` took `bytes`. Called by the server's printer. */
export function printed(data: unknown, bytes: number): void {
  if (data === null || typeof data !== 'object') return;
  const then = awaitingPrint.get(data);
  if (!then) return;
  awaitingPrint.delete(data);
  then(bytes);
}
