/** The worker side of ParserPool: parses one file per message and answers with its outcome. */
import { parentPort } from 'node:worker_threads';
import { ReportParseError } from '@ogi/domain';
import { parseReport, type PreviousReport } from './parse-report.js';
import type { ParseOutcome } from './pool.js';

// This worker is terminated when a file runs over its time or memory, and Node aborts the whole process when a
// worker is torn down while a zlib handle of its own is half made. pdf.js inflates with the web DecompressionStream
// (node:zlib underneath) where there is one and in JavaScript where there is none: here, there is none.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

type Job = { bytes: Uint8Array; fileName: string; charset: string | null; previous: PreviousReport | null };

parentPort!.on('message', async ({ bytes, fileName, charset, previous }: Job) => {
  let outcome: ParseOutcome;
  try {
    outcome = { ok: true, report: await parseReport(bytes, fileName, { charset, previous }) };
  } catch (err) {
    outcome =
      err instanceof ReportParseError
        ? { ok: false, error: { code: err.code, message: err.message } }
        : { ok: false, error: { code: 'CORRUPT_FILE', message: `无法读取该文件：${(err as Error).message}`, internal: true } };
  }
  parentPort!.postMessage(outcome);
});
