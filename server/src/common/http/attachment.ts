/**
 * Files the server hands out for download: always `attachment` (never shown inline, so a stored HTML page cannot
 * run in our origin), the original name in RFC 5987 `filename*` (UTF-8, Chinese intact) with a plain-ASCII
 * `filename` for old clients, and no control characters, quotes or path parts that could break the header or
 * point elsewhere.
 */

/** The name without folders, control characters or characters header parsers choke on; never empty. */
export function safeFileName(name: string, fallback = 'download'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .replace(/^\.+/, '');
  return cleaned || fallback;
}

/** Percent-encoding of RFC 5987 `value-chars`: encodeURIComponent leaves ' ( ) * ! unescaped, which are not attr-chars. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A `Content-Disposition: attachment` header value for `name`. */
export function attachmentDisposition(name: string, fallback = 'download'): string {
  const safe = safeFileName(name, fallback);
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(safe)?.[0] ?? '';
  const ascii = /^[\x20-\x7e]+$/.test(safe) ? safe.replace(/[\\;]/g, '_') : `${fallback}${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(safe)}`;
}
