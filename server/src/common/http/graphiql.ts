/**
 * The GraphiQL explorer (graphiql/, our own bundle) at GET /graphql for browsers, its files under
 * /graphql/assets/. Everything else on /graphql — POST, and GET with a `query` parameter — is Apollo's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

export const GRAPHQL_PATH = '/graphql';

/** A browser opening the explorer, not a GraphQL request. */
export interface ExplorerRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** Express's content negotiation: the first of `types` the client prefers, or false. */
  accepts(types: string[]): string | false;
}

export function wantsExplorer(req: ExplorerRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.path !== GRAPHQL_PATH && req.path !== `${GRAPHQL_PATH}/`) return false;
  if (req.query['query'] !== undefined) return false;
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

export function mountGraphiql(app: NestExpressApplication, graphiqlDistDir: string): void {
  const index = join(graphiqlDistDir, 'index.html');
  // File names carry a content hash: cache them for good.
  app.useStaticAssets(join(graphiqlDistDir, 'assets'), { prefix: `${GRAPHQL_PATH}/assets/`, immutable: true, maxAge: '365d', fallthrough: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!wantsExplorer({ method: req.method, path: req.path, query: req.query, accepts: (types) => req.accepts(types) })) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (existsSync(index)) return res.sendFile(index);
    res
      .status(503)
      .type('html')
      .send(
        '<!doctype html><meta charset="utf-8"><title>GraphQL</title><p>GraphiQL 尚未构建：请运行 <code>pnpm build</code>。GraphiQL is not built yet: run <code>pnpm build</code>. POST GraphQL requests to this address work regardless.</p>',
      );
  });
}
