/**
 * The global access guard: every GraphQL operation and HTTP route of the Nest app passes through it.
 *
 * 1. Resolves who is asking, once per request — from an `Authorization: Bearer` personal access token when the
 *    request has an Authorization header, otherwise from the session cookie — and attaches the user and their
 *    AgencyScope to the request.
 * 2. @Public() handlers are open to anyone.
 * 3. Everything else needs a session or a valid token (UNAUTHENTICATED), and a role the handler's @Roles(...)
 *    names (FORBIDDEN); a handler that names no roles is open to nobody. A session must send its CSRF token on
 *    anything that changes state — GraphQL mutations and non-GET requests — (FORBIDDEN, CSRF_TOKEN_INVALID); a
 *    token carries no cookie, so no CSRF token, but a read-only token may not change state at all
 *    (TOKEN_READ_ONLY), and no token may call a @SessionOnly() operation (SESSION_REQUIRED).
 */
import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Role } from '@ogi/domain';
import type { Request } from 'express';
import { AccessException } from '../../common/access/access.exception.js';
import { IS_PUBLIC_KEY, ROLES_KEY, SESSION_ONLY_KEY } from '../../common/access/access.decorators.js';
import { requestOf, setAuth } from '../../common/access/request-auth.js';
import { hasCsrfToken } from '../../common/access/session-cookie.js';
import { scopeOfUser, type SignedInUser } from '../../common/access/signed-in-user.js';
import { RequestIdentities } from './request-identity.service.js';

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly warnedUndeclared = new Set<string>();

  constructor(
    private readonly reflector: Reflector,
    private readonly identities: RequestIdentities,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = requestOf(ctx);

    const who = await this.identities.of(req);
    if (who.via === 'token') {
      const { principal } = who;
      setAuth(req, {
        user: principal?.user ?? null,
        session: null,
        token: principal ? { id: principal.tokenId, scope: principal.scope } : null,
        scope: scopeOfUser(principal?.user ?? null),
      });
      if (isPublic) return true;
      if (!principal) throw AccessException.tokenInvalid();
      if (this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY_KEY, targets)) throw AccessException.sessionRequired();
      if (changesState(ctx, req) && principal.scope !== 'write') throw AccessException.tokenReadOnly();
      return this.mayCall(ctx, roles, principal.user);
    }

    const found = who.session;
    const session = found === 'ended' ? null : found;
    setAuth(req, {
      user: session?.user ?? null,
      session: session ? { id: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt } : null,
      token: null,
      scope: scopeOfUser(session?.user ?? null),
    });

    if (isPublic) return true;
    if (!session) throw found === 'ended' ? AccessException.sessionExpired() : AccessException.notSignedIn();
    if (changesState(ctx, req) && !hasCsrfToken(req, session.csrfToken)) throw AccessException.csrfTokenInvalid();
    return this.mayCall(ctx, roles, session.user);
  }

  private mayCall(ctx: ExecutionContext, roles: Role[] | undefined, user: SignedInUser): boolean {
    if (!roles) this.warnUndeclared(ctx);
    if (!roles?.includes(user.role)) throw AccessException.roleNotAllowed(user.role);
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
  if (ctx.getType<GqlContextType>() === 'graphql')
    return GqlExecutionContext.create(ctx).getInfo<{ operation: { operation: string } }>().operation.operation !== 'query';
  return !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
}
