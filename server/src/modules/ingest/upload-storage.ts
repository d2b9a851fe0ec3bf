/**
 * A multer storage engine that keeps each uploaded file in memory up to a size limit, and one request's files up
 * to a total. A file over either limit is read to its end and dropped (marked `tooLarge`, or `overTotal` when the
 * request's budget was spent), so it fails on its own instead of failing the whole upload — and a request of a
 * hundred large files cannot fill the server's memory.
 */
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

export interface StoredUpload {
  buffer: Buffer;
  size: number;
  tooLarge: boolean;
  /** Dropped because the files before it in the same request already used the request's total. */
  overTotal: boolean;
}

export class SizeLimitedMemoryStorage implements StorageEngine {
  /**
   * Bytes kept so far per request, counted chunk by chunk: the next file's stream may start before the previous
   * one has ended, so the count cannot wait for a file's end.
   */
  private readonly kept = new WeakMap<Request, number>();

  constructor(
    private readonly maxBytes: number,
    private readonly maxTotalBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  _handleFile(req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File> & StoredUpload) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let overTotal = false;
    const drop = () => {
      // What this file had counted is free again for the files after it.
      this.kept.set(req, (this.kept.get(req) ?? 0) - chunks.reduce((n, c) => n + c.length, 0));
      chunks.length = 0;
    };
    file.stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge || overTotal) return;
      if (size > this.maxBytes) {
        tooLarge = true;
        drop();
      } else if ((this.kept.get(req) ?? 0) + chunk.length > this.maxTotalBytes) {
        overTotal = true;
        drop();
      } else {
        chunks.push(chunk);
        this.kept.set(req, (this.kept.get(req) ?? 0) + chunk.length);
      }
    });
    file.stream.on('error', (err) => callback(err));
    file.stream.on('end', () => {
      const dropped = tooLarge || overTotal;
      // A file too large by itself is told so, whatever the request's budget.
      const overLimit = size > this.maxBytes;
      callback(null, { buffer: dropped ? Buffer.alloc(0) : Buffer.concat(chunks), size, tooLarge: overLimit, overTotal: overTotal && !overLimit });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File & Partial<StoredUpload>, callback: (error: Error | null) => void): void {
    file.buffer = Buffer.alloc(0);
    callback(null);
  }
}
