/**
 * The states of the observatory's work items — import batches and their files, editors' cell corrections, the
 * bureau's follow-up list — as closed sets, so the database, the API's enums and the dashboard spell them once.
 */

/** Where an import batch came from: an upload, `pnpm ingest`, the sample import, or web addresses. */
export const INGEST_BATCH_ORIGINS = ['upload', 'cli', 'seed', 'url'] as const;
export type IngestBatchOrigin = (typeof INGEST_BATCH_ORIGINS)[number];

/** `interrupted`: the process running it stopped before the end; anyone may resume it. */
export const INGEST_BATCH_STATUSES = ['running', 'interrupted', 'done'] as const;
export type IngestBatchStatus = (typeof INGEST_BATCH_STATUSES)[number];

/** `pending`: not done yet (the batch is running or was interrupted). */
export const INGEST_ITEM_STATUSES = ['pending', 'stored', 'duplicate', 'failed'] as const;
export type IngestItemStatus = (typeof INGEST_ITEM_STATUSES)[number];

/**
 * `active`: in force. `stale`: the cell reads differently in the source now, so it is no longer applied.
 * `superseded`: a later correction of the same cell replaced it. `withdrawn`: an editor took it back.
 */
export const CORRECTION_STATUSES = ['active', 'stale', 'superseded', 'withdrawn'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** 待提醒 · 已提醒 · 已整改 · 豁免. */
export const FOLLOW_UP_STATUSES = ['pending', 'reminded', 'resolved', 'exempt'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Why an agency is on the follow-up list: no report, a late one, tables that do not add up, or a red colour / notable change. */
export const FOLLOW_UP_REASONS = ['missing', 'late', 'contradicted', 'flagged'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

/** What an address the collector fetched turned out to be. */
export const FETCHED_URL_KINDS = ['page', 'listing', 'attachment', 'file'] as const;
export type FetchedUrlKind = (typeof FETCHED_URL_KINDS)[number];

/** What came of fetching an address: a report stored, one already present, a refusal, or a listing page read. */
export const FETCHED_URL_STATUSES = ['stored', 'duplicate', 'failed', 'listing'] as const;
export type FetchedUrlStatus = (typeof FETCHED_URL_STATUSES)[number];

/** The properties of a report (beside its cells) compared between two versions of it. */
export const COMPARED_REPORT_FIELDS = ['publishedOn', 'daysLate', 'template', 'scope', 'printedAgencyName'] as const;
export type ComparedReportField = (typeof COMPARED_REPORT_FIELDS)[number];

/** What came of re-reading a stored report with the current parser. */
export const REPARSE_STATUSES = ['updated', 'unchanged', 'failed'] as const;
export type ReparseStatus = (typeof REPARSE_STATUSES)[number];
