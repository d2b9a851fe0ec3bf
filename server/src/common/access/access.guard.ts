/**
 * The global access guard: every GraphQL operation and HTTP route of the Nest app passes through it.
 *
 * 1. Resolves the session cookie (once per request) and attaches the user and their AgencyScope to the request.
 * 2. @Public() handlers are open to anyone.
 * 3. Everything else needs a session (UNAUTHENTICATED), the session's CSRF token on anything that changes state —
 *    GraphQL mutations and non-GET requests — (FORBIDDEN, CSRF_TOKEN_INVALID), and a role the handler's
 *    @Roles(...) names (FORBIDDEN). A handler that names no roles is open to nobody.
 */
import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Role } from '@ogi/domain';
import type { Request } from 'express';
import { SessionsService } from '../../modules/accounts/sessions.service.js';
import { AccessException } from './access.exception.js';
import { IS_PUBLIC_KEY, ROLES_KEY } from './access.decorators.js';
import { requestOf, setAuth } from './request-auth.js';
import { hasCsrfToken } from './session-cookie.js';
import { scopeOfUser } from './signed-in-user.js';

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly warnedUndeclared = new Set<string>();

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = requestOf(ctx);

    const found = await this.sessions.ofRequest(req);
    const session = found === 'ended' ? null : found;
    setAuth(req, {
      user: session?.user ?? null,
      session: session ? { id: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt } : null,
      scope: scopeOfUser(session?.user ?? null),
    });

    if (isPublic) return true;
    if (!session) throw found === 'ended' ? AccessException.sessionExpired() : AccessException.notSignedIn();
    if (changesState(ctx, req) && !hasCsrfToken(req, session.csrfToken)) throw AccessException.csrfTokenInvalid();
    if (!roles) this.warnUndeclared(ctx);
    if (!roles?.includes(session.user.role)) throw AccessException.roleNotAllowed(session.user.role);
    return true;
  }

  private warnUndeclared(ctx: ExecutionContext): void {
    const name = `${ctx.getClass().name}.${ctx.getHandler().name}`;
    if (this.warnedUndeclared.has(name)) return;
    this.warnedUndeclared.add(name);
    this.logger.warn(`${name} declares neither @Public() nor @Roles(...): refused to everyone.`);
  }
}

/** GraphQL mutations and every HTTP method but GET, HEAD and OPTIONS. */
function changesState(ctx: ExecutionContext, req: Request): boolean {
  if (ctx.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(ctx).getInfo<{ operation: { operation: string } }>().operation.operation !== 'query';
  return !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
}
