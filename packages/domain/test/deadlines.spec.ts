import { daysLate, inferAgencyKind, inferAgencyLevel, publicationDeadline, submissionStatus } from '../src/index.js';

describe('publication deadlines (条例 第四十九条)', () => {
  it('departments publish by 31 January, governments by 31 March, of the next year', () => {
    expect(publicationDeadline(2024, 'department')).toBe('2025-01-31');
    expect(publicationDeadline(2024, 'government')).toBe('2025-03-31');
  });

  it('counts whole days late, 0 when on time', () => {
    expect(daysLate('2025-01-31', '2025-01-31')).toBe(0);
    expect(daysLate('2025-01-20', '2025-01-31')).toBe(0);
    expect(daysLate('2025-02-24', '2025-01-31')).toBe(24);
  });
});

describe('agency kind and level from the name', () => {
  it.each([
    ['淮安市人民政府', 'government', 'city'],
    ['淮安市洪泽区人民政府', 'government', 'county'],
    ['沭阳县发展和改革局', 'department', 'county'],
    ['鄂州市行政审批局', 'department', 'city'],
    ['平潭综合实验区', 'government', 'county'],
    ['上海市科学技术委员会', 'department', 'city'],
  ])('%s is a %s at %s level', (name, kind, level) => {
    expect(inferAgencyKind(name)).toBe(kind);
    expect(inferAgencyLevel(name)).toBe(level);
  });
});

describe('submission status for one agency and year', () => {
  it('a report published by the deadline is on time, after it late', () => {
    expect(submissionStatus({ publishedOn: '2025-01-31', daysLate: 0 }, '2025-01-31', '2026-11-28')).toBe('ON_TIME');
    expect(submissionStatus({ publishedOn: '2025-02-03', daysLate: 3 }, '2025-01-31', '2026-11-28')).toBe('LATE');
  });

  it('a report without a printed date is DATE_UNKNOWN', () => {
    expect(submissionStatus({ publishedOn: null, daysLate: null }, '2025-01-31', '2026-11-28')).toBe('DATE_UNKNOWN');
  });

  it('no report is MISSING once the deadline day is over, NOT_DUE until then', () => {
    expect(submissionStatus(null, '2025-03-31', '2025-04-01')).toBe('MISSING');
    expect(submissionStatus(null, '2025-03-31', '2025-03-31')).toBe('NOT_DUE');
  });
});
