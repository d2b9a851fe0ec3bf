/** What the response headers and the address say about the content: its charset and a file name for it. */
import { decodeText } from '@ogi/parser';

/** The charset parameter of a Content-Type header, lower-cased, or null. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  const t = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return t || null;
}

const EXTENSION_OF_TYPE: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'application/pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-excel': '.xls',
  'application/kswps': '.wps',
  'application/vnd.ms-works': '.wps',
};

/**
 * A file name for fetched content: the one the server gives (Content-Disposition, UTF-8 or GBK), else the last
 * segment of the address, else the host; with the extension of its media type when it has none. Never contains
 * a path separator or a control character.
 */
export function fileNameFor(url: URL, contentType: string | null, contentDisposition: string | null): string {
  const fromHeader = dispositionFileName(contentDisposition);
  const segments = url.pathname.split('/').filter(Boolean);
  const fromPath = segments.length ? safeDecode(segments[segments.length - 1]!) : '';
  const given = sanitise(fromHeader || fromPath);
  const ext = EXTENSION_OF_TYPE[mediaTypeOf(contentType) ?? ''] ?? '';
  if (!given) return `${url.hostname}${ext}`;
  return ext && !/\.[a-z0-9]{1,5}$/i.test(given) ? `${given}${ext}` : given;
}

function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    const value = safeDecode(extended[2]!.trim());
    if (value) return value;
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  const raw = (plain?.[1] ?? plain?.[2])?.trim();
  if (!raw) return null;
  // Header values arrive as latin1; Chinese servers put raw UTF-8 or GBK bytes (or percent-encoding) in them.
  const bytes = Buffer.from(raw, 'latin1');
  const text = /[\u0100-\uffff]/.test(raw) ? raw : decodeText(bytes).text;
  return safeDecode(text);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The last path component only, without control characters or leading dots, at most 200 characters. */
function sanitise(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
}
