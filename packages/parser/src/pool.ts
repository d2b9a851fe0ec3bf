/**
 * Parses reports in worker threads. Each file gets a time bound and a memory bound: a file that exceeds either
 * is answered with TIMEOUT or FILE_TOO_LARGE, its worker is replaced, and the other files carry on.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { PARSE_ERROR_MESSAGES, type ParseErrorCode, type ParsedReport } from '@ogi/domain';
import type { PreviousReport } from './parse-report.js';

export type ParseOutcome =
  | { ok: true; report: ParsedReport }
  /** `internal`: the parser itself failed on this input (a bug to fix), rather than refusing it. */
  | { ok: false; error: { code: ParseErrorCode; message: string; internal?: true } };

export interface ParserPoolOptions {
  /** Worker threads (default: CPU count, at most 4). */
  size?: number;
  /** Time bound per file in milliseconds (default 20 000). */
  timeoutMs?: number;
  /** Heap bound per worker in MB (default 400). */
  maxMemoryMb?: number;
}

interface Job {
  bytes: Uint8Array;
  fileName: string;
  charset: string | null;
  previous: PreviousReport | null;
  timeoutMs: number;
  resolve: (o: ParseOutcome) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

// In the built package the worker is worker.js beside this file. Run from source (tsx), it is worker.ts, and the
// worker needs tsx's loader too: workers do not inherit the loader that tsx registers in the main thread.
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './worker-from-source.mjs' : './worker.js', import.meta.url);

const failure = (code: ParseErrorCode, message = PARSE_ERROR_MESSAGES[code].zh): ParseOutcome => ({ ok: false, error: { code, message } });

export class ParserPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxMemoryMb: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(options: ParserPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxMemoryMb = options.maxMemoryMb ?? 400;
  }

  /**
   * Parses one file; `timeoutMs` overrides the pool's time bound for this file, `charset` is the charset the bytes
   * were served with, `previous` the same agency's report of the year before (see ParseOptions).
   */
  parse(
    bytes: Uint8Array,
    fileName: string,
    options: { timeoutMs?: number; charset?: string | null; previous?: PreviousReport | null } = {},
  ): Promise<ParseOutcome> {
    if (this.closed) return Promise.reject(new Error('ParserPool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ bytes, fileName, charset: options.charset ?? null, previous: options.previous ?? null, timeoutMs: options.timeoutMs ?? this.timeoutMs, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(failure('TIMEOUT', 'parser pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (outcome: ParseOutcome) => this.finish(slot, outcome, false));
    worker.on('error', (err: Error & { code?: string }) => {
      const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.finish(slot, outOfMemory ? failure('FILE_TOO_LARGE', '读取该文件所需内存超出限制。') : failure('CORRUPT_FILE', err.message), true);
    });
    worker.on('exit', () => {
      if (slot.job) this.finish(slot, failure('CORRUPT_FILE', 'parser worker exited'), true);
    });
    worker.unref();
    return slot;
  }

  private dispatch() {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
        this.slots.push(slot);
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.finish(slot!, failure('TIMEOUT'), true), job.timeoutMs);
      slot.worker.postMessage({ bytes: job.bytes, fileName: job.fileName, charset: job.charset, previous: job.previous });
    }
  }

  private finish(slot: Slot, outcome: ParseOutcome, replaceWorker: boolean) {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (replaceWorker) {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
    }
    job?.resolve(outcome);
    if (!this.closed) this.dispatch();
  }
}
