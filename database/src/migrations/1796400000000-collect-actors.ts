import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who fetched an address (a signed-in user, `cli:<user>`, or `system` for the scheduled poll) and who ran a
 * listing check; the fetch history is listed newest first.
 */
export class CollectActors1796400000000 implements MigrationInterface {
  name = 'CollectActors1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fetched_url ADD COLUMN fetched_by text NULL, ADD COLUMN fetched_by_user_id integer NULL`);
    await q.query(`ALTER TABLE listing_check ADD COLUMN checked_by text NULL, ADD COLUMN checked_by_user_id integer NULL`);
    // The history of fetched addresses, newest first.
    await q.query(`CREATE INDEX fetched_url_last_fetched_idx ON fetched_url (last_fetched_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fetched_url_last_fetched_idx`);
    await q.query(`ALTER TABLE listing_check DROP COLUMN checked_by, DROP COLUMN checked_by_user_id`);
    await q.query(`ALTER TABLE fetched_url DROP COLUMN fetched_by, DROP COLUMN fetched_by_user_id`);
  }
}
