/**
 * Runs `work` once the browser is idle — after the tasks and the frame it has pending, such as a chart's first
 * drawing — and at the latest after `timeoutMs`. Where there is no `requestIdleCallback`, in the next task.
 * Returns a function that cancels it.
 */
export function whenIdle(work: () => void, timeoutMs = 1000): () => void {
  const idle = globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  if (typeof idle.requestIdleCallback === 'function') {
    const id = idle.requestIdleCallback(work, { timeout: timeoutMs });
    return () => idle.cancelIdleCallback?.(id);
  }
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}
