/**
 * The start every command-line tool shares: configuration, signal handlers (Ctrl-C stops cleanly), the database
 * (embedded, or DATABASE_URL), a Nest application context without HTTP, and the migrations. What was started is
 * stopped at shutdown, the application before the database.
 */
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { installSignalHandlers, onShutdown } from '@ogi/database';
import { migrate } from '@ogi/write-model/upgrade';
import { DataSource } from 'typeorm';
import { openDatabase } from '../common/database/open-database.js';
import { loadConfig, nestLogLevels, type AppConfig } from '../config/app-config.js';

export interface CliApp {
  app: INestApplicationContext;
  dataSource: DataSource;
}

export async function startCliApp(name: string, rootModule: (config: AppConfig, databaseUrl: string) => DynamicModule): Promise<CliApp> {
  const config = loadConfig();
  installSignalHandlers();
  const db = await openDatabase(config);
  onShutdown('database', () => db.stop());
  const app = await NestFactory.createApplicationContext(rootModule(config, db.url), {
    // A tool's own output is what its user reads: Nest's start-up lines only at `warn` unless asked for.
    logger: nestLogLevels(config.logLevel === 'log' ? 'warn' : config.logLevel),
    abortOnError: false,
  });
  onShutdown(name, () => app.close());
  const dataSource = app.get(DataSource);
  await migrate(dataSource);
  return { app, dataSource };
}
