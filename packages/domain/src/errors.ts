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

/**
 * Why a file could not be stored although the parser read it, or why an upload request carried nothing to
 * import. The parser's own refusals keep their ParseErrorCode; together they are every code an import answers.
 */
export const INGEST_ERROR_CODES = [
  'NO_AGENCY_NAME',
  'NO_DATA_YEAR',
  'NO_TEMPLATE',
  'VALUE_OUT_OF_RANGE',
  'BAD_PUBLICATION_DATE',
  'STORE_FAILED',
  'DATABASE_UNAVAILABLE',
  'NO_FILES',
] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export const INGEST_ERROR_MESSAGES: Record<IngestErrorCode, { zh: string; en: string }> = {
  NO_AGENCY_NAME: {
    zh: '读不出这份年报的发布机关名称，无法归档。',
    en: 'The issuing agency could not be read from this report, so it cannot be filed.',
  },
  NO_DATA_YEAR: {
    zh: '读不出这份年报所报告的年度，无法归档。',
    en: 'The year this report covers could not be read, so it cannot be filed.',
  },
  NO_TEMPLATE: {
    zh: '无法判断这份年报采用的格式（2019 版或 2021 版），无法归档。',
    en: 'The report format (2019 or 2021 template) could not be determined, so it cannot be filed.',
  },
  VALUE_OUT_OF_RANGE: {
    zh: '表格中有数字大得不合常理（超过一万亿），可能是数字粘连或文件损坏，未导入。请核对原件。',
    en: 'A number in the tables is implausibly large (over one trillion): glued digits or a damaged file. Not imported; check the original.',
  },
  BAD_PUBLICATION_DATE: {
    zh: '年报上的发布日期不是有效日期，无法归档。请核对原件。',
    en: 'The publication date printed on the report is not a valid date, so it cannot be filed. Check the original.',
  },
  STORE_FAILED: {
    zh: '保存到数据库时出错，该文件未导入。请稍后重试。',
    en: 'The database failed while saving; the file was not imported. Try again later.',
  },
  DATABASE_UNAVAILABLE: {
    zh: '数据库暂时无法连接，该文件未导入。请稍后重试。',
    en: 'The database cannot be reached; the file was not imported. Try again shortly.',
  },
  NO_FILES: {
    zh: '没有收到文件：请在表单字段 files 中上传一个或多个年报文件。',
    en: 'No files received: upload one or more report files in the form field "files".',
  },
};

/** Every code a file's import can fail with. */
export type IngestFailureCode = ParseErrorCode | IngestErrorCode;

/** The clerk's message for any import failure code, in both languages. */
export function ingestFailureMessage(code: IngestFailureCode): { zh: string; en: string } {
  return code in INGEST_ERROR_MESSAGES ? INGEST_ERROR_MESSAGES[code as IngestErrorCode] : PARSE_ERROR_MESSAGES[code as ParseErrorCode];
}

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
