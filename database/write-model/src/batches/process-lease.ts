/**
 * A process's claim on the batches it runs, as a PostgreSQL advisory lock held on a connection of its own for
 * as long as the process lives. When the process dies (even by SIGKILL) PostgreSQL drops the connection and the
 * lock with it, so "is the process that runs this batch still alive?" is answered by the database itself — across
 * machines, without clocks or heartbeats.
 */
import { randomInt } from 'node:crypto';
import pg from 'pg';

/** The advisory-lock class of ingest leases (the two-key form keeps them apart from any other use). */
const LEASE_CLASS = 0x4f4749; // "OGI"

export class ProcessLease {
  /** The key this process's batches are recorded with. */
  readonly key = randomInt(1, 2 ** 31 - 1);
  private client: pg.Client | null = null;
  private acquiring: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly url: string) {}

  /** Holds the lock (again, after the database went away and came back). */
  async ensure(): Promise<void> {
    if (this.closed) throw new Error('the ingest lease is closed');
    if (this.client) return;
    this.acquiring ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: 'ogi-ingest-lease', connectionTimeoutMillis: 5_000 });
      // A dropped connection (database restarted) loses the lock: take it again on next use.
      client.on('error', () => {
        if (this.client === client) this.client = null;
      });
      client.on('end', () => {
        if (this.client === client) this.client = null;
      });
      await client.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1, $2)', [LEASE_CLASS, this.key]);
      } catch (err) {
        await client.end().catch(() => undefined);
        throw err;
      }
      this.client = client;
    })().finally(() => {
      this.acquiring = null;
    });
    await this.acquiring;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

/** SQL true when the process holding lease `key_sql` is alive (its lock is granted in this database). */
export const LEASE_IS_LIVE_SQL = (keySql: string) => `EXISTS (
  SELECT 1 FROM pg_locks l
   WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
     AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
     AND l.classid::bigint = ${LEASE_CLASS} AND l.objid::bigint = ${keySql})`;
