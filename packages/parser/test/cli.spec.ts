/** The command line every corpus check calls (shared/spec/parser-cli.md). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFile } from './support/corpus.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const report = corpusFile;

function parse(...files: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--json', ...files], { cwd: packageDir, encoding: 'utf8', timeout: 120_000 });
  return {
    status: run.status,
    lines: run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
    stderr: run.stderr,
  };
}

describe('parse --json FILE...', () => {
  it('prints one JSON line per file, in the order given, and exits 0 when all parsed', () => {
    const files = [report('009_pingtan_syq_2021.txt'), report('000_ezhou_xzspj_2020.txt')];
    const { status, lines } = parse(...files);
    expect(status).toBe(0);
    expect(lines.map((l) => [l['file'], l['agency'], l['year'], l['schemaVersion']])).toEqual([
      [files[0], '平潭综合实验区', 2021, 1],
      [files[1], '鄂州市行政审批局', 2020, 1],
    ]);
    expect((lines[1]!['applications'] as Record<string, number[]>)['total']).toEqual([23, 3, 0, 0, 0, 3, 29]);
  }, 120_000);

  it('gives a failing file an error line with its code, goes on with the others, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogi-cli-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const { status, lines, stderr } = parse(empty, join(dir, 'missing.pdf'), report('014_pingtan_syq_2018_older.txt'), report('011_pingtan_syq_2023.txt'));
    expect(status).toBe(2);
    expect(lines.map((l) => (l['error'] as { code: string } | undefined)?.code ?? l['agency'])).toEqual([
      'EMPTY_FILE',
      'FILE_NOT_FOUND',
      'PRE_2019_FORMAT',
      '平潭综合实验区',
    ]);
    expect(lines[0]).toEqual({ file: empty, error: { code: 'EMPTY_FILE', message: expect.any(String) } });
    // Progress goes to stderr, never into the JSON stream.
    expect(stderr).toContain('[4/4]');
  }, 120_000);
});
