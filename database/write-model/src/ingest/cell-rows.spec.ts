import { cellRows } from './cell-rows.js';
import { loadExpectedReport } from '../../test/expected-report.js';

describe('cellRows', () => {
  const report = loadExpectedReport();
  const rows = cellRows(report, '2019');
  const find = (section: string, row: string, column: string) => rows.find((r) => r.section === section && r.rowKey === row && r.columnKey === column);

  it('stores every cell of the 2019 template, blank ones as EMPTY (blank is not zero)', () => {
    // 二: 8 rows; 三: the 23 rows of the 2019 template × 7 columns; 四: 3 groups × 5
    const disclosureCells = 3 + 3 + 3 + 3 + 3 + 3 + 2 + 2;
    expect(rows.filter((r) => r.section === 'activeDisclosure')).toHaveLength(disclosureCells);
    expect(rows.filter((r) => r.section === 'applications')).toHaveLength(23 * 7);
    expect(rows.filter((r) => r.section === 'reviewLitigation')).toHaveLength(15);
    expect(find('activeDisclosure', 'regulations', 'made')).toMatchObject({ value: null, state: 'EMPTY' });
    expect(find('activeDisclosure', 'procurement', 'amountWan')).toMatchObject({ value: 278.334, state: 'NUMERIC' });
  });

  it('keeps the parser evidence of a cell', () => {
    const withEvidence = structuredClone(report);
    withEvidence.cells = [
      {
        path: 'applications.newReceived[6]',
        section: 'applications',
        row: 'newReceived',
        column: 6,
        value: 29,
        state: 'NUMERIC',
        raw: '29',
        confidence: 0.8,
        source: { kind: 'text', line: 120, start: 5000, end: 5002 },
        alternatives: [2, 9],
      },
    ];
    expect(cellRows(withEvidence, '2019').find((r) => r.rowKey === 'newReceived' && r.columnKey === '6')).toMatchObject({
      value: 29,
      raw: '29',
      confidence: 0.8,
      source: { kind: 'text', start: 5000, end: 5002 },
      alternatives: [2, 9],
    });
    expect(find('applications', 'newReceived', '0')).toMatchObject({ value: 29, confidence: 1, source: null });
  });
});
