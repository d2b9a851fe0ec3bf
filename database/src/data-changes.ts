/**
 * Hears the database announce that data changed (DATA_CHANGED_CHANNEL, sent by the tables' triggers when a writing
 * transaction commits), on a connection of its own. While that connection is down nothing can be heard, so the
 * listener says so (`onDeaf`) and, once it listens again, that it hears (`onListening`): whoever keeps answers
 * derived from the data must drop them and keep none in between.
 */
import pg from 'pg';
import { DATA_CHANGED_CHANNEL } from './migrations/1797800000000-data-change-notices.js';

export { DATA_CHANGED_CHANNEL, TABLES_WITHOUT_NOTICES } from './migrations/1797800000000-data-change-notices.js';

export interface DataChangeHandlers {
  /** A committed change in `table`. */
  onChange(table: string): void;
  /** Listening again (first time included): changes made while deaf were not heard. */
  onListening(): void;
  /** The connection is gone: changes cannot be heard until onListening. */
  onDeaf(error: Error | null): void;
}

export interface DataChangeListener {
  close(): Promise<void>;
}

/** How long to wait before connecting again after the connection was lost. */
const RECONNECT_DELAY_MS = 2_000;

export function listenForDataChanges(url: string, handlers: DataChangeHandlers): DataChangeListener {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const lost = (error: Error | null) => {
    if (closed) return;
    const gone = client;
    client = null;
    gone?.removeAllListeners();
    gone?.end().catch(() => {});
    handlers.onDeaf(error);
    clearTimeout(retry);
    retry = setTimeout(() => void connect(), RECONNECT_DELAY_MS);
    retry.unref();
  };

  async function connect(): Promise<void> {
    if (closed || client) return;
    const c = new pg.Client({ connectionString: url, application_name: 'ogi-observatory data-change listener', connectionTimeoutMillis: 5_000 });
    client = c;
    c.on('notification', (n) => {
      if (n.channel === DATA_CHANGED_CHANNEL) handlers.onChange(n.payload ?? '');
    });
    c.on('error', (e) => lost(e));
    c.on('end', () => lost(null));
    try {
      await c.connect();
      await c.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
      if (closed || client !== c) return;
      handlers.onListening();
    } catch (e) {
      if (client === c) lost(e instanceof Error ? e : new Error(String(e)));
    }
  }

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      c?.removeAllListeners();
      await c?.end().catch(() => {});
    },
  };
}
