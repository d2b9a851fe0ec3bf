/** Placeholder until the parser lands: refuses everything. */
import { ReportParseError, type ParsedReport } from '@ogi/domain';

export const PARSER_VERSION = '0.0.0';
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function parseReport(bytes: Uint8Array, fileName: string): Promise<ParsedReport> {
  void bytes;
  void fileName;
  throw new ReportParseError('NOT_AN_ANNUAL_REPORT');
}
