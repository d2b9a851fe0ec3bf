/**
 * Hostile files for the parser's and the server's hostile tests: a PDF whose page stream inflates to any size
 * (a "stream bomb") and a DOCX whose document entry lies about its size and inflates far beyond it (a "zip
 * bomb"), built in milliseconds whatever the inflated size: one deflated run of spaces, flushed so it can be
 * repeated, is repeated as often as needed. And files that are no bombs but hold a parser worker for long, take
 * much memory or are built far beyond a report's scale. Not part of the parser's runtime.
 */
import { deflateRawSync, constants as zlib } from 'node:zlib';

const CHUNK = 16 * 1024 * 1024;
let chunk: Buffer | null = null;

/** Raw deflate data (no header) of `bytes` spaces, rounded up to whole 16 MiB runs. */
export function deflatedSpaces(bytes: number): Buffer {
  // Sync-flushed blocks end byte-aligned and unfinished, so copies can follow one another; every copy starts with
  // a literal space and then copies the byte before it, which is a space in every copy.
  chunk ??= deflateRawSync(Buffer.alloc(CHUNK, 0x20), { level: 9, finishFlush: zlib.Z_SYNC_FLUSH });
  const copies = Math.max(1, Math.ceil(bytes / CHUNK));
  // A last, empty block marked final (fixed Huffman codes, just the end-of-block code).
  return Buffer.concat([...Array.from({ length: copies }, () => chunk!), Buffer.from([0x03, 0x00])]);
}

/** The zlib checksum (Adler-32) of `n` spaces, computed without the spaces. */
function adler32OfSpaces(n: number): number {
  const mod = 65521n;
  const count = BigInt(n);
  const a = (1n + count * 32n) % mod;
  const b = (count + 32n * ((count * (count + 1n)) / 2n)) % mod;
  return Number((b << 16n) | a);
}

/** A valid one-page PDF whose page content stream (FlateDecode) inflates to `inflatedBytes` (rounded up to 16 MiB). */
export function pdfStreamBomb(inflatedBytes: number): Buffer {
  const copies = Math.max(1, Math.ceil(inflatedBytes / CHUNK));
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler32OfSpaces(copies * CHUNK) >>> 0);
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), deflatedSpaces(copies * CHUNK), trailer]);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  const object = (n: number, body: Buffer | string) => {
    offsets[n] = length;
    add(`${n} 0 obj\n`);
    add(body);
    add('\nendobj\n');
  };
  add('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>');
  object(
    4,
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]),
  );
  const xref = length;
  add(
    `xref\n0 5\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
      .join('')}`,
  );
  add(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/**
 * A DOCX (ZIP) whose `word/document.xml` declares `declaredBytes` but inflates to `inflatedBytes` of spaces: the
 * declared sizes pass any check that believes them. Its CRC is not that of the content (it is never reached).
 */
export function docxZipBomb(inflatedBytes: number, declaredBytes = 4096): Buffer {
  const name = Buffer.from('word/document.xml', 'latin1');
  const data = deflatedSpaces(inflatedBytes);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0, 14); // CRC-32
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredBytes, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredBytes, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42); // the local header's offset
  const directoryAt = local.length + name.length + data.length;
  const directoryLength = central.length + name.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directoryLength, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/**
 * An HTML page whose table repeats one official row label `rows` times (20,000 rows: 2.2 MB). The parser reads it
 * in time linear in its size and refuses it (TABLES_NOT_FOUND: one label is not the table); `pnpm bench:parse`
 * times it.
 */
export function repeatedRowsHtml(rows: number): Buffer {
  const row = '<tr><td>（一）本年新收政府信息公开申请数量</td><td>1</td><td>2</td><td>3</td><td>4</td></tr>';
  return Buffer.from(`<html><body><h1>某某市某某局2020年政府信息公开工作年度报告</h1><table>${row.repeat(rows)}</table></body></html>`);
}

/** An HTML page of one table of `rows` one-cell rows (500,000 rows: about 10 MB): more rows than a call takes arguments. */
export function hugeTableHtml(rows: number): Buffer {
  return Buffer.from(`<html><body><table>${'<tr><td>1</td></tr>'.repeat(rows)}</table></body></html>`);
}

/**
 * An HTML page of `depth` tables each opened inside the last one's cell and none closed (`<table><tr><td>1`
 * 650,000 times: about 10 MB). An HTML tokenizer keeping its open elements in a list it shifts at
 * the front spends time quadratic in the depth on it.
 */
export function nestedTablesHtml(depth: number): Buffer {
  return Buffer.from(`<html><body><p>某某市某某局2020年政府信息公开工作年度报告</p>${'<table><tr><td>1'.repeat(depth)}</body></html>`);
}

/**
 * A PDF that is no bomb but takes the parser long to read: `pages` pages (the parser reads at most 300), each
 * printing 2,000 small numbers placed one by one, as a dense statistical annex would. 300 pages (16 MB) take
 * about 13 s on an idle core and some 300 MB: what the worker pool's time bound is for.
 */
export function slowPdf(pages = 300): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (text: string) => {
    const buf = Buffer.from(text, 'latin1');
    parts.push(buf);
    length += buf.length;
  };
  const object = (n: number, body: string) => {
    offsets[n] = length;
    add(`${n} 0 obj\n${body}\nendobj\n`);
  };
  let content = 'BT /F1 6 Tf\n';
  for (let i = 0; i < 2000; i++) content += `1 0 0 1 ${20 + (i % 20) * 28} ${820 - Math.floor(i / 20) * 7} Tm (${i % 97}) Tj\n`;
  content += 'ET';
  add('%PDF-1.4\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages} >>`);
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) {
    object(4 + 2 * i, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    object(5 + 2 * i, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  const xref = length;
  const count = 4 + 2 * pages;
  add(
    `xref\n0 ${count}\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
      .join('')}`,
  );
  add(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/**
 * An HTML page of `megabytes` MB of one-line blocks: it expands to roughly 18 times its size in the parser's
 * memory (10 MB: about +190 MB of resident memory), with no compressed stream the bomb pre-scan could refuse.
 */
export function memoryHungryHtml(megabytes: number): Buffer {
  return Buffer.from('<div>总计 1</div>\n'.repeat(Math.floor((megabytes * 1024 * 1024) / 20)));
}
