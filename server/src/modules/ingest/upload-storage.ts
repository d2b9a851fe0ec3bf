/**
 * A multer storage engine that keeps each uploaded file in memory up to a size limit. A larger file is read
 * to its end and dropped (marked `tooLarge`), so it fails on its own instead of failing the whole upload.
 */
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

export interface StoredUpload {
  buffer: Buffer;
  size: number;
  tooLarge: boolean;
}

export class SizeLimitedMemoryStorage implements StorageEngine {
  constructor(private readonly maxBytes: number) {}

  _handleFile(_req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File> & StoredUpload) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    file.stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.maxBytes) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    file.stream.on('error', (err) => callback(err));
    file.stream.on('end', () => callback(null, { buffer: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), size, tooLarge }));
  }

  _removeFile(_req: Request, file: Express.Multer.File & Partial<StoredUpload>, callback: (error: Error | null) => void): void {
    file.buffer = Buffer.alloc(0);
    callback(null);
  }
}
