import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channel on which the database announces that data the dashboard reads has changed. PostgreSQL delivers a
 * NOTIFY only when the writing transaction commits (and folds repeats within one transaction), so a listener that
 * forgets what it derived from the data when it hears one never keeps an answer older than a committed change.
 */
export const DATA_CHANGED_CHANNEL = 'ogi_data_changed';

/**
 * Tables whose writes change no answer a reader may keep: sign-ins, API tokens, the migrations' own book, the audit
 * log (written beside the change it records), the progress of imports and fetches (what they store lands in the
 * reports' tables, which do announce), and the questions the server worked out (AskedQuestions1797810000000, made
 * later, so without a trigger of its own).
 */
export const TABLES_WITHOUT_NOTICES = [
  'user_session',
  'access_token',
  'schema_migration',
  'audit_log',
  'ingest_batch',
  'ingest_item',
  'fetched_url',
  'metric_quality_backfill',
  'asked_question',
] as const;

/**
 * Every other table announces its writes on DATA_CHANGED_CHANNEL: one statement-level trigger per table, so a bulk
 * insert costs one notice, not one per row. A table added later needs the same trigger (a test checks every table).
 */
export class DataChangeNotices1797800000000 implements MigrationInterface {
  name = 'DataChangeNotices1797800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION announce_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${DATA_CHANGED_CHANNEL}', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    const tables: { name: string }[] = await q.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY($1::text[]) ORDER BY 1`,
      [[...TABLES_WITHOUT_NOTICES]],
    );
    for (const { name } of tables) {
      await q.query(
        `CREATE TRIGGER announce_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${name}"
           FOR EACH STATEMENT EXECUTE FUNCTION announce_data_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const tables: { name: string }[] = await q.query(
      `SELECT DISTINCT event_object_table AS name FROM information_schema.triggers WHERE trigger_name = 'announce_data_change'`,
    );
    for (const { name } of tables) await q.query(`DROP TRIGGER announce_data_change ON "${name}"`);
    await q.query('DROP FUNCTION announce_data_change()');
  }
}
