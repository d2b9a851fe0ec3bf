import { readFileSync } from 'node:fs';
import {
  AGENCY_KIND_VALUES,
  AGENCY_MATCH_REASONS,
  COMPARED_REPORT_FIELDS,
  FETCHED_URL_KINDS,
  FETCHED_URL_STATUSES,
  LISTING_CHECK_OUTCOMES,
  METRIC_CATEGORIES,
  METRIC_UNITS,
  NARRATIVE_FACT_KINDS,
  OUTCOME_GROUPS,
  RECONCILIATION_BASES,
  REPARSE_STATUSES,
  REPORT_FORMATS,
  REVIEW_GROUP_KEYS,
  TABLE_SECTIONS,
  VALUE_KINDS,
  AGENCY_LEVEL_VALUES,
  CELL_STATES,
  CORRECTION_STATUSES,
  DISCOVERY_STATES,
  FINDING_STATUSES,
  FOLLOW_UP_REASONS,
  FOLLOW_UP_STATUSES,
  INGEST_BATCH_ORIGINS,
  INGEST_BATCH_STATUSES,
  INGEST_ITEM_STATUSES,
  METRIC_QUALITY_STATES,
  NOTABLE_CHANGE_KINDS,
  REPORT_SCOPES,
  SEVERITIES,
  SUBMISSION_STATUSES,
  SUBMISSION_FILTERS,
  MATRIX_SORT_KEYS,
  SORT_DIRECTIONS,
  THRESHOLD_COLOURS,
  THRESHOLD_DIRECTIONS,
} from '@ogi/domain';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
} from 'graphql';
import { SCHEMA_FILE, buildSchemaText } from './graphql-schema.js';

