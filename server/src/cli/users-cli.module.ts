import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule } from '../common/database/database.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { SessionsService } from '../modules/accounts/sessions.service.js';
import { UsersService } from '../modules/accounts/users.service.js';

/** What `pnpm user:*` needs: configuration, the database and the account services — no HTTP, no GraphQL. */
@Module({})
export class UsersCliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: UsersCliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl, { logSql: config.logSql })],
      providers: [SessionsService, UsersService],
    };
  }
}
