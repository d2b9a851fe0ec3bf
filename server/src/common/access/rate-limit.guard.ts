/**
 * Rate limits on uploads (per user) and on requests made with a personal access token (per token, so scripts do not
 * share a budget with the browsers of the same address). Runs after the access guard; `@RateLimit('upload')` on a
 * handler turns the upload limit on; the token limit applies to every token request. Refused requests get
 * RATE_LIMITED with the seconds to wait (HTTP 429 + Retry-After on REST). Sign-in has its own limits (accounts'
 * SignInLimits): it must count failures only, which a guard cannot know.
 */
import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AccessException } from './access.exception.js';
import { RateLimiter } from './rate-limiter.js';
import { authOf, requestOf } from './request-auth.js';

export type RateLimitKind = 'upload' | 'token';
const RATE_LIMIT_KEY = 'ogi:access:rateLimit';

export const RateLimit = (kind: RateLimitKind): MethodDecorator => SetMetadata(RATE_LIMIT_KEY, kind);

const WHAT: Record<RateLimitKind, { zh: string; en: string }> = {
  upload: { zh: '上传', en: 'uploads' },
  token: { zh: '访问令牌请求', en: 'requests with this access token' },
};

/** A request's token hit is counted once, however many resolvers of one GraphQL operation the guard sees. */
const COUNTED = Symbol('ogi.tokenRateCounted');

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiters: Record<RateLimitKind, RateLimiter>;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiters = {
      upload: new RateLimiter(config.security.uploadRateLimit, 60_000),
      token: new RateLimiter(config.security.tokenRateLimit, 60_000),
    };
  }

  canActivate(ctx: ExecutionContext): boolean {
    const req = requestOf(ctx);
    const token = authOf(req)?.token;
    const marked = req as typeof req & { [COUNTED]?: true };
    if (token && !marked[COUNTED]) {
      marked[COUNTED] = true;
      this.check('token', `token:${token.id}`);
    }
    const kind = this.reflector.get<RateLimitKind | undefined>(RATE_LIMIT_KEY, ctx.getHandler());
    if (!kind) return true;
    const user = authOf(req)?.user;
    const key = user ? `user:${user.id}` : `ip:${req.ip ?? 'unknown'}`;
    this.check(kind, key);
    return true;
  }

  private check(kind: RateLimitKind, key: string): void {
    const verdict = this.limiters[kind].hit(key);
    if (!verdict.allowed) throw AccessException.rateLimited(WHAT[kind], verdict.retryAfterSeconds);
  }
}
