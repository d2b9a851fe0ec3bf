/**
 * Removes control characters from the part headers of a multipart body before busboy reads it. Busboy refuses a
 * part header holding a raw control character (a file name like "报告\x01.txt", which some clients send unescaped)
 * by failing the whole request — every other file of the upload with it. Dropped here, the name arrives as
 * `cleanUploadFileName` would have cleaned it anyway, and the file is imported under that name. File contents
 * (everything between a part's header and the next boundary) pass through untouched.
 */
import { Transform, type TransformCallback } from 'node:stream';

const CR = 13;
const LF = 10;
const TAB = 9;

/** The boundary of a `multipart/form-data` Content-Type, or null when it names none. */
export function multipartBoundary(contentType: string | undefined): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

export class PartHeaderSanitiser extends Transform {
  /** A boundary line inside the body: CRLF, two dashes and the boundary. */
  private readonly delimiter: Buffer;
  /** The first boundary line may open the body without a CRLF before it. */
  private readonly firstDelimiter: Buffer;
  private seenFirst = false;
  /** Body bytes held back because they may be the start of a boundary line. */
  private carry: Buffer = Buffer.alloc(0);
  private inHeader = false;
  /** In a header: a CR whose LF has not arrived yet (a CR alone is dropped). */
  private pendingCr = false;
  /** In a header: how many bytes of the CRLFCRLF that ends it have passed. */
  private ending = 0;

  constructor(boundary: string) {
    super();
    this.firstDelimiter = Buffer.from(`--${boundary}`, 'latin1');
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    let pos = 0;
    while (pos < data.length) {
      if (this.inHeader) {
        pos = this.header(data, pos);
        continue;
      }
      const needle = this.seenFirst ? this.delimiter : this.firstDelimiter;
      const at = data.indexOf(needle, pos);
      if (at < 0) {
        // The end may be the start of a boundary line cut by the chunk: keep it for the next chunk.
        const keep = Math.min(data.length - pos, needle.length - 1);
        this.push(data.subarray(pos, data.length - keep));
        this.carry = Buffer.from(data.subarray(data.length - keep));
        break;
      }
      const after = at + needle.length;
      // A boundary line is followed by CRLF (a part's header follows) or by "--" (the end of the body).
      if (data.length < after + 2) {
        this.push(data.subarray(pos, at));
        this.carry = Buffer.from(data.subarray(at));
        break;
      }
      this.push(data.subarray(pos, after + 2));
      this.seenFirst = true;
      if (data[after] === CR && data[after + 1] === LF) {
        this.inHeader = true;
        this.ending = 2;
      }
      pos = after + 2;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length) this.push(this.carry);
    callback();
  }

  /** Copies header bytes without control characters until the blank line that ends the header; returns where it stopped. */
  private header(data: Buffer, start: number): number {
    const out: number[] = [];
    let pos = start;
    for (; pos < data.length && this.inHeader; pos++) {
      const byte = data[pos]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (byte === LF) {
          out.push(CR, LF);
          this.ending += 2;
          if (this.ending >= 4) this.inHeader = false;
          continue;
        }
      }
      if (byte === CR) {
        this.pendingCr = true;
        continue;
      }
      // Tab is allowed in a header value; every other C0 control character and DEL is dropped (and so does not
      // interrupt the blank line busboy will see).
      if ((byte < 0x20 && byte !== TAB) || byte === 0x7f) continue;
      this.ending = 0;
      out.push(byte);
    }
    this.push(Buffer.from(out));
    return pos;
  }
}
