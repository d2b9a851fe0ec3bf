/**
 * Who a request acts as, for the audit log and import-batch records: the signed-in user, or `anonymous` on a
 * request no one signed in to (before the access guard is installed, or a @Public() operation).
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@ogi/database';
import { authOf, requestOf } from './request-auth.js';
import type { SignedInUser } from './signed-in-user.js';

export const ANONYMOUS_ACTOR: Actor = { name: 'anonymous', userId: null };

/** A department user acts for its own agency only (what it imports must be that agency's reports). */
export function actorOf(user: SignedInUser | null | undefined): Actor {
  if (!user) return ANONYMOUS_ACTOR;
  return { name: user.username, userId: user.id, ...(user.role === 'department' ? { onlyAgencyId: user.agencyId } : {}) };
}

/** Parameter decorator: the Actor of the current GraphQL operation or HTTP request. */
export const RequestActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => actorOf(authOf(requestOf(ctx))?.user));
