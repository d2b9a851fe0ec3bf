import { InitialSchema1795900000000 } from './1795900000000-initial-schema.js';
import { DocSourceFiles1795910000000 } from './1795910000000-doc-source-files.js';
import { IngestBatches1796100000000 } from './1796100000000-ingest-batches.js';
import { CellCorrectionsAuditLog1796100000001 } from './1796100000001-cell-corrections-audit-log.js';
import { Analytics1796200000000 } from './1796200000000-analytics.js';
import { Collect1796300000000 } from './1796300000000-collect.js';
import { CollectActors1796400000000 } from './1796400000000-collect-actors.js';
import { AnalyticsIndexes1796500000000 } from './1796500000000-analytics-indexes.js';
import { Accounts1796600000000 } from './1796600000000-accounts.js';
import { XlsxSourceFiles1797100000000 } from './1797100000000-xlsx-source-files.js';
import { MetricQuality1797200000000 } from './1797200000000-metric-quality.js';
import { AuditLogNoTruncate1797300000000 } from './1797300000000-audit-log-no-truncate.js';
import { AccessTokens1797400000000 } from './1797400000000-access-tokens.js';
import { ReportTextBigrams1797400000001 } from './1797400000001-report-text-bigrams.js';
import { Briefing1797500000000 } from './1797500000000-briefing.js';
import { SubmissionMissingMarks1797620000000 } from './1797620000000-submission-missing-marks.js';
import { MetricQualityBackfill1797620000001 } from './1797620000001-metric-quality-backfill.js';
import { BreakdownParts1797630000000 } from './1797630000000-breakdown-parts.js';
import { BreakdownPartQuality1797700000000 } from './1797700000000-breakdown-part-quality.js';
import { DataChangeNotices1797800000000 } from './1797800000000-data-change-notices.js';
import { AskedQuestions1797810000000 } from './1797810000000-asked-questions.js';
import { SignInsKeepAnswers1797810000001 } from './1797810000001-sign-ins-keep-answers.js';

/** Every migration, oldest first. A merged migration is never edited: add a new one. */
export const MIGRATIONS = [
  InitialSchema1795900000000,
  DocSourceFiles1795910000000,
  IngestBatches1796100000000,
  CellCorrectionsAuditLog1796100000001,
  Analytics1796200000000,
  Collect1796300000000,
  CollectActors1796400000000,
  AnalyticsIndexes1796500000000,
  Accounts1796600000000,
  XlsxSourceFiles1797100000000,
  MetricQuality1797200000000,
  AuditLogNoTruncate1797300000000,
  AccessTokens1797400000000,
  ReportTextBigrams1797400000001,
  Briefing1797500000000,
  SubmissionMissingMarks1797620000000,
  MetricQualityBackfill1797620000001,
  BreakdownParts1797630000000,
  BreakdownPartQuality1797700000000,
  DataChangeNotices1797800000000,
  AskedQuestions1797810000000,
  SignInsKeepAnswers1797810000001,
];
