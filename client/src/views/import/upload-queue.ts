/**
 * The import page's queue. Files dropped (or chosen) together go up in one request, which the server records as
 * one import batch (its number comes back with the answer); drops upload one after another, in order. Each file
 * shows its request's progress and then its own result. A failure (network, server, or the file itself) marks
 * the files it concerns and the queue moves on: one bad file never stops a batch. Waiting files can be removed;
 * cancelling a file that is uploading stops its whole request (the server records nothing of it); a failed file
 * is retried on its own, as a new batch of one.
 */
import { MAX_FILES_PER_UPLOAD } from '@ogi/domain';
import { reactive } from 'vue';
import { UploadError, type UploadFn, type UploadResult } from '../../api/upload';

export type UploadState = 'queued' | 'uploading' | 'processing' | 'stored' | 'duplicate' | 'failed';

export interface UploadItem {
  id: number;
  file: File;
  /** Files of the same group go up in one request. */
  group: number;
  state: UploadState;
  /** 0–1 of the bytes of its request sent. */
  progress: number;
  result: UploadResult | null;
  error: { code: string; message: string } | null;
  /** The import batch the server recorded the file in, once answered. */
  batchId: string | null;
}

const FINISHED: readonly UploadState[] = ['stored', 'duplicate', 'failed'];

export function createUploadQueue(upload: UploadFn) {
  const items = reactive<UploadItem[]>([]);
  /** The batches this queue's uploads were recorded as, newest first. */
  const batchIds = reactive<string[]>([]);
  let nextId = 1;
  let nextGroup = 1;
  let running = false;
  let current: { group: number; controller: AbortController } | null = null;

  async function run() {
    if (running) return;
    running = true;
    try {
      for (let first = items.find((i) => i.state === 'queued'); first; first = items.find((i) => i.state === 'queued')) {
        const group = first.group;
        const sending = items.filter((i) => i.group === group && i.state === 'queued');
        const controller = new AbortController();
        current = { group, controller };
        for (const it of sending) Object.assign(it, { state: 'uploading', progress: 0 });
        try {
          const answer = await upload(
            sending.map((i) => i.file),
            (fraction) => {
              for (const it of sending) {
                it.progress = fraction;
                // All bytes sent: the server is reading the reports now.
                if (fraction >= 1) it.state = 'processing';
              }
            },
            controller.signal,
          );
          if (answer.batchId && !batchIds.includes(answer.batchId)) batchIds.unshift(answer.batchId);
          sending.forEach((it, n) => {
            const result = answer.results[n];
            it.progress = 1;
            it.batchId = answer.batchId;
            if (!result) {
              Object.assign(it, { state: 'failed', result: null, error: { code: 'BAD_RESPONSE', message: '' } });
              return;
            }
            it.result = result;
            it.state = result.status;
            it.error = result.status === 'failed' ? (result.error ?? { code: 'UNKNOWN', message: '' }) : null;
          });
        } catch (e) {
          const error =
            e instanceof UploadError ? { code: e.code, message: e.message } : { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) };
          for (const it of sending) Object.assign(it, { state: 'failed', error: { ...error } });
        }
      }
    } finally {
      current = null;
      running = false;
    }
  }

  /** Queues files dropped together: one request (one import batch) per at most MAX_FILES_PER_UPLOAD files. */
  function add(files: Iterable<File>) {
    let inGroup = MAX_FILES_PER_UPLOAD;
    for (const file of files) {
      if (inGroup === MAX_FILES_PER_UPLOAD) {
        nextGroup++;
        inGroup = 0;
      }
      inGroup++;
      items.push({ id: nextId++, file, group: nextGroup, state: 'queued', progress: 0, result: null, error: null, batchId: null });
    }
    return run();
  }

  /** Removes a waiting file, or stops the request of one uploading (its files are then marked failed: cancelled). */
  function remove(id: number) {
    const i = items.findIndex((x) => x.id === id);
    const item = items[i];
    if (!item) return;
    if (item.state === 'uploading' && current?.group === item.group) return current.controller.abort();
    if (item.state === 'queued' || FINISHED.includes(item.state)) items.splice(i, 1);
  }

  function retry(id: number) {
    const item = items.find((x) => x.id === id);
    if (!item || item.state !== 'failed') return;
    Object.assign(item, { state: 'queued', group: ++nextGroup, progress: 0, result: null, error: null, batchId: null });
    return run();
  }

  /** Clears finished files, and the batches none of whose files are left. */
  function clearFinished() {
    for (let i = items.length - 1; i >= 0; i--) if (FINISHED.includes(items[i]!.state)) items.splice(i, 1);
    for (let i = batchIds.length - 1; i >= 0; i--) if (!items.some((it) => it.batchId === batchIds[i])) batchIds.splice(i, 1);
  }

  return { items, batchIds, add, remove, retry, clearFinished, idle: () => !running };
}
