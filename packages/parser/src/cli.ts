/**
 * The parser's command line (shared/spec/parser-cli.md):
 *
 *   pnpm --silent parse --json FILE [FILE ...]
 *
 * One JSON line per file on stdout, in the order given; progress and warnings on stderr. Exit 0 when every file
 * parsed, 2 when at least one produced an error line. Files are parsed in worker threads with a time bound each.
 */
import { readFile, stat } from 'node:fs/promises';
import { PARSE_ERROR_MESSAGES, type ParseErrorCode } from '@ogi/domain';
import { MAX_INPUT_BYTES } from './parse-report.js';
import { ParserPool, type ParseOutcome } from './pool.js';

const USAGE = `usage: parse --json [--timeout SECONDS] FILE [FILE ...]
Prints one JSON object per FILE (JSON Lines). Exit status 0: all parsed; 2: at least one file failed.`;

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let json = false;
  let timeoutMs = 20_000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--timeout') timeoutMs = Math.max(1, Number(argv[++i])) * 1000;
    else if (a === '--help' || a === '-h') return null;
    else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else files.push(a);
  }
  return { files, json, timeoutMs };
}

const refuse = (code: ParseErrorCode): ParseOutcome => ({ ok: false, error: { code, message: PARSE_ERROR_MESSAGES[code].zh } });

async function readInput(file: string): Promise<Uint8Array | ParseOutcome> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return refuse('FILE_NOT_FOUND');
    if (info.size > MAX_INPUT_BYTES) return refuse('FILE_TOO_LARGE');
    return await readFile(file);
  } catch {
    return refuse('FILE_NOT_FOUND');
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args || !args.json || args.files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return args ? 64 : 0;
  }
  const pool = new ParserPool({ timeoutMs: args.timeoutMs });
  // Start every file at once (the pool bounds concurrency) and print in the order given.
  const outcomes = args.files.map(async (file) => {
    const input = await readInput(file);
    return input instanceof Uint8Array ? pool.parse(input, file) : input;
  });
  let failed = 0;
  for (let i = 0; i < args.files.length; i++) {
    const file = args.files[i]!;
    const outcome = await outcomes[i]!;
    const line = outcome.ok ? { file, ...outcome.report } : { file, error: outcome.error };
    if (!outcome.ok) failed++;
    process.stdout.write(`${JSON.stringify(line)}\n`);
    process.stderr.write(`[${i + 1}/${args.files.length}] ${file}: ${outcome.ok ? 'ok' : outcome.error.code}\n`);
  }
  await pool.close();
  return failed ? 2 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`parser failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
