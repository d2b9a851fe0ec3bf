import { describe, expect, it } from 'vitest';
import { type SubmissionResult } from '../../graphql/api';
import { sortRows } from '../../components/data-grid';
import { agenciesWithStatus, buildRuleCountsOption, kindOf, matrixOrder, submissionMatrix, submissionsOfRows, summaryCounts } from './quality.model';

const sub = (agencyId: string, name: string, year: number, status: SubmissionResult['status'], extra: Partial<SubmissionResult> = {}): SubmissionResult => ({
  agency: { id: agencyId, name },
  year,
  status,
  reportId: status === 'MISSING' ? null : `r-${agencyId}-${year}`,
  publishedOn: null,
  deadline: `${year + 1}-01-31`,
  daysLate: status === 'LATE' ? 12 : null,
  failingChecks: 0,
  discovery: status === 'MISSING' ? 'NOT_FOUND' : 'IMPORTED',
  discoveredUrl: null,
  discoveryDetail: null,
  missingMark: null,
  ...extra,
});
const subs = [
  sub('a', '鄂州市行政审批局', 2022, 'ON_TIME', { failingChecks: 3 }),
  sub('a', '鄂州市行政审批局', 2023, 'LATE'),
  sub('b', '沭阳县发展和改革局', 2022, 'MISSING'),
  sub('b', '沭阳县发展和改革局', 2023, 'ON_TIME'),
];
const text = {
  agencyColumn: '机关',
  status: (s: string, d: number | null) => (s === 'LATE' ? `逾期 ${d} 天` : s),
  checks: (n: number) => `${n} 项未通过`,
  publishedNotImported: '网站已发布未导入',
  problemsColumn: '问题数',
};

describe('submissions matrix', () => {
  it('has a row per agency and a cell per year, linking to the report or, when missing, the agency', () => {
    const m = submissionMatrix(subs, [2022, 2023], text);
    expect(m.columns.map((c) => c.label)).toEqual(['机关', '2022', '2023', '问题数']);
    const a = m.rows.find((r) => r.key === 'a')!;
    expect(a.cells['2022']).toMatchObject({ text: 'ON_TIME · 3 项未通过', tone: 'error', to: { name: 'report', params: { id: 'r-a-2022' } } });
    expect(a.cells['2023']).toMatchObject({ text: '逾期 12 天', tone: 'warning' });
    expect(a.cells.problems).toMatchObject({ sort: 2 });
    const b = m.rows.find((r) => r.key === 'b')!;
    expect(b.cells['2022']).toMatchObject({ text: 'MISSING', tone: 'error', to: { name: 'agency', params: { id: 'b' } } });
  });

  it("says when 逾期未报 rests on an editor's mark rather than a listing check", () => {
    const marked = [
      sub('b', '沭阳县发展和改革局', 2022, 'MISSING', { missingMark: { note: '门户网站未见', markedBy: 'editor', markedAt: '2026-12-01T00:00:00Z' } }),
    ];
    const m = submissionMatrix(marked, [2022], { ...text, markedMissing: '编辑标记' });
    expect(m.rows[0]!.cells['2022']).toMatchObject({ text: 'MISSING · 编辑标记', tone: 'error' });
    expect(submissionMatrix(subs, [2022], { ...text, markedMissing: '编辑标记' }).rows.find((r) => r.key === 'b')!.cells['2022']!.text).toBe('MISSING');
  });

  it('sorts missing before late before on time within a year', () => {
    const m = submissionMatrix(subs, [2022, 2023], text);
    const rank = (key: string, year: string) => m.rows.find((r) => r.key === key)!.cells[year]!.sort as number;
    expect(rank('b', '2022')).toBeGreaterThan(rank('a', '2022'));
    expect(rank('a', '2023')).toBeGreaterThan(rank('b', '2023'));
  });

  it("adds up the server's per-year counts for the tiles", () => {
    const year = (y: number, counts: Partial<Record<string, number>>) => ({
      year: y,
      agencies: 3000,
      onTime: 0,
      late: 0,
      missing: 0,
      notChecked: 0,
      dateUnknown: 0,
      notDue: 0,
      failing: 0,
      publishedNotImported: 0,
      ...counts,
    });
    expect(
      summaryCounts([
        year(2023, { onTime: 2500, late: 300, missing: 150, notChecked: 50, failing: 41, publishedNotImported: 2 }),
        year(2022, { onTime: 2600, late: 200, missing: 180, dateUnknown: 20, failing: 30 }),
      ]),
    ).toEqual({ ON_TIME: 5100, LATE: 500, MISSING: 330, NOT_CHECKED: 50, DATE_UNKNOWN: 20, NOT_DUE: 0, failing: 71, publishedNotImported: 2 });
  });

  it("asks the server for the tile's kind and the grid's sort (a year no longer shown falls back to the default)", () => {
    expect(kindOf('failing')).toBe('FAILING');
    expect(kindOf('publishedNotImported')).toBe('PUBLISHED_NOT_IMPORTED');
    expect(kindOf('LATE')).toBe('LATE');
    expect(matrixOrder({ key: '2023', dir: 'desc' }, [2022, 2023])).toEqual({ sortBy: 'YEAR', sortYear: 2023, sortDirection: 'DESC' });
    expect(matrixOrder({ key: 'agency', dir: 'asc' }, [2023])).toEqual({ sortBy: 'AGENCY', sortYear: null, sortDirection: 'ASC' });
    expect(matrixOrder({ key: 'problems', dir: 'asc' }, [2023])).toEqual({ sortBy: 'PROBLEMS', sortYear: null, sortDirection: 'ASC' });
    expect(matrixOrder({ key: '2019', dir: 'asc' }, [2023])).toEqual({ sortBy: 'PROBLEMS', sortYear: null, sortDirection: 'DESC' });
    expect(matrixOrder(null, [2023])).toEqual({ sortBy: 'PROBLEMS', sortYear: null, sortDirection: 'DESC' });
  });

  it("keeps the server's order of a page's agencies", () => {
    const rows = [
      { agency: subs[2]!.agency, problems: 1, submissions: [subs[3]!, subs[2]!] },
      { agency: subs[0]!.agency, problems: 2, submissions: [subs[1]!, subs[0]!] },
    ];
    expect(submissionMatrix(submissionsOfRows(rows), [2022, 2023], text).rows.map((r) => r.key)).toEqual(['b', 'a']);
  });

  it('flags a missing report that the agency’s own site lists, with what the check found', () => {
    const listed = sub('c', '淮安市人民政府', 2023, 'MISSING', {
      discovery: 'PUBLISHED_NOT_IMPORTED',
      discoveredUrl: 'https://www.huaian.gov.cn/ndbg/2023.html',
      discoveryDetail: '栏目页列出了 2023 年度报告，但文件无法读取',
    });
    const m = submissionMatrix([listed], [2023], text);
    expect(m.rows[0]!.cells['2023']).toMatchObject({
      text: 'MISSING · 网站已发布未导入',
      tone: 'error',
      title: '2024-01-31\n栏目页列出了 2023 年度报告，但文件无法读取\nhttps://www.huaian.gov.cn/ndbg/2023.html',
    });
  });

  it('a year nobody has checked since the deadline is not checked, in a muted tone; listed on the site, it is flagged', () => {
    const unchecked = sub('d', '沭阳县人民政府', 2023, 'NOT_CHECKED', { reportId: null, discovery: 'NOT_CHECKED' });
    expect(submissionMatrix([unchecked], [2023], text).rows[0]!.cells['2023']).toMatchObject({ text: 'NOT_CHECKED', tone: 'muted' });
    const listed = sub('c', '鄂州市行政审批局', 2023, 'NOT_CHECKED', { reportId: null, discovery: 'PUBLISHED_NOT_IMPORTED' });
    expect(submissionMatrix([listed], [2023], text).rows[0]!.cells['2023']).toMatchObject({ tone: 'error' });
  });

  it('exports the matrix as text cells', () => {
    expect(submissionMatrix(subs, [2022, 2023], text).table.rows).toEqual([
      ['鄂州市行政审批局', 'ON_TIME · 3 项未通过', '逾期 12 天'],
      ['沭阳县发展和改革局', 'MISSING', 'ON_TIME'],
    ]);
  });
});

