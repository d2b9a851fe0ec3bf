/** The GraphQL schema as SDL, sorted — what server/schema.gql holds. Built from the resolvers, no database needed. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccessTokensResolver } from './modules/accounts/access-tokens.resolver.js';
import { AccountsResolver } from './modules/accounts/accounts.resolver.js';
import { UsersResolver } from './modules/accounts/users.resolver.js';
import { AgenciesResolver } from './modules/agencies/agencies.resolver.js';
import { AgencyRegistryResolver } from './modules/agencies/agency-registry.resolver.js';
import { ReportAgencyResolver } from './modules/agencies/report-agency.resolver.js';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver.js';
import { CellCorrectionFieldsResolver, ReportCorrectionsResolver } from './modules/corrections/cell-corrections.resolver.js';
import { CorrectionsResolver } from './modules/corrections/corrections.resolver.js';
import { AgencySourcesResolver } from './modules/collect/agency-sources.resolver.js';
import { CollectResolver } from './modules/collect/collect.resolver.js';
import { ReportSourceResolver } from './modules/collect/report-source.resolver.js';
import { IngestResolver } from './modules/ingest/ingest.resolver.js';
import { AgencyReportsResolver } from './modules/reports/agency-reports.resolver.js';
import { ReportsResolver } from './modules/reports/reports.resolver.js';
import { VersionsResolver } from './modules/versions/versions.resolver.js';
import { BriefingResolver } from './modules/briefing/briefing.resolver.js';
import { FollowUpsResolver } from './modules/briefing/follow-ups.resolver.js';
import { LeagueTableResolver } from './modules/briefing/league-table.resolver.js';
import { SubmissionMarksResolver } from './modules/corrections/submission-marks.resolver.js';

export const RESOLVERS = [
  AccountsResolver,
  AccessTokensResolver,
  UsersResolver,
  AgenciesResolver,
  ReportAgencyResolver,
  AgencyRegistryResolver,
  ReportsResolver,
  AgencyReportsResolver,
  AnalyticsResolver,
  IngestResolver,
  CorrectionsResolver,
  CellCorrectionFieldsResolver,
  ReportCorrectionsResolver,
  CollectResolver,
  AgencySourcesResolver,
  ReportSourceResolver,
  VersionsResolver,
  BriefingResolver,
  LeagueTableResolver,
  FollowUpsResolver,
  SubmissionMarksResolver,
];

/** server/schema.gql (this file is in server/src or server/dist). */
export const SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema.gql');

export function schemaToText(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function buildSchemaText(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    return schemaToText(await app.get(GraphQLSchemaFactory).create(RESOLVERS));
  } finally {
    await app.close();
  }
}
