import { MAX_FILES_PER_UPLOAD } from '@ogi/domain';
import { describe, expect, it } from 'vitest';
import { UploadError, type UploadFn, type UploadResult } from '../../api/upload';
import { createUploadQueue } from './upload-queue';

const file = (name: string) => new File(['x'], name, { type: 'text/plain' });

/** What the server answers for a file of that name (as the upload route would). */
function resultFor(name: string): UploadResult {
  if (name === 'bad.pdf') return { fileName: name, status: 'failed', error: { code: 'NO_TEXT_LAYER', message: '该 PDF 没有文字层' } };
  if (name === 'again.txt') return { fileName: name, status: 'duplicate', reportId: '7' };
  return { fileName: name, status: 'stored', reportId: '9', agencyName: '鄂州市行政审批局', year: 2020 };
}

describe('upload queue', () => {
  it('sends files dropped together in one request (one batch), drops one after another, and records each file’s result', async () => {
    const requests: string[][] = [];
    let inFlight = 0;
    let batch = 40;
    const upload: UploadFn = async (files, onProgress) => {
      inFlight++;
      expect(inFlight).toBe(1); // one request at a time
      requests.push(files.map((f) => f.name));
      onProgress(0.5);
      onProgress(1);
      await Promise.resolve();
      inFlight--;
      if (files.some((f) => f.name === 'down.txt')) throw new UploadError('NETWORK', 'network error');
      return { batchId: String(++batch), results: files.map((f) => resultFor(f.name)) };
    };
    const queue = createUploadQueue(upload);
    const first = queue.add([file('a.txt'), file('bad.pdf'), file('again.txt')]);
    const second = queue.add([file('down.txt'), file('b.txt')]);
    await Promise.all([first, second]);

    expect(requests).toEqual([
      ['a.txt', 'bad.pdf', 'again.txt'],
      ['down.txt', 'b.txt'],
    ]);
    expect(queue.items.map((i) => [i.file.name, i.state, i.error?.code ?? null, i.batchId])).toEqual([
      ['a.txt', 'stored', null, '41'],
      ['bad.pdf', 'failed', 'NO_TEXT_LAYER', '41'],
      ['again.txt', 'duplicate', null, '41'],
      // The request never arrived: both its files failed, and no batch was recorded.
      ['down.txt', 'failed', 'NETWORK', null],
      ['b.txt', 'failed', 'NETWORK', null],
    ]);
    expect([...queue.batchIds]).toEqual(['41']);
    expect(queue.items[0]!.progress).toBe(1);
    expect(queue.idle()).toBe(true);
  });

  it('splits a drop larger than the server takes in one request', async () => {
    const sizes: number[] = [];
    const queue = createUploadQueue(async (files) => {
      sizes.push(files.length);
      return { batchId: String(sizes.length), results: files.map((f) => resultFor(f.name)) };
    });
    await queue.add(Array.from({ length: MAX_FILES_PER_UPLOAD + 3 }, (_, n) => file(`r${n}.txt`)));
    expect(sizes).toEqual([MAX_FILES_PER_UPLOAD, 3]);
    expect([...queue.batchIds]).toEqual(['2', '1']);
  });

  it('marks a file failed when the answer has no result for it', async () => {
    const queue = createUploadQueue(async (files) => ({ batchId: '5', results: [resultFor(files[0]!.name)] }));
    await queue.add([file('a.txt'), file('b.txt')]);
    expect(queue.items.map((i) => [i.state, i.error?.code ?? null])).toEqual([
      ['stored', null],
      ['failed', 'BAD_RESPONSE'],
    ]);
  });

  it('retries a failed file on its own and clears finished ones', async () => {
    let fail = true;
    const requests: string[][] = [];
    const queue = createUploadQueue(async (files) => {
      requests.push(files.map((f) => f.name));
      if (fail) throw new UploadError('HTTP', 'HTTP 502', 502);
      return { batchId: '3', results: files.map((f) => resultFor(f.name)) };
    });
    await queue.add([file('a.txt'), file('b.txt')]);
    expect(queue.items.map((i) => i.state)).toEqual(['failed', 'failed']);
    fail = false;
    await queue.retry(queue.items[1]!.id);
    expect(requests[1]).toEqual(['b.txt']);
    expect(queue.items.map((i) => i.state)).toEqual(['failed', 'stored']);
    expect([...queue.batchIds]).toEqual(['3']);
    queue.clearFinished();
    expect(queue.items).toHaveLength(0);
    expect([...queue.batchIds]).toEqual([]);
  });

  it('cancels the request uploading and goes on with the next drop', async () => {
    let release: () => void = () => {};
    const queue = createUploadQueue(
      (files, _p, signal) =>
        new Promise((resolve, reject) => {
          if (files[0]!.name === 'slow.pdf') {
            signal.addEventListener('abort', () => reject(new UploadError('CANCELLED', 'cancelled')));
            release = () => resolve({ batchId: '1', results: files.map((f) => resultFor(f.name)) });
          } else resolve({ batchId: '2', results: files.map((f) => resultFor(f.name)) });
        }),
    );
    const slow = queue.add([file('slow.pdf'), file('with-slow.txt')]);
    const next = queue.add([file('next.txt')]);
    await Promise.resolve();
    queue.remove(queue.items[0]!.id);
    await Promise.all([slow, next]);
    expect(queue.items.map((i) => [i.file.name, i.state, i.error?.code ?? null])).toEqual([
      ['slow.pdf', 'failed', 'CANCELLED'],
      ['with-slow.txt', 'failed', 'CANCELLED'],
      ['next.txt', 'stored', null],
    ]);
    release();
  });

  it('removes a waiting file before its request starts', async () => {
    const requests: string[][] = [];
    let release: () => void = () => {};
    const queue = createUploadQueue(async (files) => {
      requests.push(files.map((f) => f.name));
      if (requests.length === 1) await new Promise<void>((r) => (release = r));
      return { batchId: String(requests.length), results: files.map((f) => resultFor(f.name)) };
    });
    const first = queue.add([file('first.txt')]);
    const second = queue.add([file('keep.txt'), file('drop.txt')]);
    queue.remove(queue.items.find((i) => i.file.name === 'drop.txt')!.id);
    release();
    await Promise.all([first, second]);
    expect(requests).toEqual([['first.txt'], ['keep.txt']]);
  });
});
