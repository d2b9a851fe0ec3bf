/**
 * The server's configuration, read from the environment once at boot and validated. `process.env` is read here
 * and nowhere else in the server; `.env.example` at the repository root documents every variable.
 */
import { join, resolve } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import { findRepoRoot } from '@ogi/database';
import { parseCidr, type Cidr } from '../common/net/address-policy.js';
import { CREDENTIAL_PROBLEM_MESSAGES, passwordProblem, usernameProblem } from '@ogi/domain';

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
  /** The built GraphiQL explorer served at GET `/graphql` to browsers. */
  graphiqlDistDir: string;
  /** Largest file accepted by the upload route, in bytes. */
  uploadMaxBytes: number;
  /** Most bytes of files one upload request may carry (the files after that are refused on their own). */
  uploadMaxTotalBytes: number;
  /** Import the sample reports when the database holds no report. */
  seedWhenEmpty: boolean;
  /** Parser worker threads. */
  parserWorkers: number | undefined;
  /** Wall time one file may take to parse before its worker is terminated (TIMEOUT), in milliseconds. */
  parseTimeoutMs: number;
  /** Growth of the server's resident memory while files are parsed past which the parser watchdog terminates them, in MB. */
  parserMaxGrowthMb: number;
  /** Memory for answers kept between requests until the data changes (common/graphql/result-cache.ts), in bytes; 0: none kept. */
  resultCacheBytes: number;
  /** Log every SQL statement. */
  logSql: boolean;
  /** Fetching reports from agencies' sites (`pnpm ingest --url`, collectReports, the listing poll). */
  collect: CollectConfig;
  /** Accounts, sessions and the limits that protect them. */
  security: SecurityConfig;
}

export interface CollectConfig {
  /** Run the scheduled check of every agency's listing page (off by default). */
  pollEnabled: boolean;
  /** Hours between two polls. */
  pollIntervalHours: number;
  /** Let the collector fetch from loopback, private and link-local addresses (tests, closed networks). */
  allowPrivateNetworks: boolean;
  /** Private networks the collector may fetch from although private networks are not allowed in general. */
  allowedNetworks: Cidr[];
  /** Largest page or file fetched, in bytes. */
  maxBytes: number;
  /** Total time for fetching one address, redirects included. */
  timeoutMs: number;
  /** Longest wait for a connection or for the next data. */
  idleTimeoutMs: number;
  /** Least time between two requests to one host. */
  hostIntervalMs: number;
}

export interface SecurityConfig {
  /** A session ends after this long without a request… */
  sessionIdleMinutes: number;
  /** …and this long after sign-in, whatever happens. */
  sessionMaxHours: number;
  /** Mark the session cookie `Secure` (the dashboard is served over HTTPS, e.g. behind a reverse proxy). */
  cookieSecure: boolean;
  /** Express's `trust proxy`: which X-Forwarded-For / -Proto to believe (client IPs for rate limits). */
  trustProxy: boolean | number | string;
  /** Wrong passwords within `lockoutMinutes` that lock an account… */
  loginMaxFailures: number;
  /** …for this long. */
  lockoutMinutes: number;
  /** Failed sign-in attempts per client IP per 15 minutes (successful ones are not counted). */
  loginRateLimit: number;
  /** Upload requests per user per minute. */
  uploadRateLimit: number;
  /** Requests per personal access token per minute. */
  tokenRateLimit: number;
  /** The administrator created on start when no administrator exists. */
  initialAdmin: { username: string; password: string; displayName: string } | null;
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
  const allowedNetworks: Cidr[] = [];
  for (const item of (get('COLLECT_ALLOWED_NETWORKS') ?? '').split(/[\s,]+/).filter(Boolean)) {
    const cidr = parseCidr(item);
    if (cidr) allowedNetworks.push(cidr);
    else problems.push(`COLLECT_ALLOWED_NETWORKS must list networks such as 10.20.0.0/16 or fd00::/8 (got "${item}")`);
  }
  const trustProxy = ((): SecurityConfig['trustProxy'] => {
    const raw = get('TRUST_PROXY');
    if (raw === undefined || /^(false|0|no|off)$/i.test(raw)) return false;
    if (/^(true|yes|on)$/i.test(raw)) return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    return raw; // addresses or subnets, e.g. "loopback" or "10.0.0.0/8"
  })();

