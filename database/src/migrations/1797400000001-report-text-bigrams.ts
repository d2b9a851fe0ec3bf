import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report text search by character bigrams, on any PostgreSQL. pg_trgm gives Chinese text no trigrams under the C
 * locale (and a server's locale is not ours to choose when DATABASE_URL points elsewhere), so the index is our
 * own: the set of two-character pieces of each current report's text (lower-cased, pieces with whitespace left
 * out), as an expression GIN index. A phrase can only occur in a text holding all of its bigrams; the search
 * checks those candidates for the exact phrase afterwards. Nothing is stored in the table itself. The text is
 * split into characters once and paired with the next one (substr at each position would walk a multibyte text
 * from its start every time: quadratic in the text's length).
 */
export class ReportTextBigrams1797400000001 implements MigrationInterface {
  name = 'ReportTextBigrams1797400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION report_text_bigrams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT coalesce(array_agg(DISTINCT g), '{}')
            FROM (SELECT c || lead(c) OVER (ORDER BY n) AS g
                    FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS chars(c, n)) AS pieces
           WHERE g IS NOT NULL AND g !~ '[[:space:]]'
        $$`);
    await q.query(`CREATE INDEX report_text_bigrams_idx ON report USING gin (report_text_bigrams(raw_text)) WHERE is_current`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_text_bigrams_idx`);
    await q.query(`DROP FUNCTION report_text_bigrams(text)`);
  }
}
