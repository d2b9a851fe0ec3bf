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
import { MUTATION_KINDS, mutate, seededRandom } from '../src/testing/mutate.js';
import { corpusCases } from './support/corpus.js';

describe('fuzzing with mutated real reports', () => {
  const pool = new ParserPool({ size: 2, timeoutMs: 20_000 });
  afterAll(() => pool.close());
  const corpus = corpusCases();

  async function run(files: typeof corpus, count: number, seed: number) {
    const random = seededRandom(seed);
    const problems: string[] = [];
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const source = files[i % files.length]!;
      const kind = random(MUTATION_KINDS);
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
