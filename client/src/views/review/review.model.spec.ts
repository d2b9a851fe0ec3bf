import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../components/data-grid';
import { buildReviewOption, reviewTable, sortedTable, tableOrder } from './review.model';

const row = (year: number, key: string, labelZh: string, value: number | null) => ({ year, key, labelZh, labelEn: key, value, share: null });
const text = { label: (r: { labelZh: string }) => r.labelZh, yearLabel: (y: number) => String(y), unit: '件', rate: '纠错率' };
const rows = [
  row(2022, 'pending', '尚未审结', 1),
  row(2022, 'upheld', '结果维持', 6),
  row(2022, 'corrected', '结果纠正', 2),
  row(2022, 'total', '总计', 9),
  row(2023, 'upheld', '结果维持', 4),
  row(2023, 'corrected', '结果纠正', null),
];

describe('review and litigation chart', () => {
  it('stacks cases by result in the printed order (upheld, corrected, …), leaves totals out, colours corrections red', () => {
    const option = buildReviewOption(rows, [{ year: 2022, value: 0.25 }], text);
    const series = option.series as { type: string; name: string; data: unknown[]; itemStyle: { color: string }; yAxisIndex?: number }[];
    expect(series.map((s) => s.name)).toEqual(['结果维持', '结果纠正', '尚未审结', '纠错率']);
    expect(series[1]!.itemStyle.color).toBe('#c0392b');
    expect(series[0]!.data).toEqual([6, 4]);
    expect(series[1]!.data).toEqual([2, '-']);
    expect(series[3]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [25, '-'] });
  });

  it('exports the numbers per year with the rate in percent', () => {
    expect(reviewTable(rows, [{ year: 2022, value: 0.25 }], text, '年度')).toEqual({
      columns: ['年度', '结果维持', '结果纠正', '尚未审结', '纠错率 (%)'],
      rows: [
        ['2022', 6, 2, 1, 25],
        ['2023', 4, null, null, null],
      ],
    });
  });

  it('keeps a year without cases on the axis, as a gap', () => {
    const option = buildReviewOption([row(2020, 'upheld', '结果维持', 3), row(2022, 'upheld', '结果维持', 5)], [], text);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022']);
    expect((option.series as { data: unknown[] }[])[0]!.data).toEqual([3, '-', 5]);
  });
});

describe('review chart: what the rate rests on', () => {
  it('hatches a rate with a doubtful report in it, and its tooltip says how many reports the rate rests on', () => {
    // 2023: 洪泽 prints its review 总计 as 0 (contradicted) — the rate rests on 平潭's 1 corrected of 2 decided only.
    const words = {
      ...text,
      tooltip: { scope: (s: string) => s, quality: (q: string) => q, formatValue: (v: number | null) => `${v} 件` },
      rateBasis: (n: number) => `比率基于 ${n} 份报告`,
      doubtful: (n: number) => `含 ${n} 份存疑报告`,
    };
    const option = buildReviewOption(
      [row(2023, 'upheld', '结果维持', 11), row(2023, 'corrected', '结果纠正', 2)],
      [{ year: 2023, value: 0.5, reportsCounted: 1, reportsDoubtful: 1 }],
      words as never,
    );
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.at(-1)!.data).toEqual([{ value: 50, itemStyle: expect.objectContaining({ borderType: 'dashed' }), notes: ['含 1 份存疑报告'] }]);
    const format = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(
      format([
        { axisValueLabel: '2023', seriesName: '结果维持', seriesIndex: 0, dataIndex: 0, value: 11, data: 11 },
        { axisValueLabel: '2023', seriesName: '纠错率', seriesIndex: 2, dataIndex: 0, value: 50, data: series.at(-1)!.data[0] },
      ]).split('<br/>'),
    ).toEqual(['<b>2023</b>', '结果维持：11 件', '纠错率：50%', '<span style="opacity:.8">含 1 份存疑报告</span>', '比率基于 1 份报告']);
    // The table keeps the number.
    expect(
      reviewTable([row(2023, 'upheld', '结果维持', 11)], [{ year: 2023, value: 0.5, reportsCounted: 1, reportsDoubtful: 1 }], words as never, '年度').rows,
    ).toEqual([['2023', 11, 50]]);
  });
});

