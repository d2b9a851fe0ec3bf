import { chinaDate, daysLate, inferAgencyKind, inferAgencyLevel, latestDueYear, publicationDeadline, submissionStatus } from '../src/index.js';

describe('publication deadlines (条例 第四十九条)', () => {
  it('departments publish by 31 January, governments by 31 March, of the next year', () => {
    expect(publicationDeadline(2024, 'department')).toBe('2025-01-31');
    expect(publicationDeadline(2024, 'government')).toBe('2025-03-31');
    expect(publicationDeadline(2019, 'department')).toBe('2020-01-31');
  });

  it('data year 2018 and before follow the 2008 条例: every agency by 31 March', () => {
    expect(publicationDeadline(2018, 'department')).toBe('2019-03-31');
    expect(publicationDeadline(2018, 'government')).toBe('2019-03-31');
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

  it('no report is MISSING only when a listing check after the deadline found none; NOT_CHECKED otherwise; NOT_DUE until then', () => {
    expect(submissionStatus(null, '2025-03-31', '2025-04-01', '2025-04-01')).toBe('MISSING');
    expect(submissionStatus(null, '2025-03-31', '2025-04-01')).toBe('NOT_CHECKED');
    // A check before the deadline proves nothing about the report due by it.
    expect(submissionStatus(null, '2025-03-31', '2025-06-01', '2025-03-20')).toBe('NOT_CHECKED');
    expect(submissionStatus(null, '2025-03-31', '2025-03-31')).toBe('NOT_DUE');
  });

  it("an editor's mark makes an unchecked agency-year MISSING; a stored report outranks the mark", () => {
    expect(submissionStatus(null, '2025-03-31', '2025-06-01', null, true)).toBe('MISSING');
    expect(submissionStatus(null, '2025-03-31', '2025-06-01', '2025-03-20', true)).toBe('MISSING');
    expect(submissionStatus({ publishedOn: '2025-05-02', daysLate: 32 }, '2025-03-31', '2025-06-01', null, true)).toBe('LATE');
    expect(submissionStatus(null, '2025-03-31', '2025-03-31', null, true)).toBe('NOT_DUE');
  });
});

describe('the latest data year due', () => {
  it('is last year for a department from 1 February, and the year before until then', () => {
    expect(latestDueYear('department', new Date('2026-01-31T12:00:00+08:00'))).toBe(2024);
    expect(latestDueYear('department', new Date('2026-02-01T00:30:00+08:00'))).toBe(2025);
  });

  it('is last year for a government only from 1 April', () => {
    expect(latestDueYear('government', new Date('2026-03-31T23:00:00+08:00'))).toBe(2024);
    expect(latestDueYear('government', new Date('2026-04-01T08:00:00+08:00'))).toBe(2025);
    expect(latestDueYear('government', new Date('2026-12-31T08:00:00+08:00'))).toBe(2025);
  });

  it('counts days in China time: 31 Jan 20:00 UTC is already 1 Feb in China', () => {
    expect(chinaDate(new Date('2026-01-31T20:00:00Z'))).toBe('2026-02-01');
    expect(latestDueYear('department', new Date('2026-01-31T20:00:00Z'))).toBe(2025);
  });
});
