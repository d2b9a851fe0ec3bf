/**
 * Text decoding: the byte-order mark when there is one, else UTF-16 by its zero bytes, else UTF-8 when the
 * bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312, which is what such sites serve).
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 };
  const isGbDeclared = declared ? /gb|2312|gbk|18030/i.test(declared) : false;
  if (!isGbDeclared && isValidUtf8(bytes)) return { text: utf8(bytes), encoding: 'utf-8' };
  if (isGbDeclared && isValidUtf8(bytes) && !hasMultibyte(bytes)) return { text: utf8(bytes), encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
}

const decoder = new TextDecoder('utf-8');
function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** UTF-16 without a BOM shows as zero bytes in every other position for ASCII-heavy text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  // A sequence cut off by the end of the buffer is tolerated (truncated downloads): check up to its lead byte.
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (length > back) end -= back;
    break;
  }
  return isUtf8(bytes.subarray(0, end));
}

/** A charset named by an HTML meta tag or an XML declaration in the first bytes, read as ASCII. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** True when the text is mostly control characters or replacement characters: binary, not text. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad / n > 0.1;
}
