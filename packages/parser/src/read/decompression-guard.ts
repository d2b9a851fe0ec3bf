/**
 * Refuses files that expand beyond a bound before a reader inflates them. A 1 MB PDF can hold a page stream that
 * pdf.js inflates to gigabytes (as ArrayBuffers, which a worker's heap limit does not count), and a ZIP entry can
 * declare a small size and inflate to far more. So every compressed PDF stream and ZIP entry is inflated here
 * first, into a buffer that may not grow past the bound, and the file is refused with FILE_TOO_LARGE when one
 * does. Only the sizes are kept: the inflated bytes are dropped at once.
 *
 * Inflated in JavaScript (fflate), never with node:zlib: this runs in the parser's workers, which are terminated
 * when a file runs over its time or memory, and Node aborts the whole process when a worker is torn down while a
 * zlib handle of its own is half made.
 */
import { Inflate, Unzlib } from 'fflate';
import { ReportParseError } from '@ogi/domain';

/** Largest inflated size of one PDF stream or ZIP entry. */
export const MAX_INFLATED_PART_BYTES = 64 * 1024 * 1024;
/** Largest inflated size of all of a file's streams or entries together. */
export const MAX_INFLATED_TOTAL_BYTES = 256 * 1024 * 1024;

const MB = 1024 * 1024;

function tooLarge(what: string): ReportParseError {
  return new ReportParseError(
    'FILE_TOO_LARGE',
    `该文件中的${what}解压后超过 ${MAX_INFLATED_PART_BYTES / MB} MB（全部合计不得超过 ${MAX_INFLATED_TOTAL_BYTES / MB} MB），` +
      '可能是恶意构造的“压缩炸弹”，已拒绝读取。',
  );
}

/** Compressed bytes fed at a time: deflate expands at most ~1 032 times, so one step makes at most ~16 MB. */
const STEP_BYTES = 16 * 1024;

/** Inflates with a hard output bound: the size, or null when the bound was passed. Damaged data counts what it gave. */
function inflatedSize(data: Uint8Array, raw: boolean, bound: number): number | null {
  let size = 0;
  const count = (chunk: Uint8Array) => {
    size += chunk.length;
  };
  const stream = raw ? new Inflate(count) : new Unzlib(count);
  try {
    // Never marked final: a stream cut short (as a crafted file's is) still counts what it inflates to.
    for (let at = 0; at < data.length && size <= bound; at += STEP_BYTES) stream.push(data.subarray(at, at + STEP_BYTES));
  } catch {
    // Not valid deflate data past this point: the reader reports that in its own way.
  }
  return size > bound ? null : size;
}

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/**
 * Every `stream … endstream` whose dictionary names FlateDecode (alone or first in its filter list) is inflated
 * under the bounds, except images, which reading the text layer never decodes. The stream's end is found by its `endstream` keyword, not by its declared /Length, which a
 * crafted file may get wrong on purpose.
 */
export function guardPdfStreams(bytes: Uint8Array): void {
  const text = latin1(bytes, 0, bytes.length);
  let total = 0;
  let from = 0;
  for (;;) {
    const keyword = text.indexOf('stream', from);
    if (keyword < 0) return;
    from = keyword + 6;
    // `endstream` also contains `stream`; a stream's data starts after `stream` and its end of line.
    if (text.startsWith('end', keyword - 3)) continue;
    const dictStart = text.lastIndexOf('<<', keyword);
    const dictionary = dictStart >= 0 ? text.slice(dictStart, keyword) : '';
    let start = from;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const end = text.indexOf('endstream', start);
    if (end < 0) return;
    from = end + 9;
    if (!/\/Filter\s*(\[\s*)?\/(FlateDecode|Fl)\b/.test(dictionary)) continue;
    // Images are never decoded for the text layer (a scan's pages would otherwise count against the bound).
    if (/\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    const size = inflatedSize(bytes.subarray(start, end), false, Math.min(MAX_INFLATED_PART_BYTES, MAX_INFLATED_TOTAL_BYTES - total));
    if (size === null) throw tooLarge('数据流');
    total += size;
  }
}

const CENTRAL_ENTRY = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const LOCAL_ENTRY = 0x04034b50;

/**
 * Every deflated entry of a ZIP (DOCX) archive, found through its central directory, is inflated under the
 * bounds whatever size it declares. A damaged directory is left to the reader, which refuses it as CORRUPT_FILE.
 */
export function guardZipEntries(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_ENTRY) return;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    at += 46 + nameLength + extraLength + commentLength;
    // Sizes of 4 GB and more (ZIP64) have no place in a report.
    if (compressedSize === 0xffffffff || local === 0xffffffff) throw tooLarge('压缩条目');
    if (method !== 8) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_ENTRY) return;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataStart, Math.min(bytes.length, dataStart + compressedSize));
    const size = inflatedSize(data, true, Math.min(MAX_INFLATED_PART_BYTES, MAX_INFLATED_TOTAL_BYTES - total));
    if (size === null) throw tooLarge('压缩条目');
    total += size;
  }
}
