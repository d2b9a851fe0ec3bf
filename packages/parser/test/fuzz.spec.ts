/**
 * Thousands of mutated real reports: flipped bytes, cut and repeated pieces, stray labels and digits, shuffled
 * lines. Whatever comes in, the parser answers — a parse or a refusal with its code — never an internal error,
 * never a hang (each file runs under the pool's time bound).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARSE_ERROR_CODES } from '@ogi/domain';
import { ParserPool, type ParseOutcome } from '../src/pool.js';
import { corpusCases } from './support/corpus.js';

function rng(seed: number) {
  let x = seed || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

const INSERTS = ['（七）总计', '一、本年新收政府信息公开申请数量', '0000000', '123456789012', '|', '\n', '<table><tr><td>', '勾稽关系', '%PDF-', '行政复议', '', '二、', '2.'];

function mutate(bytes: Uint8Array, kind: number, random: (n: number) => number): Uint8Array {
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
        parts.push(b.subarray(last, at), Buffer.from(INSERTS[random(INSERTS.length)]!, 'utf8'));
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

describe('fuzzing with mutated real reports', () => {
  const pool = new ParserPool({ size: 2, timeoutMs: 20_000 });
  afterAll(() => pool.close());
  const corpus = corpusCases();

  async function run(files: typeof corpus, count: number, seed: number) {
    const random = rng(seed);
    const problems: string[] = [];
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const source = files[i % files.length]!;
      const kind = random(6);
      const bytes = mutate(source.bytes, kind, random);
      jobs.push(
        pool.parse(bytes, source.file).then((o: ParseOutcome) => {
          if (o.ok) return;
          if (o.error.internal || o.error.code === 'TIMEOUT' || !PARSE_ERROR_CODES.includes(o.error.code))
            problems.push(`${source.name} mutation ${kind} #${i}: ${o.error.code} ${o.error.message}`);
        }),
      );
    }
    await Promise.all(jobs);
    return problems;
  }

  it('3000 mutations of the text, Markdown and HTML reports: no crash, no hang', async () => {
    const texts = corpus.filter((c) => !c.file.endsWith('.pdf'));
    expect(await run(texts, 3000, 20261128)).toEqual([]);
  }, 600_000);

  it('400 mutations of Word files (.doc compound files and .docx zips): no crash, no hang', async () => {
    const dir = fileURLToPath(new URL('rendered/', import.meta.url));
    const office = readdirSync(dir)
      .filter((f) => /\.docx?$/.test(f))
      .map((f) => ({ name: f, file: f, bytes: readFileSync(join(dir, f)), expected: null, expectedError: null }));
    expect(await run(office, 400, 7)).toEqual([]);
  }, 600_000);

  it('120 mutations of the PDF reports: no crash, no hang', async () => {
    const pdfs = corpus.filter((c) => c.file.endsWith('.pdf'));
    expect(await run(pdfs, 120, 42)).toEqual([]);
  }, 600_000);
});
