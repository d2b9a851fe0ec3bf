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
  'AGENCY_NOT_ALLOWED',
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
  AGENCY_NOT_ALLOWED: {
    zh: '这份年报属于其他机关，未导入：部门用户只能导入本机关的年报。',
    en: "This report belongs to another agency and was not imported: department users can import only their own agency's reports.",
  },
};

/**
 * The answer for an uploaded file the database went away under after its bytes were recorded with its import
 * batch (code DATABASE_UNAVAILABLE): the server imports it by itself once the database answers again.
 */
export function importDeferredMessage(batchId: number): { zh: string; en: string } {
  return {
    zh: `数据库暂时无法连接，该文件尚未导入；文件已收到并保存在导入批次 ${batchId} 中，数据库恢复后将自动导入，无需重新上传。`,
    en: `The database cannot be reached, so the file is not imported yet; it was received and kept with import batch ${batchId}, and will be imported automatically once the database is back. No need to upload it again.`,
  };
}

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

/**
 * Why a report could not be fetched from an address (`pnpm ingest --url`, the dashboard's 从网址导入, the listing
 * poll). TIMEOUT is shared with the parser: in both it means "took too long and was stopped"; the message says
 * which. Parser refusals of fetched content keep their ParseErrorCode.
 */
export const FETCH_ERROR_CODES = [
  'INVALID_URL',
  'BLOCKED_ADDRESS',
  'DNS_FAILED',
  'FETCH_FAILED',
  'TIMEOUT',
  'TOO_LARGE',
  'REDIRECT_LOOP',
  'TOO_MANY_REDIRECTS',
  'HTTP_403',
  'HTTP_404',
  'HTTP_429',
  'HTTP_5XX',
  'HTTP_ERROR',
] as const;
export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number];

export const FETCH_ERROR_MESSAGES: Record<FetchErrorCode, { zh: string; en: string }> = {
  INVALID_URL: {
    zh: '网址格式不正确：只接受以 http:// 或 https:// 开头、不含用户名和密码的网址。',
    en: 'Not a valid address: only http:// or https:// addresses without a user name or password are accepted.',
  },
  BLOCKED_ADDRESS: {
    zh: '该网址指向本机、内网或保留地址，出于安全考虑不予访问。',
    en: 'This address points to this machine, a private network or a reserved address; it is not fetched, for safety.',
  },
  DNS_FAILED: {
    zh: '找不到该网站：域名无法解析。请检查网址是否拼写正确。',
    en: 'The site was not found: its domain name does not resolve. Check the address.',
  },
  FETCH_FAILED: {
    zh: '无法连接该网站，或连接中途断开。请稍后重试，或在浏览器中检查该网址能否打开。',
    en: 'The site could not be reached, or the connection broke off. Try again later, or check the address in a browser.',
  },
  TIMEOUT: { zh: '网站响应太慢，已超过时间上限，已停止下载。请稍后重试。', en: 'The site answered too slowly and the download was stopped. Try again later.' },
  TOO_LARGE: { zh: '网站返回的内容超过大小上限，已停止下载。', en: 'The site sent more than the size limit allows; the download was stopped.' },
  REDIRECT_LOOP: { zh: '该网址的跳转形成了循环，无法到达最终页面。', en: 'The address redirects in a loop and never reaches a page.' },
  TOO_MANY_REDIRECTS: { zh: '该网址跳转次数过多，已停止。', en: 'The address redirects too many times; stopped.' },
  HTTP_403: { zh: '网站拒绝访问该页面（403/401）。', en: 'The site refused access to this page (403/401).' },
  HTTP_404: { zh: '页面不存在（404）：链接可能已失效或网址有误。', en: 'Page not found (404): the link may be dead or the address wrong.' },
  HTTP_429: { zh: '网站提示访问过于频繁（429），请稍后重试。', en: 'The site asked us to slow down (429); try again later.' },
  HTTP_5XX: { zh: '网站服务器出错（5xx），请稍后重试。', en: 'The site’s server failed (5xx); try again later.' },
  HTTP_ERROR: { zh: '网站返回了错误状态，未能取得页面。', en: 'The site answered with an error status; the page was not retrieved.' },
};

/**
 * What the listing poll found for an agency and a data year, as the submissions view shows it. NOT_CHECKED: the
 * agency's listing page has not been checked for that year (no address, polling off, or the deadline not passed).
 */
export const DISCOVERY_STATES = ['IMPORTED', 'PUBLISHED_NOT_IMPORTED', 'NOT_FOUND', 'FAILED', 'NOT_CHECKED'] as const;
export type DiscoveryState = (typeof DISCOVERY_STATES)[number];
/** The outcomes a listing check records (every discovery state but NOT_CHECKED). */
export const LISTING_CHECK_OUTCOMES = ['IMPORTED', 'PUBLISHED_NOT_IMPORTED', 'NOT_FOUND', 'FAILED'] as const satisfies readonly Exclude<
  DiscoveryState,
  'NOT_CHECKED'
>[];
export type ListingCheckOutcome = (typeof LISTING_CHECK_OUTCOMES)[number];

export const DISCOVERY_LABELS: Record<DiscoveryState, { zh: string; en: string }> = {
  IMPORTED: { zh: '已导入', en: 'Imported' },
  PUBLISHED_NOT_IMPORTED: { zh: '已发布，未导入', en: 'Published, not yet imported' },
  NOT_FOUND: { zh: '未找到', en: 'Not found' },
  FAILED: { zh: '检查失败', en: 'Check failed' },
  NOT_CHECKED: { zh: '未检查', en: 'Not checked' },
};
