/**
 * Serves the built dashboard (client/dist) at `/`, with the single-page-app fallback: any GET that is not an API
 * path and not a file answers index.html, so deep links into the dashboard work.
 *
 * The page carries the asker's session (what the dashboard's `Session` query would answer), so the dashboard does
 * not wait for a round trip before its first page asks for its data. That makes the page the asker's own: it is
 * never kept by a cache (`Cache-Control: no-store`).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the API owns: GraphQL and the REST routes under /api. */
export function isApiPath(path: string): boolean {
  return ['/graphql', '/api'].some((p) => path === p || path.startsWith(`${p}/`));
}

/** The element the dashboard reads its session from (client/src/stores/session.ts reads the same id). */
export const PAGE_SESSION_ELEMENT_ID = 'ogi-session';

/**
 * The asker's session as the `Session` query answers it (`null` when nobody is signed in), or `undefined` when it
 * cannot be told here: the page then carries none and the dashboard asks the server as usual.
 */
export type PageSessionOf = (req: Request) => Promise<unknown>;

/**
 * The page with the session as a JSON data block at the end of its head. A data block is never run (so the
 * Content-Security-Policy has nothing to allow), and every `<` is escaped so no value can close the element.
 */
export function withPageSession(html: string, session: unknown): string {
  const json = JSON.stringify(session ?? null).replace(/</g, '\\u003c');
  const block = `<script id="${PAGE_SESSION_ELEMENT_ID}" type="application/json">${json}</script>`;
  const at = html.indexOf('</head>');
  return at < 0 ? `${block}${html}` : `${html.slice(0, at)}${block}${html.slice(at)}`;
}

export function mountDashboard(app: NestExpressApplication, clientDistDir: string, sessionOf?: PageSessionOf): void {
  const index = join(clientDistDir, 'index.html');
  app.useStaticAssets(clientDistDir, { index: false, fallthrough: true });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>OGI Observatory</title><p>控制台尚未构建：请运行 <code>pnpm build</code>。The dashboard is not built yet: run <code>pnpm build</code>. GraphQL is at <a href="/graphql">/graphql</a>.</p>',
        );
      return;
    }
    if (!sessionOf) return res.sendFile(index);
    void Promise.all([readFile(index, 'utf8'), sessionOf(req).catch(() => undefined)])
      .then(([html, session]) => {
        res.set('Cache-Control', 'no-store').type('html');
        res.send(session === undefined ? html : withPageSession(html, session));
      })
      .catch(next);
  });
}
