/** The real reports of @ogi/corpus (packages/corpus), with their hand-checked expected parse. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedReportCore } from '@ogi/domain';

export const CORPUS_DIR = fileURLToPath(new URL('../../../corpus/', import.meta.url));

/** A corpus report's path: reports that parse are in reports/, the ones the parser must refuse in refused/. */
export function corpusFile(name: string): string {
  const parsed = join(CORPUS_DIR, 'reports', name);
  return existsSync(parsed) ? parsed : join(CORPUS_DIR, 'refused', name);
}

export interface CorpusCase {
  name: string;
  file: string;
  bytes: Buffer;
  expected: (ParsedReportCore & { agencyAlternatives?: string[] }) | null;
  expectedError: string | null;
}

export function corpusCases(): CorpusCase[] {
  const reports = [...readdirSync(join(CORPUS_DIR, 'reports')), ...readdirSync(join(CORPUS_DIR, 'refused'))];
  return readdirSync(join(CORPUS_DIR, 'expected'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = basename(f, '.json');
      const report = reports.find((r) => basename(r, extname(r)) === name)!;
      const json = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected', f), 'utf8')) as Record<string, unknown>;
      return {
        name,
        file: report,
        bytes: readFileSync(corpusFile(report)),
        expected: json['expectedError'] ? null : (json as unknown as CorpusCase['expected']),
        expectedError: (json['expectedError'] as string | undefined) ?? null,
      };
    });
}

/** Every cell of the three tables that differs between a parse and the expected parse, as readable lines. */
export function tableDifferences(actual: ParsedReportCore, expected: ParsedReportCore): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));
  for (const [row, fields] of Object.entries(expected.activeDisclosure))
    for (const [k, v] of Object.entries(fields)) {
      const got = actual.activeDisclosure[row]?.[k];
      if (!same(got ?? null, v)) out.push(`activeDisclosure.${row}.${k}: expected ${v}, got ${got}`);
    }
  for (const [row, values] of Object.entries(expected.applications))
    values.forEach((v, i) => {
      const got = actual.applications[row]?.[i];
      if (!same(got ?? null, v)) out.push(`applications.${row}[${i}]: expected ${v}, got ${got}`);
    });
  for (const [row, values] of Object.entries(expected.reviewLitigation))
    values.forEach((v, i) => {
      const got = actual.reviewLitigation[row]?.[i];
      if (!same(got ?? null, v)) out.push(`reviewLitigation.${row}[${i}]: expected ${v}, got ${got}`);
    });
  return out;
}
