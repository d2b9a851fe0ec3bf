/** A child process whose output lines a test can wait for (no sleeps: the test waits for what the process says). */
import { spawn, type ChildProcess } from 'node:child_process';

export interface WatchedProcess {
  child: ChildProcess;
  /** Every line printed so far on stdout and stderr. */
  lines: string[];
  /** Resolves with the first line (already printed or still to come) matching `pattern`; rejects if the process exits first. */
  waitForLine(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWatched(command: string, args: readonly string[], env: NodeJS.ProcessEnv): WatchedProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void; reject: (e: Error) => void }[] = [];
  let ended = false;
  const onLine = (line: string) => {
    lines.push(line);
    for (const w of [...waiters]) {
      const m = line.match(w.pattern);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      parts.forEach(onLine);
    });
    stream.on('end', () => rest && onLine(rest));
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = true;
      for (const w of waiters.splice(0))
        w.reject(new Error(`process exited (${code ?? signal}) before printing ${w.pattern}; it printed:\n${lines.join('\n')}`));
      resolve({ code, signal });
    }),
  );
  return {
    child,
    lines,
    exited,
    waitForLine(pattern) {
      for (const line of lines) {
        const m = line.match(pattern);
        if (m) return Promise.resolve(m);
      }
      if (ended) return Promise.reject(new Error(`process ended without printing ${pattern}`));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
  };
}
