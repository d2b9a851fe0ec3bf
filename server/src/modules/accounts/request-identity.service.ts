/**
 * Who is asking, told one way for everything that needs to know: the access guard, the introspection plugin and
 * the result cache. A request with an `Authorization: Bearer` header is asked about by its personal access token
 * alone (a script's cookie never counts), every other by its session cookie. Each lookup is made once per request
 * however many ask (the services remember it on the request).
 */
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { bearerTokenOf } from '../../common/access/request-auth.js';
import type { SignedInUser } from '../../common/access/signed-in-user.js';
import { AccessTokensService, type TokenPrincipal } from './access-tokens.service.js';
import { SessionsService, type OpenSession } from './sessions.service.js';

/** By token: its principal, or null for a token that is unknown, expired or revoked. By session: the open session, 'ended', or null. */
export type RequestIdentity = { via: 'token'; principal: TokenPrincipal | null } | { via: 'session'; session: OpenSession | 'ended' | null };

/** The signed-in user of an identity; null for nobody (no session, an ended one, or a token that is not valid). */
export function userOf(identity: RequestIdentity): SignedInUser | null {
  if (identity.via === 'token') return identity.principal?.user ?? null;
  return identity.session && identity.session !== 'ended' ? identity.session.user : null;
}

@Injectable()
export class RequestIdentities {
  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokensService,
  ) {}

  async of(req: Request): Promise<RequestIdentity> {
    if (bearerTokenOf(req) !== null) return { via: 'token', principal: await this.tokens.ofRequest(req) };
    return { via: 'session', session: await this.sessions.ofRequest(req) };
  }
}
