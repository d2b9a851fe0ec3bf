import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sign-in writes its bookkeeping into the user's row (last sign-in, failed attempts, lock), and so did a password
 * change: each announced a data change, and every kept answer was dropped whenever anyone signed in — on a morning
 * when leaders sign in one after another, the result cache kept nothing for long. Answers show users only by name
 * (who corrected a cell, who marked a report), and are kept per role and agencies, so only a change of a user's
 * name, role, agency, or whether they may sign in, or a user added or removed, is a change of data.
 */
export class SignInsKeepAnswers1797810000001 implements MigrationInterface {
  name = 'SignInsKeepAnswers1797810000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER announce_data_change ON app_user`);
    await q.query(`CREATE TRIGGER announce_data_change
      AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF username, display_name, role, agency_id, disabled ON app_user
      FOR EACH STATEMENT EXECUTE FUNCTION announce_data_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER announce_data_change ON app_user`);
    await q.query(`CREATE TRIGGER announce_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_user
      FOR EACH STATEMENT EXECUTE FUNCTION announce_data_change()`);
  }
}
