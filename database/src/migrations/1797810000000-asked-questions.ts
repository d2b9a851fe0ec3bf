import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The questions whose answers the server kept (the result cache, docs/operations.md): who asked (a role and its
 * agencies, never a person), the operation and its variables — never an answer. After a restart the server works
 * the recent ones out again before it listens, so the first visitors are answered from memory as later ones are.
 */
export class AskedQuestions1797810000000 implements MigrationInterface {
  name = 'AskedQuestions1797810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE asked_question (
      key text PRIMARY KEY,
      asker text NOT NULL,
      query text NOT NULL,
      operation_name text,
      variables jsonb NOT NULL,
      last_asked_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX asked_question_last_asked_idx ON asked_question (last_asked_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE asked_question`);
  }
}
