/**
 * The import page's queue: files upload one at a time, in the order dropped, each with its progress and
 * result. A failure (network, server, or the file itself) marks that file and moves on to the next: one bad
 * file never stops a batch. Waiting files can be removed; failed ones retried.
 */
import { reactive } from 'vue';
import { UploadError, type UploadFn, type UploadResult } from '../../api/upload';

export type UploadState = 'queued' | 'uploading' | 'processing' | 'stored' | 'duplicate' | 'failed';

export interface UploadItem {
  id: number;
  file: File;
  state: UploadState;
  /** 0–1 of the bytes sent. */
  progress: number;
  result: UploadResult | null;
  error: { code: string; message: string } | null;
}

export function createUploadQueue(upload: UploadFn) {
  const items = reactive<UploadItem[]>([]);
  let nextId = 1;
  let running = false;
  let current: { id: number; controller: AbortController } | null = null;

  async function run() {
    if (running) return;
    running = true;
    try {
      for (let item = items.find((i) => i.state === 'queued'); item; item = items.find((i) => i.state === 'queued')) {
        const it = item;
        const controller = new AbortController();
        current = { id: it.id, controller };
        it.state = 'uploading';
        it.progress = 0;
        try {
          const result = await upload(
            it.file,
            (fraction) => {
              it.progress = fraction;
              // All bytes sent: the server is reading the report now.
              if (fraction >= 1) it.state = 'processing';
            },
            controller.signal,
          );
          it.progress = 1;
          it.result = result;
          it.state = result.status;
          it.error = result.status === 'failed' ? (result.error ?? { code: 'UNKNOWN', message: '' }) : null;
        } catch (e) {
          it.state = 'failed';
          it.error = e instanceof UploadError ? { code: e.code, message: e.message } : { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) };
        }
      }
    } finally {
      current = null;
      running = false;
    }
  }

  function add(files: Iterable<File>) {
    for (const file of files) items.push({ id: nextId++, file, state: 'queued', progress: 0, result: null, error: null });
    return run();
  }

  /** Removes a waiting file, or stops the one uploading (it is then marked failed: cancelled). */
  function remove(id: number) {
    if (current?.id === id) return current.controller.abort();
    const i = items.findIndex((x) => x.id === id);
    if (i >= 0 && items[i]!.state !== 'uploading' && items[i]!.state !== 'processing') items.splice(i, 1);
  }

  function retry(id: number) {
    const item = items.find((x) => x.id === id);
    if (!item || item.state !== 'failed') return;
    Object.assign(item, { state: 'queued', progress: 0, result: null, error: null });
    return run();
  }

  function clearFinished() {
    for (let i = items.length - 1; i >= 0; i--) if (!['queued', 'uploading', 'processing'].includes(items[i]!.state)) items.splice(i, 1);
  }

  return { items, add, remove, retry, clearFinished, idle: () => !running };
}
