/** From bytes to the document model: the container is recognised from the content, not the file name. */
import { ReportParseError } from '@ogi/domain';
import type { DocumentModel } from '../document.js';
import { declaredCharset, decodeText, looksBinary } from './decode-text.js';
import { readDoc } from './read-doc.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readLines } from './read-lines.js';
import { readPdf } from './read-pdf.js';
import { isWorkbookZip, readXlsx } from './read-xlsx.js';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

export async function readDocument(bytes: Uint8Array, fileName: string, servedCharset: string | null = null): Promise<DocumentModel> {
  if (bytes.length === 0 || (bytes.length < 64 && !Buffer.from(bytes).toString('latin1').trim())) throw new ReportParseError('EMPTY_FILE');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return readPdf(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return isWorkbookZip(bytes) ? readXlsx(bytes) : readDocx(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return readDoc(bytes);
  if (isImage(bytes)) throw new ReportParseError('NO_TEXT_LAYER', '这是一张图片，没有可读取的文字。请提供网页、文字版 PDF 或 Word 文件。');
  if (isArchive(bytes)) throw new ReportParseError('UNSUPPORTED_FORMAT', '这是压缩包，请解压后导入其中的年报文件。');
  if (/\.pdf$/i.test(fileName) && !head.includes('%PDF')) throw new ReportParseError('CORRUPT_FILE', '文件名是 PDF，但内容不是 PDF，文件可能已损坏。');

  const decoded = decodeText(bytes, servedCharset ?? declaredCharset(bytes));
  if (looksBinary(decoded.text)) throw new ReportParseError('UNSUPPORTED_FORMAT');
  const text = decoded.text.replace(/^\ufeff/, '');
  if (!text.trim()) throw new ReportParseError('EMPTY_FILE');
  return isHtml(text) ? readHtml(text, decoded.encoding) : readLines(text, decoded.encoding);
}

function isHtml(text: string): boolean {
  const head = text.slice(0, 65536);
  return /<!doctype\s+html|<html[\s>]|<body[\s>]|<table[\s>]/i.test(head) || (head.match(/<(p|div|span|td|tr|br)[\s/>]/gi)?.length ?? 0) > 5;
}

function isImage(b: Uint8Array): boolean {
  return (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(b, [0xff, 0xd8, 0xff]) ||
    startsWith(b, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(b, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) ||
    startsWith(b, [0x42, 0x4d])
  );
}

function isArchive(b: Uint8Array): boolean {
  return (
    startsWith(b, [0x1f, 0x8b]) || startsWith(b, [0x52, 0x61, 0x72, 0x21]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])
  );
}
