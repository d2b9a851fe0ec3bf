import { describe, expect, it } from 'vitest';
import { UploadError, type UploadFn } from '../../api/upload';
import { createUploadQueue } from './upload-queue';

const file = (name: string) => new File(['x'], name, { type: 'text/plain' });

describe('upload queue', () => {
  it('uploads one file at a time in order and records each result; a failure does not stop the batch', async () => {
    const order: string[] = [];
    let inFlight = 0;
    const upload: UploadFn = async (f, onProgress) => {
      inFlight++;
      expect(inFlight).toBe(1); // one at a time
      order.push(f.name);
      onProgress(0.5);
      onProgress(1);
      await Promise.resolve();
      inFlight--;
      if (f.name === 'bad.pdf') return { fileName: f.name, status: 'failed', error: { code: 'NO_TEXT_LAYER', message: '该 PDF 没有文字层' } };
      if (f.name === 'down.txt') throw new UploadError('NETWORK', 'network error');
      if (f.name === 'again.txt') return { fileName: f.name, status: 'duplicate', reportId: '7' };
      return { fileName: f.name, status: 'stored', reportId: '9', agencyName: '鄂州市行政审批局', year: 2020 };
    };
    const queue = createUploadQueue(upload);
    await queue.add([file('a.txt'), file('bad.pdf'), file('down.txt'), file('again.txt')]);

    expect(order).toEqual(['a.txt', 'bad.pdf', 'down.txt', 'again.txt']);
    expect(queue.items.map((i) => [i.file.name, i.state, i.error?.code ?? null])).toEqual([
      ['a.txt', 'stored', null],
      ['bad.pdf', 'failed', 'NO_TEXT_LAYER'],
      ['down.txt', 'failed', 'NETWORK'],
      ['again.txt', 'duplicate', null],
    ]);
    expect(queue.items[0]!.progress).toBe(1);
    expect(queue.idle()).toBe(true);
  });

  it('retries a failed file and clears finished ones', async () => {
    let fail = true;
    const queue = createUploadQueue(async (f) => {
      if (fail) throw new UploadError('HTTP', 'HTTP 502', 502);
      return { fileName: f.name, status: 'stored', reportId: '1' };
    });
    await queue.add([file('a.txt')]);
    expect(queue.items[0]!.state).toBe('failed');
    fail = false;
    await queue.retry(queue.items[0]!.id);
    expect(queue.items[0]!.state).toBe('stored');
    queue.clearFinished();
    expect(queue.items).toHaveLength(0);
  });

  it('cancels the file uploading and goes on with the rest', async () => {
    let release: () => void = () => {};
    const queue = createUploadQueue(
      (f, _p, signal) =>
        new Promise((resolve, reject) => {
          if (f.name === 'slow.pdf') {
            signal.addEventListener('abort', () => reject(new UploadError('CANCELLED', 'cancelled')));
            release = () => resolve({ fileName: f.name, status: 'stored' });
          } else resolve({ fileName: f.name, status: 'stored', reportId: '2' });
        }),
    );
    const done = queue.add([file('slow.pdf'), file('next.txt')]);
    await Promise.resolve();
    queue.remove(queue.items[0]!.id);
    await done;
    expect(queue.items.map((i) => [i.file.name, i.state, i.error?.code ?? null])).toEqual([
      ['slow.pdf', 'failed', 'CANCELLED'],
      ['next.txt', 'stored', null],
    ]);
    release();
  });
});
