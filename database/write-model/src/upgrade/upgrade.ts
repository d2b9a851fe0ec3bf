/**
 * How every start, `pnpm db:migrate` and `pnpm db:reset` bring a database up to this code: @ogi/database applies
 * the schema migrations, then the data upgrades they queued are finished here, because deriving stored values
 * again is the write model's work (metric values stored before quality states get their quality and value from
 * the parts, the way a correction derives them).
 */
import { applyMigrations, dropAndApplyMigrations } from '@ogi/database';
import type { DataSource } from 'typeorm';
import { backfillMetricQuality } from '../corrections/metric-quality-backfill.js';

/** Applies every pending migration and finishes the data upgrades; returns the names of the migrations applied. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await applyMigrations(dataSource);
  await backfillMetricQuality(dataSource);
  return applied;
}

/** Drops everything in the public schema and migrates from scratch. */
export async function dropAndMigrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dropAndApplyMigrations(dataSource);
  await backfillMetricQuality(dataSource);
  return applied;
}
