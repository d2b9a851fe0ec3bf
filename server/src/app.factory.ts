import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { migrate } from '@ogi/write-model/upgrade';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { explorerAccess } from './modules/accounts/explorer-access.js';
import { pageSessionOf } from './modules/accounts/page-session.js';
import { ResultCachePlugin } from './modules/accounts/result-cache.plugin.js';
import { mountDashboard } from './common/http/dashboard.js';
import { mountGraphiql } from './common/http/graphiql.js';
import { securityHeaders } from './common/http/security-headers.js';
import { nestLogLevels, type AppConfig } from './config/app-config.js';
import { SessionsService } from './modules/accounts/sessions.service.js';
import { UsersService } from './modules/accounts/users.service.js';

/** The whole server (GraphQL, uploads, dashboard) on a migrated database, not yet listening. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: nestLogLevels(config.logLevel),
    abortOnError: false,
  });
  const http = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  // Client addresses (rate limits, the sign-in log) from X-Forwarded-For only when a proxy is trusted.
  http.set('trust proxy', config.security.trustProxy);
  app.use(securityHeaders({ https: config.security.cookieSecure }));
  // The explorer page is for analysts, editors and administrators (its data is guarded by the access guard anyway).
  app.use(explorerAccess(app.get(SessionsService)));
  // This server's own writes outside GraphQL (uploads, imports by address) drop the kept answers as they are sent,
  // before the browser asks again; the database's announcement covers the rest (docs/operations.md).
  const resultCache = app.get(ResultCachePlugin).cache;
  app.use((req: { method: string; path: string }, res: { on(event: 'finish', listener: () => void): void }, next: () => void) => {
    // GraphQL's own mutations are the result cache plugin's business (a query is sent by POST too).
    if (req.path !== '/graphql' && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) res.on('finish', () => resultCache.forget());
    next();
  });
  // Before the dashboard's single-page fallback, which would answer a browser's GET /graphql with the dashboard.
  mountGraphiql(app, config.graphiqlDistDir);
  mountDashboard(app, config.clientDistDir, pageSessionOf(app));
  await migrate(app.get(DataSource));
  await app.get(UsersService).ensureInitialAdmin();
  return app;
}
