/**
 * `pnpm start`: one process serves the dashboard at http://localhost:PORT/ and GraphQL at /graphql.
 * Without DATABASE_URL it starts the embedded PostgreSQL in .data/; it migrates, imports the sample reports into
 * an empty database, warms up (warm-up.ts), and listens; upload batches a killed run left unfinished are then completed in the background.
 * Ctrl-C closes the server, then stops PostgreSQL cleanly.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { installSignalHandlers, onShutdown } from '@ogi/database';
import { describeResult } from '@ogi/write-model/ingest';
import { createApp } from './app.factory.js';
import { SERVER_POOL_SIZE } from './common/database/database.module.js';
import { openDatabase } from './common/database/open-database.js';
import { isDatabaseUnavailable } from '@ogi/database';
import { ConfigError, loadConfig } from './config/app-config.js';
import { IngestService } from './modules/ingest/ingest.service.js';
import { warmUp } from './warm-up.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Main');
  installSignalHandlers();

  const db = await openDatabase(config);
  onShutdown('database', () => db.stop());
  logger.log(`Database: ${db.description}`);

  const app = await createApp(config, db.url);
  onShutdown('server', async () => {
    logger.log('Stopping: closing the server, then the database …');
    await app.close();
  });

  if (config.seedWhenEmpty) {
    const seeded = await app.get(IngestService).seedIfEmpty();
    if (seeded) {
      for (const r of seeded.results) logger.log(`Sample report: ${describeResult(r)}`);
      const s = seeded.summary;
      logger.log(`Sample reports imported: ${s.stored} stored, ${s.duplicate} already present, ${s.failed} failed.`);
    }
  }

  await warmUp(app, SERVER_POOL_SIZE, logger);
  await app.listen(config.port, config.host);
  // Uploads a previous run was killed in the middle of: finish them now that the server is up.
  void app
    .get(IngestService)
    .resumeInterruptedUploads()
    .catch((err: unknown) => logger.warn(`Resuming interrupted imports failed: ${err instanceof Error ? err.message : String(err)}`));
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.log(`OGI Observatory is running: http://localhost:${port}/ (GraphQL at http://localhost:${port}/graphql). Ctrl-C stops it.`);
}

main().catch(async (err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else if (isDatabaseUnavailable(err)) {
    process.stderr.write(
      `Could not start: PostgreSQL cannot be reached (${(err as Error).message}). ` +
        'Check DATABASE_URL, or unset it to use the embedded database in .data/.\n',
    );
  } else process.stderr.write(`Could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  const { runShutdownHooks } = await import('@ogi/database');
  await runShutdownHooks();
  process.exit(1);
});
