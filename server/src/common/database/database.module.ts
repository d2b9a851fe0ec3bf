import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@ogi/database';

/** The TypeORM data source of @ogi/database (entities, migrations), for a given PostgreSQL URL. */
@Module({})
export class DatabaseModule {
  static forRoot(url: string, options: { logSql: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url, { logSql: options.logSql }), retryAttempts: 2, retryDelay: 1_000 })],
    };
  }
}
