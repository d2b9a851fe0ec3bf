import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The parser now reads spreadsheets (.xlsx) too: allow their format on stored source files. */
export class XlsxSourceFiles1797100000000 implements MigrationInterface {
  name = 'XlsxSourceFiles1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_file DROP CONSTRAINT source_file_format_ck`);
    await q.query(`ALTER TABLE source_file ADD CONSTRAINT source_file_format_ck CHECK (format IN ('text', 'markdown', 'html', 'pdf', 'docx', 'doc', 'xlsx'))`);
  }

  /** Fails while .xlsx files are stored: they cannot be represented without this migration. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_file DROP CONSTRAINT source_file_format_ck`);
    await q.query(`ALTER TABLE source_file ADD CONSTRAINT source_file_format_ck CHECK (format IN ('text', 'markdown', 'html', 'pdf', 'docx', 'doc'))`);
  }
}
