import { Readable } from 'node:stream';
import type { Request } from 'express';
import { SizeLimitedMemoryStorage, type StoredUpload } from './upload-storage.js';

/** Stores files of these sizes (in 1 KB chunks) as one request, in order. */
async function store(storage: SizeLimitedMemoryStorage, sizes: number[]): Promise<StoredUpload[]> {
  const req = {} as Request;
  const out: StoredUpload[] = [];
  for (const size of sizes) {
    const chunks = Array.from({ length: Math.ceil(size / 1024) }, (_, i) => Buffer.alloc(Math.min(1024, size - i * 1024), 1));
    const file = { stream: Readable.from(chunks) } as unknown as Express.Multer.File;
    out.push(
      await new Promise<StoredUpload>((resolve, reject) => storage._handleFile(req, file, (err, info) => (err ? reject(err) : resolve(info as StoredUpload)))),
    );
  }
  return out;
}

describe('upload storage', () => {
  it('keeps files up to the per-file limit and drops a larger one on its own', async () => {
    const [small, big, next] = await store(new SizeLimitedMemoryStorage(10 * 1024), [4096, 20 * 1024, 4096]);
    expect(small).toMatchObject({ size: 4096, tooLarge: false, overTotal: false });
    expect(small!.buffer.length).toBe(4096);
    expect(big).toMatchObject({ size: 20 * 1024, tooLarge: true, overTotal: false });
    expect(big!.buffer.length).toBe(0);
    expect(next!.buffer.length).toBe(4096);
  });

  it("drops the files past the request's total, counting only the files kept", async () => {
    const results = await store(new SizeLimitedMemoryStorage(10 * 1024, 16 * 1024), [8192, 8192, 4096, 20 * 1024, 1024]);
    expect(results.map((r) => [r.buffer.length, r.tooLarge, r.overTotal])).toEqual([
      [8192, false, false],
      [8192, false, false],
      [0, false, true],
      [0, true, false],
      [0, false, true],
    ]);
  });

  it('gives every request its own total', async () => {
    const storage = new SizeLimitedMemoryStorage(10 * 1024, 10 * 1024);
    expect((await store(storage, [8192]))[0]!.overTotal).toBe(false);
    expect((await store(storage, [8192]))[0]!.overTotal).toBe(false);
  });
});
