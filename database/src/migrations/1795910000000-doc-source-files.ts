import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The parser now reads Word 97–2003 (.doc) files too: allow their format on stored source files. */
export class DocSourceFiles1795910000000 implements MigrationInterface {
  name = 'DocSourceFiles1795910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_file DROP CONSTRAINT source_file_format_ck`);
    await q.query(`ALTER TABLE source_file ADD CONSTRAINT source_file_format_ck CHECK (format IN ('text', 'markdown', 'html', 'pdf', 'docx', 'doc'))`);
  }

  /** Fails while .doc files are stored: they cannot be represented without this migration. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_file DROP CONSTRAINT source_file_format_ck`);
    await q.query(`ALTER TABLE source_file ADD CONSTRAINT source_file_format_ck CHECK (format IN ('text', 'markdown', 'html', 'pdf', 'docx'))`);
  }
}
