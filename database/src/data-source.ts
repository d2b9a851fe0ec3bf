/** The TypeORM data source every part of the product uses. `synchronize` is never on: migrations own the schema. */
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DataSourceSettings {
  /** Log every SQL statement (debugging). */
  logSql?: boolean;
  /** Connection pool size. */
  poolSize?: number;
  applicationName?: string;
}

export function dataSourceOptions(url: string, settings: DataSourceSettings = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: settings.logSql ? 'all' : ['error', 'migration'],
    applicationName: settings.applicationName ?? 'ogi-observatory',
    poolSize: settings.poolSize ?? 10,
    // Fail fast with a clear error when the server is down instead of waiting forever.
    connectTimeoutMS: 5_000,
  };
}

export function createDataSource(url: string, settings: DataSourceSettings = {}): DataSource {
  return new DataSource(dataSourceOptions(url, settings));
}

/**
 * Applies every pending schema migration; returns the names of those applied. The data upgrades some migrations
 * queue are finished by @ogi/write-model's `migrate`, which every start and `pnpm db:migrate` run.
 */
export async function applyMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** Drops everything in the public schema and applies every migration from scratch. */
export async function dropAndApplyMigrations(dataSource: DataSource): Promise<string[]> {
  await dataSource.query('DROP SCHEMA IF EXISTS public CASCADE');
  await dataSource.query('CREATE SCHEMA public');
  return applyMigrations(dataSource);
}
