/**
 * The audit log refuses TRUNCATE as it refuses UPDATE and DELETE: a statement trigger. Restoring a backup is the
 * one exception: it replaces every table in one transaction and sets `ogi.restoring` for that transaction only
 * (the restore then records the entries it removed in its own audit entry).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLogNoTruncate1797300000000 implements MigrationInterface {
  name = 'AuditLogNoTruncate1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('ogi.restoring', true) = 'on' THEN RETURN NULL; END IF;
        RAISE EXCEPTION 'audit_log is append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_no_truncate()`);
  }
}
