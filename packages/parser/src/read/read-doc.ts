/**
 * Reads a legacy Word 97–2003 document (.doc), and a WPS file saved in the same binary format: the compound file
 * (OLE2) is opened, the WordDocument stream's piece table gives the main text, and the text becomes rows.
 *
 * In that text a paragraph ends with CR and a table cell with BEL (0x07); a table row ends with one more BEL.
 * Without reading paragraph properties, an empty cell and a row end look the same, so each table cell becomes a
 * row of its own (as in scraped page text): labels and values keep their order and blank cells stay blank; the
 * extra blank a row end leaves is dropped where a row has more cells than the table has columns.
 */
import iconv from 'iconv-lite';
import { ReportParseError } from '@ogi/domain';
import { DocumentBuilder, type DocumentModel } from '../document.js';

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAX_SECTORS = 1 << 20;

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

const corrupt = (why: string) => new ReportParseError('CORRUPT_FILE', `Word 文件已损坏，无法读取（${why}）。`);

/** A compound file: its streams by name. */
class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Uint32Array;
  private readonly miniFat: Uint32Array;
  readonly entries: Entry[];
  private readonly miniStream: Uint8Array;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512) throw corrupt('文件过短');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sectorShift = this.view.getUint16(0x1e, true);
    const miniShift = this.view.getUint16(0x20, true);
    if (sectorShift < 7 || sectorShift > 16 || miniShift > sectorShift) throw corrupt('扇区大小无效');
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = this.view.getUint32(0x38, true);

    // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) {
      const s = this.view.getUint32(0x4c + i * 4, true);
      if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
    }
    let difat = this.view.getUint32(0x44, true);
    for (let guard = 0; difat !== ENDOFCHAIN && difat !== FREESECT; guard++) {
      if (guard > MAX_SECTORS) throw corrupt('DIFAT 循环');
      const sector = this.sector(difat);
      const per = this.sectorSize / 4 - 1;
      for (let i = 0; i < per; i++) {
        const s = readU32(sector, i * 4);
        if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
      }
      difat = readU32(sector, per * 4);
    }
    this.fat = toU32(concat(fatSectors.map((s) => this.sector(s))));
    const dir = this.chain(this.view.getUint32(0x30, true), this.fat, (s) => this.sector(s));
    this.entries = [];
    for (let off = 0; off + 128 <= dir.length; off += 128) {
      const nameLength = Math.min(64, readU16(dir, off + 0x40));
      const name = Buffer.from(dir.subarray(off, off + Math.max(0, nameLength - 2))).toString('utf16le');
      this.entries.push({ name, type: dir[off + 0x42]!, start: readU32(dir, off + 0x74), size: readU32(dir, off + 0x78) });
    }
    const root = this.entries.find((e) => e.type === 5);
    this.miniFat = toU32(this.chain(this.view.getUint32(0x3c, true), this.fat, (s) => this.sector(s)));
    this.miniStream = root ? this.chain(root.start, this.fat, (s) => this.sector(s)).subarray(0, root.size) : new Uint8Array(0);
  }

  stream(name: string): Uint8Array | null {
    const entry = this.entries.find((e) => e.type === 2 && e.name === name);
    if (!entry) return null;
    if (entry.size < this.miniCutoff) {
      const data = this.chain(entry.start, this.miniFat, (s) => this.miniStream.subarray(s * this.miniSectorSize, (s + 1) * this.miniSectorSize));
      return data.subarray(0, entry.size);
    }
    return this.chain(entry.start, this.fat, (s) => this.sector(s)).subarray(0, entry.size);
  }

  private sector(n: number): Uint8Array {
    const start = (n + 1) * this.sectorSize;
    if (start + this.sectorSize > this.bytes.length + this.sectorSize) throw corrupt('扇区越界');
    return this.bytes.subarray(start, Math.min(this.bytes.length, start + this.sectorSize));
  }

  private chain(first: number, table: Uint32Array, read: (s: number) => Uint8Array): Uint8Array {
    const parts: Uint8Array[] = [];
    const seen = new Set<number>();
    for (let s = first; s !== ENDOFCHAIN && s !== FREESECT; s = table[s] ?? ENDOFCHAIN) {
      if (seen.has(s) || seen.size > MAX_SECTORS) throw corrupt('扇区链循环');
      seen.add(s);
      parts.push(read(s));
    }
    return concat(parts);
  }
}

