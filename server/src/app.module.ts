import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { DatabaseModule } from './common/database/database.module.js';
import { ApiExceptionFilter } from './common/filters/api-exception.filter.js';
import { queryLimitsPlugin, stringifyWithinCap } from './common/graphql/query-limits.js';
import { HealthController } from './common/http/health.controller.js';
import { RequestLoaders, type GraphqlContext } from './common/graphql/request-loaders.js';
import { serverTimingPlugin } from './common/graphql/server-timing.plugin.js';
import { createValidationPipe } from './common/pipes/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AgenciesModule } from './modules/agencies/agencies.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { BulkModule } from './modules/bulk/bulk.module.js';
import { BriefingModule } from './modules/briefing/briefing.module.js';
import { CorrectionsModule } from './modules/corrections/corrections.module.js';
import { CollectModule } from './modules/collect/collect.module.js';
import { IngestModule } from './modules/ingest/ingest.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { VersionsModule } from './modules/versions/versions.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl, { logSql: config.logSql }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          // Built in memory at boot; `pnpm --filter @ogi/server build` writes the sorted server/schema.gql.
          autoSchemaFile: true,
          sortSchema: true,
          includeStacktraceInErrorResponses: false,
          // Our own GraphiQL page is served at GET /graphql (common/http/graphiql.ts); never the CDN-loaded one.
          graphiql: false,
          // GraphiQL and analysts' tools read the schema, in production too (Apollo would turn this off with NODE_ENV).
          introspection: true,
          // Depth and complexity limits (documented in query-limits.ts and docs/graphql.md), and server time per response.
          // Apollo's cache-control plugin is off: we set no cache hints, and its per-field hook made every field of a
          // large answer (a 3 500-value comparison) pay for schema instrumentation.
          plugins: [queryLimitsPlugin(), serverTimingPlugin(), ApolloServerPluginCacheControlDisabled()],
          // A field's own resolver (e.g. Agency.listingChecks) refuses bad arguments through the same exception filter
          // as a query's, with a code and a message (BAD_USER_INPUT), not as an internal error.
          fieldResolverEnhancers: ['filters'],
          // The cap on an answer's size is checked on the JSON as printed (query-limits.ts).
          stringifyResult: stringifyWithinCap(),
          context: ({ req }: { req: Request }): GraphqlContext => ({ req, loaders: new RequestLoaders(req) }),
        }),
        AccountsModule,
        AgenciesModule,
        ReportsModule,
        IngestModule,
        AnalyticsModule,
        BulkModule,
        CorrectionsModule,
        CollectModule,
        VersionsModule,
        BriefingModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
