/**
 * A multipart body written byte by byte: clients can send what FormData never would, such as raw control
 * characters in a file name. (Slow and memory-hungry files are in `@ogi/parser/testing`.)
 */

/** A multipart/form-data body of files in the field `files`, with file names given as raw bytes (nothing escaped). */
export function rawMultipart(files: { rawName: Buffer; bytes: Uint8Array }[]): { body: Buffer; contentType: string } {
  const boundary = '----ogiHostileBoundary4f9c2e';
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="`, 'latin1'),
      f.rawName,
      Buffer.from('"\r\nContent-Type: application/octet-stream\r\n\r\n', 'latin1'),
      Buffer.from(f.bytes),
      Buffer.from('\r\n', 'latin1'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
