/**
 * Serves the built dashboard (client/dist) at `/`, with the single-page-app fallback: any GET that is not an API
 * path and not a file answers index.html, so deep links into the dashboard work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the API owns: GraphQL and the REST routes under /api. */
export function isApiPath(path: string): boolean {
  return ['/graphql', '/api'].some((p) => path === p || path.startsWith(`${p}/`));
}

export function mountDashboard(app: NestExpressApplication, clientDistDir: string): void {
  const index = join(clientDistDir, 'index.html');
  app.useStaticAssets(clientDistDir, { index: false, fallthrough: true });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    if (!req.accepts('html')) return next();
    if (existsSync(index)) return res.sendFile(index);
    res
      .status(503)
      .type('html')
      .send(
        '<!doctype html><meta charset="utf-8"><title>OGI Observatory</title><p>控制台尚未构建：请运行 <code>pnpm build</code>。The dashboard is not built yet: run <code>pnpm build</code>. GraphQL is at <a href="/graphql">/graphql</a>.</p>',
      );
  });
}
