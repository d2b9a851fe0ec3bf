import { canonicalJson, reportContentHash } from './content-hash.js';
import { loadExpectedReport } from '../../test/expected-report.js';

describe('reportContentHash', () => {
  it('is the same for the same contents whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: null, c: 2 }] })).toBe(canonicalJson({ a: [1, { c: 2, d: null }], b: 1 }));
  });

  it('changes when a printed figure changes, not when only the file around it does', () => {
    const report = loadExpectedReport();
    const sameTablesOtherFile = { ...report, format: 'html' as const, text: 'other text', cells: [] };
    expect(reportContentHash(sameTablesOtherFile)).toBe(reportContentHash(report));

    const corrected = structuredClone(report);
    corrected.applications['granted']![0] = 18;
    expect(reportContentHash(corrected)).not.toBe(reportContentHash(report));
  });
});