describe('review chart: what each bar rests on', () => {
  const basis = {
    scopes: (s: readonly string[]) => `口径：${s.join('、')}`,
    coverage: (reports: number, covered: number, expected: number) => `依据 ${reports} 份报告，覆盖 ${covered}/${expected} 个机关`,
    qualityCount: (q: string, n: number) => `${q} ${n} 份`,
    blank: (n: number) => `另有 ${n} 份空白`,
  };
  const counted = (over: Partial<Record<string, number>>) => ({
    scopes: ['self' as const],
    quality: null,
    reportsCounted: 2,
    reportsBlank: 0,
    agenciesCovered: 2,
    agenciesExpected: 3,
    reportsContradicted: 0,
    reportsUncertain: 0,
    reportsUnverifiable: 0,
    reportsCorrected: 0,
    ...over,
  });

  it("names each bar's scope and coverage, and hatches a bar with a contradicted report in it", () => {
    // 2023: 洪泽 prints its review 总计 as 0 while its parts give 11, so its upheld count is contradicted; 平潭's is not.
    const option = buildReviewOption(
      [
        { ...row(2023, 'upheld', '结果维持', 11), ...counted({ reportsContradicted: 1 }) },
        { ...row(2023, 'corrected', '结果纠正', 2), ...counted({ reportsCounted: 1, agenciesCovered: 1 }) },
      ],
      [],
      { ...text, basis },
    );
    const [upheld, corrected] = option.series as { data: unknown[] }[];
    expect(upheld!.data).toEqual([
      {
        value: 11,
        quality: null,
        notes: ['口径：self', '依据 2 份报告，覆盖 2/3 个机关', 'CONTRADICTED 1 份'],
        itemStyle: expect.objectContaining({ borderType: 'dashed' }),
      },
    ]);
    expect(corrected!.data).toEqual([{ value: 2, quality: null, notes: ['口径：self', '依据 1 份报告，覆盖 1/3 个机关'] }]);
    // The exported table keeps the numbers.
    expect(reviewTable([{ ...row(2023, 'upheld', '结果维持', 11), ...counted({ reportsContradicted: 1 }) }], [], { ...text, basis }, '年度').rows).toEqual([
      ['2023', 11, null],
    ]);
  });
});

describe('the per-agency table’s order on the server', () => {
  const columns = ['agency', 'review.total:2024', 'review.correctionRate:2024'];
  const fallback = { key: 'review.total:2024', dir: 'desc' as const };

  it('a metric column is that metric of that year; the agency column is by name', () => {
    expect(tableOrder({ key: 'review.correctionRate:2024', dir: 'asc' }, columns, fallback).order).toEqual({
      sortMetric: 'review.correctionRate',
      sortYear: 2024,
      sortDirection: 'ASC',
    });
    expect(tableOrder({ key: 'agency', dir: 'desc' }, columns, fallback).order).toEqual({ sortMetric: null, sortYear: null, sortDirection: 'DESC' });
  });

  it('a sort the table has no column for (a link from another year) falls back to the default, which the grid then shows', () => {
    const { sort, order } = tableOrder({ key: 'review.total:2023', dir: 'asc' }, columns, fallback);
    expect(sort).toEqual(fallback);
    expect(order).toEqual({ sortMetric: 'review.total', sortYear: 2024, sortDirection: 'DESC' });
    expect(tableOrder(null, columns, fallback).sort).toEqual(fallback);
  });

  it('the whole table for a file follows the sort: blanks last, ties in the order given', () => {
    const row = (key: string, v: number | null): GridRow => ({ key, cells: { 'review.total:2024': { sort: v } } });
    const grid = {
      rows: [row('a', 1), row('b', null), row('c', 5), row('d', 1)],
      table: {
        columns: ['机关', '复议'],
        rows: [
          ['A', 1],
          ['B', null],
          ['C', 5],
          ['D', 1],
        ],
      },
    };
    expect(sortedTable(grid, { key: 'review.total:2024', dir: 'desc' }).rows).toEqual([
      ['C', 5],
      ['A', 1],
      ['D', 1],
      ['B', null],
    ]);
    expect(sortedTable(grid, { key: 'review.total:2024', dir: 'asc' }).rows).toEqual([
      ['A', 1],
      ['D', 1],
      ['C', 5],
      ['B', null],
    ]);
  });
});
