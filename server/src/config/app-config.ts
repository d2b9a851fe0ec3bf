/**
 * The server's configuration, read from the environment once at boot and validated. `process.env` is read here
 * and nowhere else in the server; `.env.example` at the repository root documents every variable.
 */
import { join, resolve } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import { findRepoRoot } from '@ogi/database';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

export interface AppConfig {
  /** PostgreSQL to use; null = start the embedded server in `<dataDir>/postgres`. */
  databaseUrl: string | null;
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Where the embedded PostgreSQL keeps its cluster. */
  dataDir: string;
  /** Least severe level logged. */
  logLevel: (typeof LOG_LEVELS)[number];
  /** The built dashboard served at `/`. */
  clientDistDir: string;
  /** Largest file accepted by the upload route, in bytes. */
  uploadMaxBytes: number;
  /** Import the sample reports when the database holds no report. */
  seedWhenEmpty: boolean;
  /** Parser worker threads. */
  parserWorkers: number | undefined;
  /** Log every SQL statement. */
  logSql: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = get(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = get('DATABASE_URL') ?? null;
  if (databaseUrl && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');

  const logLevel = (get('LOG_LEVEL') ?? 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  const root = (() => {
    try {
      return findRepoRoot();
    } catch {
      return process.cwd();
    }
  })();
  const workers = get('PARSER_WORKERS') === undefined ? undefined : int('PARSER_WORKERS', 2, 1, 32);

  const config: AppConfig = {
    databaseUrl,
    port: int('PORT', 3000, 0, 65_535),
    host: get('HOST') ?? '0.0.0.0',
    dataDir: resolve(get('DATA_DIR') ?? join(root, '.data')),
    logLevel,
    clientDistDir: resolve(get('CLIENT_DIST_DIR') ?? join(root, 'client', 'dist')),
    uploadMaxBytes: int('UPLOAD_MAX_MB', 30, 1, 1024) * 1024 * 1024,
    seedWhenEmpty: bool('SEED_WHEN_EMPTY', true),
    parserWorkers: workers,
    logSql: bool('LOG_SQL', false),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Nest's logger levels from the least severe one wanted. */
export function nestLogLevels(level: AppConfig['logLevel']): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) as LogLevel[];
}
