import type { ParseErrorCode, ParsedReport } from '@ogi/domain';
import type { PreviousReport } from '@ogi/parser';

/** What the ingestor needs from a parser: ParserPool fits. Never throws for bad input. */
export interface ReportParser {
  parse(
    bytes: Uint8Array,
    fileName: string,
    options?: { charset?: string | null; previous?: PreviousReport | null; group?: string },
  ): Promise<{ ok: true; report: ParsedReport } | { ok: false; error: { code: ParseErrorCode; message: string } }>;
}
