/**
 * Mutations of real report files for fuzzing: flipped bytes, cut and repeated pieces, stray labels and digits,
 * shuffled lines. Deterministic for a seed, so a failure can be replayed. Used by the parser's fuzz test and the
 * server's upload-route fuzz test (`@ogi/parser/testing`); not part of the parser's runtime.
 */

/** A small deterministic random source (xorshift32): `random(n)` is an integer in [0, n). */
export function seededRandom(seed: number): (n: number) => number {
  let x = seed || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

/** Pieces worth inserting: the format's own labels, glued digit runs, table syntax, container signatures. */
export const MUTATION_INSERTS = [
  '（七）总计',
  '一、本年新收政府信息公开申请数量',
  '0000000',
  '123456789012',
  '|',
  '\n',
  '<table><tr><td>',
  '勾稽关系',
  '%PDF-',
  '行政复议',
  '',
  '二、',
  '2.',
];

/** How many kinds of mutation `mutate` knows. */
export const MUTATION_KINDS = 6;

/**
 * One mutation of `bytes`: 0 flipped bytes, 1 a piece cut out, 2 a piece repeated, 3 truncated, 4 inserted
 * labels/digits/syntax, 5 shuffled lines.
 */
export function mutate(bytes: Uint8Array, kind: number, random: (n: number) => number): Uint8Array {
  const b = Buffer.from(bytes);
  switch (kind) {
    case 0: {
      for (let i = 0, n = 1 + random(30); i < n; i++) b[random(b.length)] = random(256);
      return b;
    }
    case 1: {
      const at = random(b.length);
      return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + random(4000)))]);
    }
    case 2: {
      const at = random(b.length);
      const piece = b.subarray(at, at + random(3000));
      return Buffer.concat([b.subarray(0, at), piece, piece, piece, b.subarray(at)]);
    }
    case 3:
      return b.subarray(0, random(b.length));
    case 4: {
      const parts: Buffer[] = [];
      let last = 0;
      for (let i = 0, n = 1 + random(20); i < n; i++) {
        const at = last + random(Math.max(1, b.length - last));
        parts.push(b.subarray(last, at), Buffer.from(MUTATION_INSERTS[random(MUTATION_INSERTS.length)]!, 'utf8'));
        last = at;
      }
      parts.push(b.subarray(last));
      return Buffer.concat(parts);
    }
    default: {
      const lines = b.toString('utf8').split('\n');
      for (let i = lines.length - 1; i > 0; i--) {
        if (random(4) !== 0) continue;
        const j = random(i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return Buffer.from(lines.join('\n'), 'utf8');
    }
  }
}

/**
 * A row of table cells as a crawler prints it that writes each run of equal neighbouring numbers once and drops
 * blank cells: `46 0 0 0 0 0 46` → `46 0 46`, a row of zeros → `0`. Labels and other text are kept as they are.
 */
export function collapseRuns(cells: readonly string[]): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    const text = cell.trim();
    if (!text) continue;
    const previous = out[out.length - 1];
    if (previous === text && /^[+-]?\d+(\.\d+)?$/.test(text)) continue;
    out.push(text);
  }
  return out;
}
