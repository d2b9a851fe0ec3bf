import { APPLICATION_ROWS, cellPath } from '@ogi/domain';
import type { CellModel } from './models/cell.model.js';
import { applicationRows, disclosureRows, indexCells, orderedCells, reviewRows } from './report-tables.js';

const cell = (section: CellModel['section'], row: string, column: string | number, value: number | null): CellModel => ({
  reportId: 1,
  path: cellPath(section as 'applications', row, column),
  section,
  row,
  column: String(column),
  value,
  state: value === null ? 'EMPTY' : value === 0 ? 'ZERO' : 'NUMERIC',
  raw: value === null ? '' : String(value),
  confidence: 1,
  sourceStart: null,
  sourceEnd: null,
  sourcePage: null,
  alternatives: null,
  unitRaw: null,
});
const row7 = (key: string, values: (number | null)[]) => values.map((v, c) => cell('applications', key, c, v));

describe('applicationRows', () => {
  it('prints the 2021 format with the three （六） sub-rows when the report has figures in them', () => {
    const cells = [...row7('otherHandling.overdueCorrection', [1, 0, 0, 0, 0, 0, 1]), ...row7('otherHandling', [null, null, null, null, null, null, null])];
    const keys = applicationRows('2021', indexCells(cells)).map((r) => r.key);
    expect(keys).toContain('otherHandling.overdueCorrection');
    expect(keys).not.toContain('otherHandling');
    expect(keys).toHaveLength(APPLICATION_ROWS.length - 1);
  });

  it('prints （六） as one row for a 2021 report that printed it so', () => {
    const keys = applicationRows('2021', indexCells(row7('otherHandling', [2, 0, 0, 0, 0, 0, 2]))).map((r) => r.key);
    expect(keys).toContain('otherHandling');
    expect(keys.filter((k) => k.startsWith('otherHandling.'))).toEqual([]);
  });

  it('leaves rows the report does not print blank, never zero', () => {
    const rows = applicationRows('2019', indexCells(row7('newReceived', [29, 0, 0, 0, 0, 0, 29])));
    expect(rows[0]).toMatchObject({ key: 'newReceived', number: '一、', values: [29, 0, 0, 0, 0, 0, 29] });
    expect(rows.find((r) => r.key === 'granted')!.values).toEqual([null, null, null, null, null, null, null]);
    expect(rows.find((r) => r.key === 'withheld.stateSecret')).toMatchObject({ group: 'withheld', groupLabel: '不予公开' });
  });
});

describe('disclosureRows and reviewRows', () => {
  it('follow the layout of the format, with values from the cells', () => {
    const index = indexCells([cell('activeDisclosure', 'fees', 'amountWan', 96171.6), cell('reviewLitigation', 'review', 4, 351)]);
    const fees = disclosureRows('2021', index).find((r) => r.key === 'fees')!;
    expect(fees.fields).toEqual([expect.objectContaining({ key: 'amountWan', kind: 'money', value: 96171.6 })]);
    expect(disclosureRows('2019', index).map((r) => r.key)).toContain('procurement');
    expect(reviewRows(index)[0]).toMatchObject({ key: 'review', values: [null, null, null, null, 351] });
  });
});

describe('orderedCells', () => {
  it('lists cells in printed order: section 二, then 三, then 四', () => {
    const cells = [
      cell('reviewLitigation', 'review', 0, 1),
      ...row7('carriedOver', [0, 0, 0, 0, 0, 0, 0]),
      cell('activeDisclosure', 'penalty', 'decisions', 5),
    ];
    expect(orderedCells('2019', cells).map((c) => c.section)).toEqual(['activeDisclosure', ...Array(7).fill('applications'), 'reviewLitigation']);
  });
});
