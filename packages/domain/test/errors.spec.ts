import { INGEST_ERROR_CODES, PARSE_ERROR_CODES, ingestFailureMessage } from '../src/index.js';

describe('import error codes', () => {
  it('every ingest and parse code has a Chinese and an English message', () => {
    for (const code of [...INGEST_ERROR_CODES, ...PARSE_ERROR_CODES]) {
      const m = ingestFailureMessage(code);
      expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en).toMatch(/[a-z]/);
    }
  });

  it('ingest codes do not collide with the parser codes', () => {
    expect(INGEST_ERROR_CODES.filter((c) => (PARSE_ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
