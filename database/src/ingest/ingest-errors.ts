/**
 * The ingest error codes and their messages live in @ogi/domain (shared with the client); re-exported here for
 * the database package's callers.
 */
export { INGEST_ERROR_CODES, INGEST_ERROR_MESSAGES, ingestFailureMessage, type IngestErrorCode, type IngestFailureCode } from '@ogi/domain';
