/**
 * @ogi/parser — reads a 政府信息公开工作年度报告 from its bytes, deterministically, with evidence for every cell.
 *
 * - `parseReport(bytes, fileName)` parses in the calling thread and throws `ReportParseError` for input it refuses.
 * - `ParserPool` parses in worker threads with a time and memory bound per file, so no input can hang or crash
 *   the caller; it never throws for bad input, it returns `{ ok: false, error }`.
 */
export { parseReport, PARSER_VERSION, MAX_INPUT_BYTES, type ParseOptions, type PreviousReport } from './parse-report.js';
export { ParserPool, type PoolParseOptions, type ParseOutcome, type ParserPoolOptions, type ParserPoolStats } from './pool.js';
/** Bytes → text as the parser decodes them (BOM, UTF-16, UTF-8, else GB18030), and the charset a page declares. */
export { decodeText, declaredCharset, type DecodedText } from './read/decode-text.js';
