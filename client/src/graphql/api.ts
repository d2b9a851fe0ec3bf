/**
 * The API as the dashboard sees it: every operation's typed document, result and variables types, generated from
 * `server/schema.gql` and the `.graphql` documents beside this file (`pnpm --filter @ogi/client codegen`), plus
 * names for the parts of results that several modules handle. Those names are derived from the generated types,
 * never written by hand, so a document change reaches every user of its result.
 */
import type {
  AgenciesQuery,
  AgencyMatchProposalsQuery,
  AgencyProfileQuery,
  AgencyTreeQuery,
  AuditLogQuery,
  BreakdownQuery,
  BriefingQuery,
  CompareQuery,
  DataQualityQuery,
  FindingsQuery,
  FollowUpsQuery,
  IngestBatchQuery,
  IngestBatchesQuery,
  MyAccessTokensQuery,
  RankingQuery,
  ReportCorrectionsQuery,
  ReportDiffQuery,
  ReportMetricsQuery,
  ReportQuery,
  ReportsQuery,
  ReviewOutcomesQuery,
  RollupQuery,
  SearchReportsQuery,
  SessionQuery,
  SubmissionMatrixQuery,
  SubmissionsQuery,
  ThresholdsQuery,
  UpdateAgencyMutation,
  UsersQuery,
} from './generated/graphql';

export * from './generated/graphql';

/** An agency named in a result: its id and name. */
export type AgencyRef = AgenciesQuery['agencies']['items'][number];
export type AgencyOption = AgencyRef;
export type AgencyNodeResult = AgencyTreeQuery['agencyTree'][number];
export type AgencyProfile = NonNullable<AgencyProfileQuery['agency']>;
export type AgencyReportUrl = AgencyProfile['reportUrls'][number];
export type AgencyMatchProposal = AgencyMatchProposalsQuery['agencyMatchProposals'][number];
export type UpdatedAgency = UpdateAgencyMutation['updateAgency'];

export type MetricValueResult = CompareQuery['compare']['values'][number];
export type RollupValueResult = RollupQuery['rollup'][number];
export type RankingItemResult = RankingQuery['ranking']['items'][number];
export type BreakdownRowResult = BreakdownQuery['breakdown'][number];
export type RuleCountResult = DataQualityQuery['dataQuality']['byRule'][number];
export type FindingRowResult = FindingsQuery['findings']['items'][number];
export type SubmissionResult = SubmissionsQuery['submissions'][number];

export type BriefingResult = BriefingQuery;
export type BreakdownPart = BriefingQuery['briefing']['withholding'][number];
export type FollowUpItemResult = FollowUpsQuery['followUps']['items'][number];
export type ThresholdResult = ThresholdsQuery['thresholds'][number];

export type ReportListItem = ReportsQuery['reports']['items'][number];
export type SearchHit = SearchReportsQuery['searchReports']['items'][number];
export type ReportDetail = NonNullable<ReportQuery['report']>;
export type ReportVersion = ReportDetail['versions'][number];
export type ApplicationRowResult = ReportDetail['applications'][number];
export type ReviewRowResult = ReportDetail['reviewLitigation'][number];
export type DisclosureRowResult = ReportDetail['activeDisclosure'][number];
export type CellResult = NonNullable<ApplicationRowResult['cells'][number]>;
export type FindingResult = ReportDetail['findings'][number];
export type ReportMetricResult = NonNullable<ReportMetricsQuery['report']>['metrics'][number];
export type CellCorrectionResult = NonNullable<ReportCorrectionsQuery['report']>['corrections'][number];
export type ReportDiffResult = ReportDiffQuery;
export type FieldChangeResult = ReportDiffQuery['reportDiff']['fields'][number];
export type CellChangeResult = ReportDiffQuery['reportDiff']['cells'][number];
export type AuditEntryResult = AuditLogQuery['auditLog']['items'][number];

export type IngestBatchSummary = IngestBatchesQuery['ingestBatches']['items'][number];
export type IngestBatchDetail = NonNullable<IngestBatchQuery['ingestBatch']>;
export type IngestItemResult = IngestBatchDetail['items'][number];

export type SessionInfo = NonNullable<SessionQuery['session']>;
export type SessionUser = SessionInfo['user'];
export type UserResult = UsersQuery['users']['items'][number];
export type AccessTokenResult = MyAccessTokensQuery['myAccessTokens'][number];

export type SubmissionMatrixRowResult = SubmissionMatrixQuery['submissionMatrix']['nodes'][number];
export type SubmissionYearSummaryResult = SubmissionMatrixQuery['submissionSummary'][number];
export type ReviewOutcomeRow = ReviewOutcomesQuery['review'][number];