describe('rule counts chart', () => {
  it('puts the most frequent rule on top, adds severities of one rule up, colours by the worst, carries the rule code', () => {
    const option = buildRuleCountsOption(
      [
        { rule: 'CELL_MISSING', severity: 'warning', count: 4 },
        { rule: 'S3_BALANCE', severity: 'error', count: 7 },
        { rule: 'CELL_MISSING', severity: 'info', count: 5 },
      ],
      (r) => r,
      '项',
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['CELL_MISSING', 'S3_BALANCE']);
    const data = (option.series as { data: { value: number; rule: string; itemStyle: { color: string } }[] }[])[0]!.data;
    expect(data.map((d) => [d.rule, d.value, d.itemStyle.color])).toEqual([
      ['CELL_MISSING', 9, '#d68910'],
      ['S3_BALANCE', 7, '#c0392b'],
    ]);
  });
});

describe('the submissions matrix in use', () => {
  it('puts the missing report first on the first click of a year, on time last', () => {
    const m = submissionMatrix(subs, [2022, 2023], text);
    const y2022 = m.columns.find((c) => c.key === '2022')!;
    expect(y2022.firstSort).toBe('desc');
    const order = sortRows(m.rows, { key: '2022', dir: y2022.firstSort! }).map((r) => r.cells['2022']!.text);
    // 沭阳 missing 2022; 鄂州 on time 2022 but failing 3 checks.
    expect(order).toEqual(['MISSING', 'ON_TIME · 3 项未通过']);
  });

  it('keeps, for a picked tile, the agencies with such a submission, with all their years', () => {
    expect(agenciesWithStatus(subs, 'MISSING').map((s) => `${s.agency.id}${s.year}`)).toEqual(['b2022', 'b2023']);
    expect(agenciesWithStatus(subs, 'LATE').map((s) => `${s.agency.id}${s.year}`)).toEqual(['a2022', 'a2023']);
    expect(agenciesWithStatus(subs, 'failing').map((s) => s.agency.id)).toEqual(['a', 'a']);
    expect(agenciesWithStatus(subs, 'DATE_UNKNOWN')).toEqual([]);
    expect(agenciesWithStatus(subs, null)).toBe(subs);
  });
});
