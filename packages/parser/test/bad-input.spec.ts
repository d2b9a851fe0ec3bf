import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
/**
 * Input that is not a readable report gets its own error code and a message a clerk understands, quickly;
 * one bad file in a batch never stops the others.
 */
import { zipSync, strToU8 } from 'fflate';
import { PARSE_ERROR_CODES } from '@ogi/domain';
import { parseReport } from '../src/parse-report.js';
import { ParserPool } from '../src/pool.js';
import { corpusCases } from './support/corpus.js';
import { minimalPdf } from './support/pdf.js';
import { officialBlocks, toDocx } from './support/render.js';

const corpus = corpusCases();
const seed = corpus.find((c) => c.name === '000_ezhou_xzspj_2020')!;
const pdf = corpus.find((c) => c.name === '001_huaian_shi_2024')!;

/** Deterministic pseudo-random bytes. */
function randomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  return zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`),
  });
}

/** A valid compound (OLE2) file holding no stream at all: what an Excel or old WPS file looks like to us. */
function emptyCompoundFile(): Uint8Array {
  const b = Buffer.alloc(512 * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 0x18);
  b.writeUInt16LE(3, 0x1a);
  b.writeUInt16LE(0xfffe, 0x1c);
  b.writeUInt16LE(9, 0x1e);
  b.writeUInt16LE(6, 0x20);
  b.writeUInt32LE(1, 0x2c); // one FAT sector
  b.writeUInt32LE(1, 0x30); // the directory in sector 1
  b.writeUInt32LE(4096, 0x38);
  b.writeUInt32LE(0xfffffffe, 0x3c);
  b.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) b.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = 512;
  for (let i = 0; i < 128; i++) b.writeUInt32LE(i === 0 ? 0xfffffffd : i === 1 ? 0xfffffffe : 0xffffffff, fat + i * 4);
  const dir = 1024;
  b.write('Root Entry', dir, 'utf16le');
  b.writeUInt16LE(22, dir + 0x40);
  b[dir + 0x42] = 5;
  b.writeUInt32LE(0xfffffffe, dir + 0x74);
  return b;
}

const refusal = async (bytes: Uint8Array, name: string) => {
  try {
    await parseReport(bytes, name);
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error(`${name} was parsed, not refused`);
};

describe('each bad input has its code and a readable message', () => {
  const cases: [string, () => Uint8Array, string, string][] = [
    ['an empty file', () => new Uint8Array(0), 'empty.txt', 'EMPTY_FILE'],
    ['a file of blanks', () => Buffer.from('   \n\n  '), 'blank.txt', 'EMPTY_FILE'],
    ['random bytes', () => randomBytes(100_000), 'random.bin', 'UNSUPPORTED_FORMAT'],
    ['a scanned PDF with no text layer', () => minimalPdf({}), 'scan.pdf', 'NO_TEXT_LAYER'],
    ['an encrypted PDF', () => minimalPdf({ text: 'secret', encrypted: true }), 'locked.pdf', 'ENCRYPTED_PDF'],
    ['a file named .pdf that is not one', () => Buffer.from('<<<< not a pdf >>>>'), 'fake.pdf', 'CORRUPT_FILE'],
    ['a PDF cut off after its header', () => pdf.bytes.subarray(0, 2000), 'cut.pdf', 'CORRUPT_FILE'],
    ['a PNG image', () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5000)]), 'scan.png', 'NO_TEXT_LAYER'],
    [
      'a damaged .doc (OLE) file',
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(5000)]),
      'old.doc',
      'CORRUPT_FILE',
    ],
    ['an Office file that is not a Word document', () => emptyCompoundFile(), 'sheet.xls', 'UNSUPPORTED_FORMAT'],
    [
      'a Word file that is not a report',
      () => docx(['关于召开2024年度工作会议的通知', '各科室：定于下周一召开全体会议，请准时参加。']),
      'notice.docx',
      'NOT_AN_ANNUAL_REPORT',
    ],
    ['a zip that is not a Word file', () => zipSync({ 'a.txt': strToU8('hello') }), 'a.docx', 'UNSUPPORTED_FORMAT'],
    ['a damaged zip', () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(3000)]), 'broken.docx', 'CORRUPT_FILE'],
    [
      'a page of site navigation only',
      () =>
        Buffer.from(
          '<html><body><nav><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/nb">政府信息公开年报</a></nav><footer>主办单位：某某市人民政府办公室</footer></body></html>',
        ),
      'nav.html',
      'NOT_AN_ANNUAL_REPORT',
    ],
    [
      'an annual report whose tables are images',
      () =>
        Buffer.from(
          '<html><body><h1>某某市人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>全年主动公开信息100条。</p><img src="table.png"></body></html>',
        ),
      'images.html',
      'TABLES_NOT_FOUND',
    ],
  ];

  it.each(cases)('%s', async (_what, make, name, code) => {
    const err = await refusal(make(), name);
    expect(err.code).toBe(code);
    expect(PARSE_ERROR_CODES).toContain(err.code);
    // A message in Chinese a clerk can act on, never a stack trace.
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(err.message).not.toMatch(/at .+\.ts:\d+/);
  });

  it('an old Excel spreadsheet (.xls, written by LibreOffice Calc) is refused naming the spreadsheet and how to convert it', async () => {
    const xls = readFileSync(fileURLToPath(new URL('rendered/000_ezhou_xzspj_2020.xls', import.meta.url)));
    const err = await refusal(xls, '000_ezhou_xzspj_2020.xls');
    expect(err.code).toBe('UNSUPPORTED_FORMAT');
    expect(err.message).toContain('Excel 电子表格');
    expect(err.message).toContain('另存为 .xlsx');
  });

  it('a zip bomb disguised as a spreadsheet is refused before exceljs expands it', async () => {
    const bomb = zipSync(
      { '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024) },
      { level: 9 },
    );
    const err = await refusal(bomb, 'bomb.xlsx');
    expect(err.code).toBe('FILE_TOO_LARGE');
  });

  it('a zip bomb disguised as a DOCX is refused before it is expanded', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = await refusal(bomb, 'bomb.docx');
    expect(err.code).toBe('FILE_TOO_LARGE');
  });

  it('a real report in a DOCX still parses (the bomb check does not refuse Word files)', async () => {
    const r = await parseReport(toDocx(officialBlocks(seed.expected!)), 'seed.docx');
    expect(r.applications['newReceived']).toEqual([29, 0, 0, 0, 0, 0, 29]);
  });
});

describe('a batch through the worker pool', () => {
  const pool = new ParserPool({ size: 2, timeoutMs: 30_000 });
  afterAll(() => pool.close());

  it('answers every file, bad ones with their code, good ones parsed, in any mix', async () => {
    const batch: [Uint8Array, string][] = [
      [randomBytes(20_000, 7), 'noise.bin'],
      [seed.bytes, seed.file],
      [new Uint8Array(0), 'empty.txt'],
      [minimalPdf({ text: 'x', encrypted: true }), 'locked.pdf'],
      [pdf.bytes, pdf.file],
    ];
    const outcomes = await Promise.all(batch.map(([b, n]) => pool.parse(b, n)));
    expect(outcomes.map((o) => (o.ok ? `ok ${o.report.agency}` : o.error.code))).toEqual([
      'UNSUPPORTED_FORMAT',
      'ok 鄂州市行政审批局',
      'EMPTY_FILE',
      'ENCRYPTED_PDF',
      'ok 淮安市人民政府',
    ]);
  });

  it('a 50 MB file that is not a report is refused with its code, within the time and memory bounds', async () => {
    const line = Buffer.from('网站首页 | 政务公开 | 信息公开目录 | 网站地图 | 联系我们 | 主办单位：某某市人民政府办公室\n');
    const big = Buffer.concat(Array.from({ length: Math.ceil((50 * 1024 * 1024) / line.length) }, () => line));
    const outcome = await pool.parse(big, 'big.txt');
    expect(outcome).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_AN_ANNUAL_REPORT' }) });
  }, 120_000);

  it('stops a file that takes longer than its time bound with TIMEOUT, and carries on with the next', async () => {
    const slow = await pool.parse(pdf.bytes, pdf.file, { timeoutMs: 1 });
    expect(slow).toEqual({ ok: false, error: expect.objectContaining({ code: 'TIMEOUT' }) });
    const next = await pool.parse(seed.bytes, seed.file);
    expect(next.ok).toBe(true);
  });
});