export function readDoc(bytes: Uint8Array): DocumentModel {
  let cf: CompoundFile;
  try {
    cf = new CompoundFile(bytes);
  } catch (err) {
    if (err instanceof ReportParseError) throw err;
    throw corrupt('复合文件结构无效');
  }
  const word = cf.stream('WordDocument');
  if (!word && (cf.stream('Workbook') || cf.stream('Book')))
    throw new ReportParseError(
      'UNSUPPORTED_FORMAT',
      '这是旧版 Excel 电子表格（.xls），系统不能直接读取。请在 Excel 或 WPS 表格中另存为 .xlsx（或把年报另存为 PDF、Word）后再导入。',
    );
  if (!word) throw new ReportParseError('UNSUPPORTED_FORMAT', '这个 Office 文件不是 Word 文档（可能是旧版 WPS 或表格文件），请另存为 DOCX 或 PDF 后再导入。');
  if (word.length < 0x200 || readU16(word, 0) !== 0xa5ec) throw corrupt('文档头无效');
  const flags = readU16(word, 0x0a);
  if (flags & 0x0100) throw new ReportParseError('UNSUPPORTED_FORMAT', '该 Word 文件已加密，无法读取。请提供未加密的文件。');
  const table = cf.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw corrupt('缺少表流');

  // FIB: 32 bytes, then csw 16-bit words, cslw 32-bit longs, then (fc, lcb) pairs; fcClx is pair 33.
  const csw = readU16(word, 32);
  const rgLw = 32 + 2 + csw * 2 + 2;
  const cslw = readU16(word, rgLw - 2);
  const ccpText = readU32(word, rgLw + 3 * 4);
  const rgFcLcb = rgLw + cslw * 4 + 2;
  const fcClx = readU32(word, rgFcLcb + 33 * 8);
  const lcbClx = readU32(word, rgFcLcb + 33 * 8 + 4);
  if (fcClx + lcbClx > table.length || lcbClx === 0) throw corrupt('片段表无效');

  const text = mainText(word, table.subarray(fcClx, fcClx + lcbClx), ccpText);
  return rowsOf(text);
}

/** The main document text, from the piece table (PlcPcd) inside the CLX. */
function mainText(word: Uint8Array, clx: Uint8Array, ccpText: number): string {
  let at = 0;
  while (at < clx.length && clx[at] === 0x01) at += 3 + readI16(clx, at + 1); // Prc: formatting, skipped
  if (clx[at] !== 0x02) throw corrupt('片段表无效');
  const lcb = readU32(clx, at + 1);
  const plc = clx.subarray(at + 5, at + 5 + lcb);
  const n = Math.floor((lcb - 4) / 12);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < n && length < ccpText; i++) {
    const cpStart = readU32(plc, i * 4);
    const cpEnd = readU32(plc, (i + 1) * 4);
    const chars = Math.min(cpEnd - cpStart, ccpText - length);
    if (chars <= 0) continue;
    const fcRaw = readU32(plc, (n + 1) * 4 + i * 8 + 2);
    const compressed = (fcRaw & 0x40000000) !== 0;
    if (compressed) {
      const fc = (fcRaw & 0x3fffffff) / 2;
      parts.push(iconv.decode(Buffer.from(word.subarray(fc, fc + chars)), 'win1252'));
    } else {
      parts.push(Buffer.from(word.subarray(fcRaw, fcRaw + chars * 2)).toString('utf16le'));
    }
    length += chars;
  }
  return parts.join('');
}

/** Paragraphs become rows; each table cell a row of its own. Field codes are dropped, their results kept. */
function rowsOf(raw: string): DocumentModel {
  const text = raw
    .replace(/\u0013[^\u0013\u0014\u0015]*\u0014/g, '') // field instruction up to its separator
    .replace(/\u0013[^\u0013\u0014\u0015]*\u0015/g, '') // a field with no result
    .replace(/[\u0014\u0015\u0001\u0008]/g, '')
    .replace(/[\u000b\u000c]/g, ' ')
    .replace(/\u001e/g, '-')
    .replace(/\u001f/g, '');
  const builder = new DocumentBuilder('doc', 'utf-16le');
  let line = 1;
  for (const paragraph of text.split('\r')) {
    const origin = { kind: 'text' as const, line: line++ };
    if (!paragraph.includes('\u0007')) {
      if (paragraph.trim()) builder.addRow([{ text: paragraph, origin }]);
      continue;
    }
    const cells = paragraph.split('\u0007');
    // What follows the last cell mark is the paragraph after the table, when there is one.
    const after = cells.pop()!;
    for (const cell of cells) builder.addRow([{ text: cell, origin }]);
    if (after.trim()) builder.addRow([{ text: after, origin }]);
  }
  return builder.build();
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const toU32 = (b: Uint8Array) => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + (b.length & ~3)));
const readU16 = (b: Uint8Array, at: number) => (at + 2 <= b.length ? b[at]! | (b[at + 1]! << 8) : 0);
const readI16 = (b: Uint8Array, at: number) => (readU16(b, at) << 16) >> 16;
const readU32 = (b: Uint8Array, at: number) => (at + 4 <= b.length ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0 : 0);
