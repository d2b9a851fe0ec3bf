/**
 * Where a request's resolved identity lives: on the Express request, set once by the access guard and read by
 * the @CurrentUser() / @Scope() decorators and the per-request DataLoaders.
 */
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Request } from 'express';
import type { AgencyScope } from './agency-scope.js';
import { NO_AGENCIES, type RequestAuth } from './signed-in-user.js';

const AUTH = Symbol('ogi.auth');

type RequestWithAuth = Request & { [AUTH]?: RequestAuth };

export function authOf(req: Request): RequestAuth | undefined {
  return (req as RequestWithAuth)[AUTH];
}

export function setAuth(req: Request, auth: RequestAuth): void {
  (req as RequestWithAuth)[AUTH] = auth;
}

/** The agencies this request may read; none when the access guard has not let it through. */
export function scopeOf(req: Request): AgencyScope {
  return authOf(req)?.scope ?? NO_AGENCIES;
}

/**
 * The token of an `Authorization: Bearer <token>` header: null when the request has no Authorization header (it
 * is then a cookie request), '' when the header is there but holds no well-formed bearer token (refused, never
 * taken for an anonymous request). Scripts send this instead of a session cookie; no cookie means no CSRF risk.
 */
export function bearerTokenOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+([\w-]{20,200})\s*$/i.exec(header);
  return match?.[1] ?? '';
}

/** The Express request behind a GraphQL resolver or an HTTP handler. */
export function requestOf(ctx: ExecutionContext): Request {
  if (ctx.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(ctx).getContext<{ req: Request }>().req;
  return ctx.switchToHttp().getRequest<Request>();
}
