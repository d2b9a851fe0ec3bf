/**
 * The GraphQL explorer page (GET /graphql for browsers, served outside Nest's routing by common/http/graphiql.ts)
 * is for the roles of ACCESS.analyse, like exports. The guard cannot see it, so this middleware does the same
 * check in front of it: nobody signed in → the sign-in page, coming back here afterwards; another role → 403.
 * Its data is guarded either way (every query goes through the access guard; introspection needs a session).
 */
import { ACCESS, ROLE_LABELS, mayAccess } from '@ogi/domain';
import type { NextFunction, Request, Response } from 'express';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@ogi/database';
import { wantsExplorer } from '../../common/http/graphiql.js';
import type { SessionsService } from './sessions.service.js';

export function explorerAccess(sessions: SessionsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!wantsExplorer({ method: req.method, path: req.path, query: req.query, accepts: (types) => req.accepts(types) })) return next();
    sessions.ofRequest(req).then(
      (session) => {
        if (!session || session === 'ended') return res.redirect(302, `/login?redirect=${encodeURIComponent(req.originalUrl)}`);
        if (mayAccess(session.user.role, 'analyse')) return next();
        const label = ROLE_LABELS[session.user.role];
        const allowed = ACCESS.analyse.map((r) => ROLE_LABELS[r].zh).join('、');
        res
          .status(403)
          .type('html')
          .send(
            `<!doctype html><meta charset="utf-8"><title>GraphQL</title><p>您的账号（${label.zh}）无权使用 GraphQL 查询浏览器（限${allowed}）。` +
              `Your account (${label.en}) may not use the GraphQL explorer.</p><p><a href="/">返回控制台 Back to the dashboard</a></p>`,
          );
      },
      // The session could not be checked (the database is away): say so, never show the page unchecked.
      () => void res.status(503).type('html').send(`<!doctype html><meta charset="utf-8"><title>GraphQL</title><p>${DATABASE_UNAVAILABLE_MESSAGE}</p>`),
    );
  };
}
