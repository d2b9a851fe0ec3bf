import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An editor's mark that an agency published no report for a data year (逾期未报), with the note of what they
 * checked. Absence from the database proves nothing (未核查); a listing check after the deadline or this mark does.
 * One mark per agency-year; removing it deletes the row (the audit log keeps both steps). A merged agency's marks
 * follow it (mergeAgencyInto); a deleted agency takes its marks along.
 */
export class SubmissionMissingMarks1797620000000 implements MigrationInterface {
  name = 'SubmissionMissingMarks1797620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE submission_missing_mark (
      agency_id integer NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
      year integer NOT NULL CONSTRAINT submission_missing_mark_year_ck CHECK (year BETWEEN 2000 AND 2100),
      note text NOT NULL,
      marked_by text NOT NULL,
      marked_by_user_id integer NULL,
      marked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, year)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE submission_missing_mark`);
  }
}
