/**
 * Error codes a clerk may see, with the message shown to them. Codes are stable: other systems match on them.
 */
export const PARSE_ERROR_CODES = [
  'FILE_NOT_FOUND',
  'EMPTY_FILE',
  'UNSUPPORTED_FORMAT',
  'NOT_AN_ANNUAL_REPORT',
  'TABLES_NOT_FOUND',
  'PRE_2019_FORMAT',
  'NO_TEXT_LAYER',
  'ENCRYPTED_PDF',
  'CORRUPT_FILE',
  'FILE_TOO_LARGE',
  'TIMEOUT',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export const PARSE_ERROR_MESSAGES: Record<ParseErrorCode, { zh: string; en: string }> = {
  FILE_NOT_FOUND: { zh: '找不到该文件，或无权读取。', en: 'The file does not exist or cannot be read.' },
  EMPTY_FILE: { zh: '文件是空的。', en: 'The file is empty.' },
  UNSUPPORTED_FORMAT: {
    zh: '无法识别的文件格式。请提供网页（HTML）、文本、Markdown、带文字层的 PDF 或 DOCX 文件。',
    en: 'Unrecognised file format. Provide an HTML page, text, Markdown, a PDF with a text layer, or a DOCX file.',
  },
  NOT_AN_ANNUAL_REPORT: {
    zh: '该文件不是政府信息公开工作年度报告：找不到年报的表格。',
    en: 'This file is not a government information disclosure annual report: none of its tables were found.',
  },
  TABLES_NOT_FOUND: {
    zh: '这是一份政府信息公开年报，但找不到它的统计表格（表格可能是图片）。',
    en: 'This is an annual report, but its tables could not be found (they may be images).',
  },
  PRE_2019_FORMAT: {
    zh: '这是 2019 年以前格式的年报（2018 年及以前的数据），不按新格式读取。',
    en: 'This is a pre-2019 format report (data for 2018 or earlier); it is not read into the new tables.',
  },
  NO_TEXT_LAYER: {
    zh: '该 PDF 没有文字层（可能是扫描件），无法读取表格。请提供可复制文字的 PDF 或网页版本。',
    en: 'This PDF has no text layer (probably a scan), so its tables cannot be read. Provide a text PDF or the web page.',
  },
  ENCRYPTED_PDF: { zh: '该 PDF 已加密，无法读取。', en: 'This PDF is encrypted and cannot be read.' },
  CORRUPT_FILE: { zh: '文件已损坏或不完整，无法读取。', en: 'The file is damaged or incomplete and cannot be read.' },
  FILE_TOO_LARGE: { zh: '文件过大，超出允许的大小。', en: 'The file is larger than allowed.' },
  TIMEOUT: { zh: '读取该文件超时，已停止。', en: 'Reading this file took too long and was stopped.' },
};

/** An error the parser raises on purpose: the input is not something it can read. */
export class ReportParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message?: string,
  ) {
    super(message ?? PARSE_ERROR_MESSAGES[code].zh);
    this.name = 'ReportParseError';
  }
}
