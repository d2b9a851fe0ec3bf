/**
 * Parses reports in worker threads. Each file gets a time bound and a memory bound: a file that exceeds either
 * is answered with TIMEOUT or FILE_TOO_LARGE, its worker is replaced, and the other files carry on.
 *
 * Bounds, per file: wall time (`timeoutMs`, the worker is terminated when it is spent); the worker's V8 heap
 * (`resourceLimits`); and, when `maxGrowthMb` is set, how much the whole process's resident memory has grown since
 * the busy files started — which also counts what V8's heap limit does not (array buffers a reader inflates). The
 * bound is on growth, not on the process's total, so a server whose memory is high for other reasons (a large
 * download's garbage not yet collected) still reads an ordinary file. A watchdog samples it; past the bound it
 * terminates the busy workers. A file that was parsing alone is answered FILE_TOO_LARGE; files that were parsing
 * beside it are parsed again, each alone, so only the file that needs the memory is refused.
 *
 * Fairness: files carry a group (an upload, an import batch). Free workers go to the groups in turn, and one group
 * holds at most `maxWorkersPerGroup` workers at once, so a request of a hundred slow files cannot keep every
 * worker from another user's upload.
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
  /** Workers one group may hold at once (default: all of them). */
  maxWorkersPerGroup?: number;
  /** Growth of the process's resident memory, in MB, since the busy files started, past which their workers are terminated (default: no watchdog). */
  maxGrowthMb?: number;
  /** How often the watchdog samples the resident memory, in milliseconds (default 100). */
  watchdogIntervalMs?: number;
}

export interface PoolParseOptions {
  /** Overrides the pool's time bound for this file. */
  timeoutMs?: number;
  /** The charset the bytes were served with. */
  charset?: string | null;
  /** The same agency's report of the year before (see parseReport's ParseOptions). */
  previous?: PreviousReport | null;
  /**
   * Who the file is parsed for (an upload, a batch): free workers go to the groups in turn, and a group holds at
   * most `maxWorkersPerGroup`. Files without a group (a command-line run, the sample import) are not held to it.
   */
  group?: string;
}

/** What the pool has done since it started. */
export interface ParserPoolStats {
  /** Files handed to a worker (a file parsed again alone after the watchdog counts twice). */
  started: number;
  timedOut: number;
  /** Files refused because the process's resident memory grew by more than `maxGrowthMb` while they parsed alone. */
  stoppedForMemory: number;
  busy: number;
  queued: number;
}

interface Job {
  bytes: Uint8Array;
  fileName: string;
  charset: string | null;
  previous: PreviousReport | null;
  timeoutMs: number;
  group: string;
  /** Parsed again after the watchdog stopped it beside other files: runs with no other file. */
  alone: boolean;
  resolve: (o: ParseOutcome) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** The process's resident memory when the current file started. */
  rssAtStart: number;
}

// In the built package the worker is worker.js beside this file. Run from source (tsx), it is worker.ts, and the
// worker needs tsx's loader too: workers do not inherit the loader that tsx registers in the main thread.
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './worker-from-source.mjs' : './worker.js', import.meta.url);

const failure = (code: ParseErrorCode, message = PARSE_ERROR_MESSAGES[code].zh): ParseOutcome => ({ ok: false, error: { code, message } });

/** Files without a group share this one, which takes its turn like the others but is not held to a share. */
const NO_GROUP = '';