describe('server/schema.gql', () => {
  it('is up to date with the resolvers (run `pnpm --filter @ogi/server build` and commit it)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await buildSchemaText());
  });

  it('describes every type, field, argument, input field and enum value', async () => {
    const schema = buildSchema(await buildSchemaText());
    const undocumented: string[] = [];
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isInputObjectType(type)) {
        if (!type.description) undocumented.push(type.name);
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        continue;
      }
      if (isEnumType(type)) {
        if (!type.description) undocumented.push(type.name);
        for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
        continue;
      }
      if (!isObjectType(type)) continue;
      if (!type.description && !roots.includes(type)) undocumented.push(type.name);
      for (const field of Object.values(type.getFields())) {
        if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("answers and takes the domain's closed sets as enums with exactly the domain's values", async () => {
    const schema = buildSchema(await buildSchemaText());
    // Each enum, the domain's set it must equal, and the output fields, input fields (`Input.field`) and arguments
    // (`Type.field(argument)`) that must carry it.
    const closedSets: [enumName: string, values: readonly string[], places: string[]][] = [
      [
        'Severity',
        SEVERITIES,
        ['Finding.severity', 'RuleCount.severity', 'Query.findings(severities)', 'Query.findingsConnection(severities)', 'Query.dataQuality(severities)'],
      ],
      [
        'ReportScope',
        REPORT_SCOPES,
        ['Report.scope', 'Agency.usualScope', 'MetricValue.scope', 'RankingPage.scope', 'Query.ranking(scopes)', 'UpdateAgencyInput.usualScope'],
      ],
      ['AgencyKind', AGENCY_KIND_VALUES, ['Agency.kind', 'AgencyNode.kind', 'AgencySelection.kinds', 'UpdateAgencyInput.kind']],
      ['AgencyLevel', AGENCY_LEVEL_VALUES, ['Agency.level', 'AgencyNode.level', 'AgencySelection.levels', 'UpdateAgencyInput.level']],
      ['MetricQuality', METRIC_QUALITY_STATES, ['MetricValue.quality']],
      ['SubmissionStatus', SUBMISSION_STATUSES, ['Submission.status']],
      ['SubmissionFilter', SUBMISSION_FILTERS, ['Query.submissions(only)', 'Query.submissionsConnection(only)', 'Query.submissionMatrix(filter)']],
      ['MatrixSortBy', MATRIX_SORT_KEYS, ['Query.submissionMatrix(sortBy)']],
      ['SortDirection', SORT_DIRECTIONS, ['Query.submissionMatrix(sortDirection)']],
      ['DiscoveryState', DISCOVERY_STATES, ['Submission.discovery']],
      ['IngestBatchOrigin', INGEST_BATCH_ORIGINS, ['IngestBatch.origin']],
      ['IngestBatchStatus', INGEST_BATCH_STATUSES, ['IngestBatch.status']],
      ['IngestItemStatus', INGEST_ITEM_STATUSES, ['IngestItem.status']],
      ['CorrectionStatus', CORRECTION_STATUSES, ['CellCorrection.status']],
      ['FollowUpStatus', FOLLOW_UP_STATUSES, ['FollowUpItem.status', 'Query.followUps(statuses)', 'Mutation.updateFollowUp(status)']],
      ['FollowUpReason', FOLLOW_UP_REASONS, ['FollowUpItem.reason', 'BriefingIssue.reason', 'Query.followUps(reasons)']],
      ['FindingStatus', FINDING_STATUSES, ['Finding.status', 'FindingRow.status']],
      ['CellState', CELL_STATES, ['Cell.state']],
      ['ThresholdDirection', THRESHOLD_DIRECTIONS, ['Threshold.direction', 'Mutation.setThreshold(direction)']],
      ['ThresholdColour', THRESHOLD_COLOURS, ['LeagueRow.colour']],
      ['NotableChangeKind', NOTABLE_CHANGE_KINDS, ['NotableChange.kind']],
      ['ReportFormat', REPORT_FORMATS, ['Report.format']],
      ['ListingCheckOutcome', LISTING_CHECK_OUTCOMES, ['ListingCheck.outcome']],
      ['FetchedUrlKind', FETCHED_URL_KINDS, ['FetchedUrl.kind']],
      ['FetchedUrlStatus', FETCHED_URL_STATUSES, ['FetchedUrl.status', 'CollectResult.status', 'Query.fetchedUrls(status)']],
      ['ReparseStatus', REPARSE_STATUSES, ['ReparseResult.status']],
      ['ValueKind', VALUE_KINDS, ['DisclosureField.kind']],
      ['NarrativeFactKind', NARRATIVE_FACT_KINDS, ['NarrativeFact.kind', 'NarrativeEvidence.kind']],
      ['MetricUnit', METRIC_UNITS, ['MetricDefinition.unit']],
      ['MetricCategory', METRIC_CATEGORIES, ['MetricDefinition.category']],
      ['ReconciliationBasis', RECONCILIATION_BASES, ['MetricDefinition.reconciliation']],
      ['TableSection', TABLE_SECTIONS, ['Cell.section']],
      ['AgencyMatchReason', AGENCY_MATCH_REASONS, ['AgencyMatchProposal.reason']],
      ['OutcomeGroup', OUTCOME_GROUPS, ['ApplicationRow.group']],
      ['ReviewGroupKey', REVIEW_GROUP_KEYS, ['ReviewRow.key']],
      ['ComparedReportField', COMPARED_REPORT_FIELDS, ['FieldChange.field']],
    ];
    const typeAt = (place: string): string => {
      const [, typeName, fieldName, argName] = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(place)!;
      const type = schema.getType(typeName!) as GraphQLObjectType | GraphQLInputObjectType;
      const field = type.getFields()[fieldName!]!;
      if (!argName) return getNamedType(field.type).name;
      return getNamedType((field as GraphQLField<unknown, unknown>).args.find((a) => a.name === argName)!.type).name;
    };
    for (const [enumName, values, places] of closedSets) {
      const type = schema.getType(enumName) as GraphQLEnumType;
      expect([
        enumName,
        type
          .getValues()
          .map((v) => v.name)
          .sort(),
      ]).toEqual([enumName, [...values].sort()]);
      for (const place of places) expect([place, typeAt(place)]).toEqual([place, enumName]);
    }
  });
});
