import { describe, expect, it } from 'vitest';
import { type SubmissionResult } from '../../graphql/api';
import { markAction, markCandidates, markedMissing } from './missing-marks.model';

const row = (agency: string, id: string, year: number, status: SubmissionResult['status'], extra: Partial<SubmissionResult> = {}): SubmissionResult => ({
  agency: { id, name: agency },
  year,
  status,
  reportId: null,
  publishedOn: null,
  deadline: `${year + 1}-01-31`,
  daysLate: null,
  failingChecks: 0,
  discovery: 'NOT_CHECKED',
  discoveredUrl: null,
  discoveryDetail: null,
  missingMark: null,
  ...extra,
});

const list = [
  row('鄂州市行政审批局', '1', 2021, 'NOT_CHECKED'),
  row('鄂州市行政审批局', '1', 2020, 'ON_TIME', { reportId: '9' }),
  row('沭阳县发展和改革局', '2', 2024, 'NOT_CHECKED'),
  row('沭阳县发展和改革局', '2', 2022, 'MISSING', { missingMark: { note: '门户网站未见', markedBy: 'editor', markedAt: '2026-12-01T00:00:00Z' } }),
  row('平潭综合实验区', '3', 2026, 'NOT_DUE'),
  // A listing check found it missing: no editor's mark to take back.
  row('平潭综合实验区', '3', 2022, 'MISSING'),
];

describe('missing marks', () => {
  it('offers only the unchecked agency-years, newest year first', () => {
    expect(markCandidates(list).map((c) => c.key)).toEqual(['2:2024', '1:2021']);
  });

  it('lists the marks in force with their note, not a listing check’s finding', () => {
    expect(markedMissing(list)).toEqual([
      { key: '2:2022', agencyId: '2', agencyName: '沭阳县发展和改革局', year: 2022, note: '门户网站未见', markedBy: 'editor' },
    ]);
  });

  it("offers a matrix cell's action only where its status allows: mark an unchecked year, take back an editor's mark", () => {
    expect(list.map((s) => `${s.agency.id}:${s.year} ${markAction(s)}`)).toEqual([
      '1:2021 mark',
      '1:2020 null',
      '2:2024 mark',
      '2:2022 unmark',
      '3:2026 null',
      '3:2022 null',
    ]);
  });
});
