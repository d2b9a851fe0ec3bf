import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { RateLimitGuard } from '../../common/access/rate-limit.guard.js';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AccessTokensResolver } from './access-tokens.resolver.js';
import { AccessTokensService } from './access-tokens.service.js';
import { AnswersRefresh } from './answers-refresh.service.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AuthService } from './auth.service.js';
import { IntrospectionAccessPlugin } from './introspection-access.plugin.js';
import { AskedQuestionsService } from './asked-questions.service.js';
import { RequestIdentities } from './request-identity.service.js';
import { ResultCachePlugin } from './result-cache.plugin.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimits } from './sign-in-limits.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

/**
 * Accounts, sessions, personal access tokens, sign-in — and the global guards: every GraphQL operation and HTTP route of the app goes
 * through AccessGuard (who is asking, may they) and then RateLimitGuard.
 */
@Module({
  imports: [AgenciesModule],
  providers: [
    SessionsService,
    AccessTokensService,
    RequestIdentities,
    AccessTokensResolver,
    UsersService,
    AuthService,
    { provide: SignInLimits, useFactory: (config: AppConfig) => new SignInLimits(config.security), inject: [APP_CONFIG] },
    AccountsResolver,
    UsersResolver,
    IntrospectionAccessPlugin,
    ResultCachePlugin,
    AskedQuestionsService,
    AnswersRefresh,
    // Guards run in the order they are provided: identity and access first, then rate limits.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [UsersService, SessionsService, AccessTokensService, ResultCachePlugin, AskedQuestionsService],
})
export class AccountsModule {}
