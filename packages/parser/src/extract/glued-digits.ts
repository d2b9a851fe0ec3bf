/**
 * Splitting digit runs that lost their cell boundaries ("640020470" for 64 0 0 2 0 4 70).
 *
 * `splits` enumerates every way to cut a run into k numbers (no leading zeros, as tables never print them),
 * optionally only those where the last number is the sum of the others (a row's 总计). Which split is right is
 * then decided by the table's own rules across rows (applications.ts, review-litigation.ts) and, when several
 * remain, by plausibility priors; the choice is marked uncertain with its alternatives.
 */

/** Enumerations stop after this many results: a run that long is not a table row. */
export const MAX_SPLITS = 50_000;

export interface SplitOptions {
  /** The last part equals the sum of the others. */
  lastIsSum?: boolean;
  /** Several groups of `groupSize` parts, each ending with its sum (section 四). */
  groupSize?: number;
  /** Digits of the last part of the run may carry a decimal fraction (money). */
  decimalLast?: boolean;
}

/**
 * All ways to cut `digits` into `k` non-negative integers without leading zeros. With `lastIsSum`/`groupSize`,
 * only the splits that satisfy those sums. Returns null when the enumeration would exceed MAX_SPLITS.
 */
export function splits(digits: string, k: number, options: SplitOptions = {}): number[][] | null {
  const out: number[][] = [];
  const parts: number[] = [];
  const n = digits.length;
  if (k <= 0 || n < k) return out;
  let visited = 0;
  const groupSize = options.groupSize ?? (options.lastIsSum ? k : 0);
  const rec = (pos: number): boolean => {
    if (++visited > MAX_SPLITS * 20) return false;
    const index = parts.length;
    if (index === k) {
      if (pos === n) {
        out.push([...parts]);
        if (out.length > MAX_SPLITS) return false;
      }
      return true;
    }
    const remainingParts = k - index;
    const maxLen = n - pos - (remainingParts - 1);
    for (let len = 1; len <= maxLen; len++) {
      if (len > 1 && digits[pos] === '0') break;
      if (len > 15) break;
      const value = Number(digits.slice(pos, pos + len));
      if (groupSize && (index + 1) % groupSize === 0) {
        // The group's total: must equal the sum of the group's other parts.
        const groupStart = index + 1 - groupSize;
        let sum = 0;
        for (let i = groupStart; i < index; i++) sum += parts[i]!;
        if (value !== sum) {
          if (value > sum) break; // longer totals only grow
          continue;
        }
      }
      parts.push(value);
      const ok = rec(pos + len);
      parts.pop();
      if (!ok) return false;
    }
    return true;
  };
  return rec(0) ? out : null;
}

/**
 * Splits of a run that may carry signs ("396+5401": 396, +5, 401 or 396, +54, 01…): a sign starts a new number, so
 * it is a boundary no split may cross; spaces are not (scraped pages scatter them). Each signed or unsigned
 * segment is cut into one or more numbers, `k` in all. With `signedAt`, a signed number may only be the number at
 * that index (the change column).
 */
export function signedSplits(run: string, k: number, signedAt?: number): number[][] | null {
  const segments = run
    .replace(/\s+/g, '')
    .replace(/−|－/g, '-')
    .split(/(?=[+-])/)
    .filter(Boolean);
  if (segments.some((s) => !/^[+-]?\d+$/.test(s))) return [];
  const out: number[][] = [];
  const rec = (i: number, partsLeft: number, acc: number[]): boolean => {
    if (i === segments.length) {
      if (partsLeft === 0) out.push([...acc]);
      return out.length <= MAX_SPLITS;
    }
    const seg = segments[i]!;
    // A printed sign marks the change column (本年增/减): the signed number must land there.
    if (signedAt !== undefined && /^[+-]/.test(seg) && acc.length !== signedAt) return true;
    const sign = seg[0] === '-' ? -1 : 1;
    const digits = seg.replace(/^[+-]/, '');
    const segmentsLeft = segments.length - i - 1;
    for (let n = 1; n <= partsLeft - segmentsLeft; n++) {
      const cuts = splits(digits, n);
      if (cuts === null) return false;
      for (const cut of cuts) {
        cut[0] = sign * cut[0]!;
        if (!rec(i + 1, partsLeft - n, [...acc, ...cut])) return false;
      }
    }
    return true;
  };
  return rec(0, k, []) ? out : null;
}

/** Cuts a money run like "13575394432.52" into a count and an amount: every position before the decimal point. */
export function countAndAmountSplits(run: string): { count: number; amount: number }[] {
  const dot = run.indexOf('.');
  const intEnd = dot < 0 ? run.length : dot;
  const out: { count: number; amount: number }[] = [];
  for (let i = 1; i < intEnd; i++) {
    const head = run.slice(0, i);
    const tail = run.slice(i);
    if ((head.length > 1 && head[0] === '0') || (tail.length > 1 && tail[0] === '0' && tail[1] !== '.')) continue;
    out.push({ count: Number(head), amount: Number(tail) });
  }
  return out;
}

const digitsOf = (n: number) => (n === 0 ? 1 : Math.floor(Math.log10(Math.abs(n))) + 1);

/**
 * How plausible a split of a section 三 row is, before any rule: applications from organisations are few, so
 * long numbers in the five organisation columns are unlikely. Higher is more plausible.
 */
export function applicantRowPrior(parts: readonly number[]): number {
  let score = 0;
  for (let c = 1; c <= 5; c++) score -= digitsOf(parts[c] ?? 0) - 1;
  return score;
}
