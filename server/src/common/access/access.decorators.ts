/**
 * Access decorators. Every GraphQL operation and HTTP route is closed by default: the global access guard lets a
 * request through only when the handler (or its class) says who may call it.
 *
 *   @Public()                       anyone, signed in or not (login, health check)
 *   @Roles('admin', 'editor')       signed-in users with one of these roles (prefer the named sets in access-policy.ts)
 *   @SessionOnly()                  never with an access token: only a signed-in browser (sign out, tokens, password)
 *   @CurrentUser() user             the signed-in user (SignedInUser), or null on a @Public() operation
 *   @Scope() scope                  the AgencyScope to pass to every service method that reads reports/agencies/facts
 */
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@ogi/domain';
import type { AgencyScope } from './agency-scope.js';
import { authOf, requestOf, scopeOf } from './request-auth.js';
import type { SignedInUser } from './signed-in-user.js';

export const IS_PUBLIC_KEY = 'ogi:access:public';
export const ROLES_KEY = 'ogi:access:roles';
export const SESSION_ONLY_KEY = 'ogi:access:sessionOnly';

/** Open to anyone, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Open to signed-in users with one of these roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Refused to requests authenticated by an access token: what a stolen token must never be able to do. */
export const SessionOnly = (): MethodDecorator & ClassDecorator => SetMetadata(SESSION_ONLY_KEY, true);

/** The signed-in user, or null when the operation is @Public() and nobody is signed in. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): SignedInUser | null => authOf(requestOf(ctx))?.user ?? null);

/** The agencies the request may read: all of them, or a department user's own agency. */
export const Scope = createParamDecorator((_data: unknown, ctx: ExecutionContext): AgencyScope => scopeOf(requestOf(ctx)));
