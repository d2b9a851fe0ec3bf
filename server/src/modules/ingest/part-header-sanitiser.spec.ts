import { Readable } from 'node:stream';
import { PartHeaderSanitiser, multipartBoundary } from './part-header-sanitiser.js';

const BOUNDARY = '----ogiBoundary7MA4YWxk';

/** A multipart body with one file part per entry; names and contents are raw bytes. */
function body(parts: { name: Buffer; content: Buffer }[]): Buffer {
  const pieces: Buffer[] = [];
  for (const p of parts) {
    pieces.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="`),
      p.name,
      Buffer.from('"\r\nContent-Type: text/plain\r\n\r\n'),
      p.content,
      Buffer.from('\r\n'),
    );
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(pieces);
}

/** Runs bytes through the sanitiser cut into chunks of `size` bytes. */
async function sanitise(bytes: Buffer, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: Buffer[] = [];
  for await (const c of Readable.from(chunks).pipe(new PartHeaderSanitiser(BOUNDARY))) out.push(c as Buffer);
  return Buffer.concat(out);
}

describe('PartHeaderSanitiser', () => {
  // File contents that look like headers and hold every control character, CRs and LFs: they must pass as they are.
  const content = Buffer.concat([
    Buffer.from('总计\r\n\r\nContent-Disposition: x\x01\x02\r\r\n\n'),
    Buffer.from(Array.from({ length: 32 }, (_, i) => i)),
    Buffer.from('\r\n--notTheBoundary\r\n'),
  ]);
  const raw = body([
    { name: Buffer.from('年报\x01\x1f\x7f\r.txt'), content },
    { name: Buffer.from('good.txt'), content: Buffer.from('正文') },
  ]);
  const expected = body([
    { name: Buffer.from('年报.txt'), content },
    { name: Buffer.from('good.txt'), content: Buffer.from('正文') },
  ]);

  it.each([1, 2, 3, 7, 16, 64, 100_000])('drops control characters from part headers only (chunks of %i bytes)', async (size) => {
    expect((await sanitise(raw, size)).toString('latin1')).toBe(expected.toString('latin1'));
  });

  it('passes a body without control characters unchanged', async () => {
    expect((await sanitise(expected, 5)).equals(expected)).toBe(true);
  });

  it('reads the boundary of a Content-Type, quoted or not', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; boundary="a b"; charset=utf-8')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
  });
});
