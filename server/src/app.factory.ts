import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { migrate } from '@ogi/database';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { mountDashboard } from './common/http/dashboard.js';
import { mountGraphiql } from './common/http/graphiql.js';
import { nestLogLevels, type AppConfig } from './config/app-config.js';

/** The whole server (GraphQL, uploads, dashboard) on a migrated database, not yet listening. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: nestLogLevels(config.logLevel),
    abortOnError: false,
  });
  // Before the dashboard's single-page fallback, which would answer a browser's GET /graphql with the dashboard.
  mountGraphiql(app, config.graphiqlDistDir);
  mountDashboard(app, config.clientDistDir);
  await migrate(app.get(DataSource));
  return app;
}
