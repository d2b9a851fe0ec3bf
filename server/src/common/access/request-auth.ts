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

/** The Express request behind a GraphQL resolver or an HTTP handler. */
export function requestOf(ctx: ExecutionContext): Request {
  if (ctx.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(ctx).getContext<{ req: Request }>().req;
  return ctx.switchToHttp().getRequest<Request>();
}