  const adminUsername = get('ADMIN_USERNAME');
  const adminPassword = env['ADMIN_PASSWORD'] ?? undefined; // not trimmed: spaces may belong to it
  let initialAdmin: SecurityConfig['initialAdmin'] = null;
  if (adminUsername || adminPassword) {
    const problem = !adminUsername
      ? 'ADMIN_PASSWORD is set without ADMIN_USERNAME'
      : !adminPassword
        ? 'ADMIN_USERNAME is set without ADMIN_PASSWORD'
        : (() => {
            const p = usernameProblem(adminUsername) ?? passwordProblem(adminPassword, adminUsername);
            return p ? `ADMIN_USERNAME/ADMIN_PASSWORD: ${CREDENTIAL_PROBLEM_MESSAGES[p].en}` : null;
          })();
    if (problem) problems.push(problem);
    else initialAdmin = { username: adminUsername!, password: adminPassword!, displayName: get('ADMIN_DISPLAY_NAME') ?? '管理员' };
  }

  const workers = get('PARSER_WORKERS') === undefined ? undefined : int('PARSER_WORKERS', 2, 1, 32);

  const config: AppConfig = {
    databaseUrl,
    port: int('PORT', 3000, 0, 65_535),
    host: get('HOST') ?? '0.0.0.0',
    dataDir: resolve(get('DATA_DIR') ?? join(root, '.data')),
    logLevel,
    clientDistDir: resolve(get('CLIENT_DIST_DIR') ?? join(root, 'client', 'dist')),
    graphiqlDistDir: resolve(get('GRAPHIQL_DIST_DIR') ?? join(root, 'client', 'graphiql', 'dist')),
    uploadMaxBytes: int('UPLOAD_MAX_MB', 30, 1, 1024) * 1024 * 1024,
    uploadMaxTotalBytes: int('UPLOAD_MAX_TOTAL_MB', 200, 1, 10_240) * 1024 * 1024,
    seedWhenEmpty: bool('SEED_WHEN_EMPTY', true),
    parserWorkers: workers,
    parseTimeoutMs: int('PARSE_TIMEOUT_SECONDS', 20, 1, 600) * 1000,
    parserMaxGrowthMb: int('PARSER_MAX_GROWTH_MB', 1024, 64, 1_048_576),
    resultCacheBytes: int('RESULT_CACHE_MB', 256, 0, 65_536) * 1024 * 1024,
    logSql: bool('LOG_SQL', false),
    collect: {
      pollEnabled: bool('COLLECT_POLL_ENABLED', false),
      pollIntervalHours: int('COLLECT_POLL_INTERVAL_HOURS', 24, 1, 480),
      allowPrivateNetworks: bool('COLLECT_ALLOW_PRIVATE_NETWORKS', false),
      allowedNetworks,
      maxBytes: int('COLLECT_MAX_MB', 30, 1, 1024) * 1024 * 1024,
      timeoutMs: int('COLLECT_TIMEOUT_SECONDS', 60, 1, 3600) * 1000,
      idleTimeoutMs: int('COLLECT_IDLE_TIMEOUT_SECONDS', 20, 1, 600) * 1000,
      hostIntervalMs: int('COLLECT_HOST_INTERVAL_MS', 1000, 0, 600_000),
    },
    security: {
      sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 120, 5, 7 * 24 * 60),
      sessionMaxHours: int('SESSION_MAX_HOURS', 12, 1, 30 * 24),
      cookieSecure: bool('COOKIE_SECURE', false),
      trustProxy,
      loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
      lockoutMinutes: int('LOCKOUT_MINUTES', 15, 1, 24 * 60),
      loginRateLimit: int('LOGIN_RATE_LIMIT', 30, 1, 100_000),
      uploadRateLimit: int('UPLOAD_RATE_LIMIT', 60, 1, 100_000),
      tokenRateLimit: int('TOKEN_RATE_LIMIT', 600, 1, 1_000_000),
      initialAdmin,
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Nest's logger levels from the least severe one wanted. */
export function nestLogLevels(level: AppConfig['logLevel']): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) as LogLevel[];
}
