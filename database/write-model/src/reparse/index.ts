/** `@ogi/write-model/reparse`: a stored report read again by today's parser from its kept original file. */
export { REPARSE_IDENTITY_CHANGED, ReparseError, allReportIds, reparseReport, type ReparseResult } from './reparse.js';