export class ParserPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxMemoryMb: number;
  private readonly maxWorkersPerGroup: number;
  private readonly maxGrowthBytes: number | null;
  private readonly watchdogIntervalMs: number;
  private readonly slots: Slot[] = [];
  /** Waiting files per group, groups in the order they get their next turn. */
  private readonly queues = new Map<string, Job[]>();
  private watchdog: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly counts = { started: 0, timedOut: 0, stoppedForMemory: 0 };

  constructor(options: ParserPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxMemoryMb = options.maxMemoryMb ?? 400;
    this.maxWorkersPerGroup = Math.max(1, Math.min(this.size, options.maxWorkersPerGroup ?? this.size));
    this.maxGrowthBytes = options.maxGrowthMb ? options.maxGrowthMb * 1024 * 1024 : null;
    this.watchdogIntervalMs = options.watchdogIntervalMs ?? 100;
  }

  /** Parses one file. Never rejects for bad input: every refusal is an outcome with a code. */
  parse(bytes: Uint8Array, fileName: string, options: PoolParseOptions = {}): Promise<ParseOutcome> {
    if (this.closed) return Promise.reject(new Error('ParserPool is closed'));
    return new Promise((resolve) => {
      this.enqueue({
        bytes,
        fileName,
        charset: options.charset ?? null,
        previous: options.previous ?? null,
        timeoutMs: options.timeoutMs ?? this.timeoutMs,
        group: options.group ?? NO_GROUP,
        alone: false,
        resolve,
      });
      this.dispatch();
    });
  }

  stats(): ParserPoolStats {
    let queued = 0;
    for (const q of this.queues.values()) queued += q.length;
    return { ...this.counts, busy: this.slots.filter((s) => s.job).length, queued };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWatchdog();
    for (const queue of this.queues.values()) for (const job of queue.splice(0)) job.resolve(failure('TIMEOUT', 'parser pool closed'));
    this.queues.clear();
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private enqueue(job: Job, first = false) {
    const queue = this.queues.get(job.group);
    if (!queue) this.queues.set(job.group, [job]);
    else if (first) queue.unshift(job);
    else queue.push(job);
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, job: null, timer: null, rssAtStart: 0 };
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

  /** The next file to start: groups take turns; a group at its share of workers waits; a file to parse alone waits for an idle pool. */
  private nextJob(): Job | null {
    const busy = this.slots.filter((s) => s.job);
    if (busy.some((s) => s.job!.alone)) return null;
    // A file to parse alone goes before any other, once the pool is idle.
    for (const [group, queue] of this.queues) {
      if (!queue[0]?.alone) continue;
      if (busy.length) return null;
      return this.take(group, queue);
    }
    for (const [group, queue] of this.queues) {
      const job = queue[0];
      if (!job) continue;
      if (group !== NO_GROUP && busy.filter((s) => s.job!.group === group).length >= this.maxWorkersPerGroup) continue;
      return this.take(group, queue);
    }
    return null;
  }

  private take(group: string, queue: Job[]): Job {
    const job = queue.shift()!;
    // This group's turn is taken: it goes to the back of the line.
    this.queues.delete(group);
    if (queue.length) this.queues.set(group, queue);
    return job;
  }

  private dispatch() {
    for (;;) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length >= this.size) break;
      const job = this.nextJob();
      if (!job) break;
      if (!slot) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      const running = slot;
      running.job = job;
      running.rssAtStart = process.memoryUsage.rss();
      this.counts.started++;
      running.timer = setTimeout(() => {
        this.counts.timedOut++;
        this.finish(running, failure('TIMEOUT', timeoutMessage(job.timeoutMs)), true);
      }, job.timeoutMs);
      running.worker.postMessage({ bytes: job.bytes, fileName: job.fileName, charset: job.charset, previous: job.previous });
    }
    if (this.slots.some((s) => s.job)) this.startWatchdog();
    else this.stopWatchdog();
  }

  private startWatchdog() {
    if (this.watchdog || this.maxGrowthBytes === null) return;
    this.watchdog = setInterval(() => this.checkMemory(), this.watchdogIntervalMs);
    this.watchdog.unref();
  }

  private stopWatchdog() {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private checkMemory() {
    if (this.maxGrowthBytes === null) return;
    const busy = this.slots.filter((s) => s.job);
    if (!busy.length) return;
    // Memory that was there before the busy files started (a terminated worker's, a download's garbage) is
    // nobody's doing here: only what grew since the earliest of them started counts against them.
    const grown = process.memoryUsage.rss() - Math.min(...busy.map((s) => s.rssAtStart));
    if (grown <= this.maxGrowthBytes) return;
    if (busy.length === 1) {
      this.counts.stoppedForMemory++;
      this.finish(busy[0]!, failure('FILE_TOO_LARGE', memoryMessage(Math.round(this.maxGrowthBytes / 1024 / 1024))), true);
      return;
    }
    // Which of several files needs the memory cannot be told from outside: stop them all, parse each again alone.
    for (const slot of busy) {
      const job = this.release(slot, true)!;
      this.enqueue({ ...job, alone: true }, true);
    }
    this.dispatch();
  }

  private release(slot: Slot, replaceWorker: boolean): Job | null {
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
    return job;
  }

  private finish(slot: Slot, outcome: ParseOutcome, replaceWorker: boolean) {
    const job = this.release(slot, replaceWorker);
    job?.resolve(outcome);
    if (!this.closed) this.dispatch();
  }
}

function timeoutMessage(timeoutMs: number): string {
  return `读取该文件超过 ${Math.round(timeoutMs / 1000)} 秒，已停止，未导入：文件可能过大或结构异常。请检查文件，或提供网页版、PDF 版后重新上传。`;
}

function memoryMessage(boundMb: number): string {
  return `读取该文件时占用的服务器内存超过上限（${boundMb} MB），已停止，未导入：文件可能是恶意构造或结构异常。请提供其他格式的版本。`;
}
