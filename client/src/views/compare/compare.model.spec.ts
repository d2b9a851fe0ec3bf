import { describe, expect, it } from 'vitest';
import { cellBadge, cellLink, cellText, cellTitle, cellTone } from '../../components/data-grid';
import { EMPTY_SELECTION } from '../../filters/dashboard-filters';
import { type AgencyRef, type MetricValueResult } from '../../graphql/api';
import { BAR_LIMIT } from '../../composables/chart-limits';
import { describeValue, metricGrid } from '../../metrics/metric-grid';
import { indexValues } from '../../metrics/value-index';
import { buildCompareBarsOption, buildCompareLinesOption, chartTable, compareSelection, tableHasValues, LINE_LIMIT, rankAgencies } from './compare.model';

const agency = (id: string, name: string): AgencyRef => ({ id, name });
const v = (agencyId: string, year: number, metric: string, value: number | null, reportId: string | null = `r-${agencyId}-${year}`): MetricValueResult => ({
  agencyId,
  year,
  metric,
  value,
  numerator: value,
  denominator: metric.endsWith('Rate') ? 100 : null,
  reportId,
  quality: 'VERIFIED',
  scope: 'self',
  printedValue: value,
  partsValue: value,
  evidence: [],
});

const agencies = [agency('hz', '洪泽区人民政府'), agency('sy', '沭阳县人民政府'), agency('pt', '平潭综合实验区')];
const years = [2022, 2023];
const index = indexValues([
  v('hz', 2022, 'outcomes.disclosureRate', 0.5),
  v('hz', 2023, 'outcomes.disclosureRate', 0.61),
  v('sy', 2022, 'outcomes.disclosureRate', 0.7),
  v('sy', 2023, 'outcomes.disclosureRate', 0.8),
  v('pt', 2023, 'outcomes.disclosureRate', null),
  v('hz', 2023, 'applications.new', 120),
]);
const text = {
  metricName: (c: string) => ({ 'outcomes.disclosureRate': '公开率', 'applications.new': '新收申请' })[c] ?? c,
  yearLabel: (y: number) => `${y}年`,
  unit: (c: string) => (c.endsWith('Rate') ? '%' : '件'),
  agencyColumn: '机关',
  formatValue: (_c: string, value: number | null) => (value === null ? '—' : String(value)),
  qualityLabel: (q: string) => ({ CONTRADICTED: '表内矛盾', SELF_REPORTED: '报告自述' })[q] ?? q,
};

describe('compare: ordering', () => {
  it('ranks agencies by their latest value of the metric, agencies without any value last', () => {
    expect(rankAgencies(agencies, index, 'outcomes.disclosureRate', [2022, 2023]).map((a) => a.id)).toEqual(['sy', 'hz', 'pt']);
  });

  it('does not sink an agency whose latest report is missing', () => {
    const partial = indexValues([v('hz', 2022, 'applications.new', 300), v('sy', 2023, 'applications.new', 50)]);
    expect(rankAgencies(agencies, partial, 'applications.new', [2022, 2023]).map((a) => a.id)).toEqual(['hz', 'sy', 'pt']);
  });

  it('ranks once for the chart and its table, and afresh for another metric, answer or years', () => {
    const years = [2022, 2023];
    const ranked = rankAgencies(agencies, index, 'outcomes.disclosureRate', years);
    expect(rankAgencies(agencies, index, 'outcomes.disclosureRate', years)).toBe(ranked);
    // Another metric of the same answer: its own order (sy has no new applications here, so it goes last).
    const other = indexValues([v('hz', 2023, 'applications.new', 300), v('pt', 2023, 'applications.new', 50)]);
    expect(rankAgencies(agencies, other, 'applications.new', years).map((a) => a.id)).toEqual(['hz', 'pt', 'sy']);
    expect(rankAgencies(agencies, index, 'outcomes.disclosureRate', [2022])).not.toBe(ranked);
    expect(rankAgencies(agencies, index, 'outcomes.disclosureRate', years).map((a) => a.id)).toEqual(['sy', 'hz', 'pt']);
  });
});

describe('compare: grouped bars', () => {
  it('draws one bar series per year, agencies ordered, ratios in percent, gaps for unknown values', () => {
    const option = buildCompareBarsOption(agencies, years, 'outcomes.disclosureRate', index, text);
    expect((option.xAxis as { data: string[] }).data).toEqual(['沭阳县人民政府', '洪泽区人民政府', '平潭综合实验区']);
    const series = option.series as { name: string; data: { value: unknown; agencyId: string }[] }[];
    expect(series.map((s) => s.name)).toEqual(['2022年', '2023年']);
    expect(series[1]!.data.map((d) => d.value)).toEqual([80, 61, '-']);
    expect(series[0]!.data.map((d) => d.agencyId)).toEqual(['sy', 'hz', 'pt']);
    expect(option.dataZoom).toEqual([]);
  });

  it('draws the top agencies of thousands, paging through them with a zoom window instead of squeezing them', () => {
    const many = Array.from({ length: 3000 }, (_, i) => agency(`a${i}`, `机关${i}`));
    const manyIndex = indexValues(many.map((a, i) => v(a.id, 2023, 'applications.new', i)));
    const option = buildCompareBarsOption(many, years, 'applications.new', manyIndex, text);
    const zoom = option.dataZoom as { type: string; startValue: number; endValue: number }[];
    expect(zoom[0]).toMatchObject({ type: 'slider', startValue: 0, endValue: 29 });
    const categories = (option.xAxis as { data: string[] }).data;
    expect(categories).toHaveLength(BAR_LIMIT);
    expect(categories[0]).toBe('机关2999'); // the highest first
    // the chart's data export still has every agency
    expect(chartTable(many, years, 'applications.new', manyIndex, text).rows).toHaveLength(3000);
  });
});

describe('compare: tooltips', () => {
  it('name each value as the table shows it, with its quality mark, scope and quality state in words', () => {
    // 洪泽 2023 prints its review 总计 as 0 while its parts give 11: contradicted. 沭阳 2023 reads 80 % and stands.
    const rated = indexValues([
      { ...v('hz', 2023, 'outcomes.disclosureRate', 0.61), quality: 'CONTRADICTED', scope: 'self' },
      { ...v('sy', 2023, 'outcomes.disclosureRate', 0.8), quality: 'VERIFIED', scope: 'region_aggregate' },
    ]);
    const words = {
      ...text,
      formatValue: (_c: string, value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`),
      tooltipWords: {
        scope: (s: string) => `口径：${({ self: '本机关', region_aggregate: '本地区汇总' } as Record<string, string>)[s]}`,
        quality: (q: string) => `数据质量：${({ CONTRADICTED: '表内矛盾', VERIFIED: '已核验' } as Record<string, string>)[q]}`,
      },
    };
    const option = buildCompareBarsOption(agencies.slice(0, 2), [2023], 'outcomes.disclosureRate', rated, words as never);
    const data = (option.series as { data: Record<string, unknown>[] }[])[0]!.data;
    const format = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const hz = data.find((d) => d['agencyId'] === 'hz')!;
    expect(format([{ axisValueLabel: '洪泽区人民政府', seriesName: '2023年', value: hz['value'], data: hz }]).split('<br/>')).toEqual([
      '<b>洪泽区人民政府</b>',
      '2023年：61% ⚠',
      '<span style="opacity:.8">口径：本机关 · 数据质量：表内矛盾</span>',
    ]);
    const sy = data.find((d) => d['agencyId'] === 'sy')!;
    expect(format([{ axisValueLabel: '沭阳县人民政府', seriesName: '2023年', value: sy['value'], data: sy }]).split('<br/>')).toEqual([
      '<b>沭阳县人民政府</b>',
      '2023年：80%',
      '<span style="opacity:.8">口径：本地区汇总 · 数据质量：已核验</span>',
    ]);
  });
});

describe('compare: why a value is contradicted', () => {
  it('洪泽 2023 review total: the table and the tooltip say the printed 0 against 11 from its parts (10 维持 + 1 纠正)', () => {
    const hz = { ...v('hz', 2023, 'review.total', 0), quality: 'CONTRADICTED' as const, scope: 'self' as const, printedValue: 0, partsValue: 11 };
    const words = { ...text, readings: (p: string, q: string) => `原表印数 ${p}，按分项推算 ${q}` };
    expect(describeValue(hz, words)).toBe('表内矛盾 · 原表印数 0，按分项推算 11');
    // Readings that agree say nothing more.
    expect(describeValue({ ...hz, quality: 'VERIFIED', printedValue: 11, partsValue: 11 }, words)).toBeNull();
    const option = buildCompareBarsOption([agency('hz', '洪泽区人民政府')], [2023], 'review.total', indexValues([hz]), words);
    expect((option.series as { data: { notes: string[] }[] }[])[0]!.data[0]!.notes).toEqual(['原表印数 0，按分项推算 11']);
  });
});

describe('compare: lines', () => {
  it('draws one line per agency over the years, at most the top ten', () => {
    const option = buildCompareLinesOption(agencies, years, 'outcomes.disclosureRate', index, text);
    const series = option.series as { name: string; data: { value: unknown }[] }[];
    expect(series.map((s) => s.name)).toEqual(['沭阳县人民政府', '洪泽区人民政府', '平潭综合实验区']);
    expect(series[0]!.data.map((d) => d.value)).toEqual([70, 80]);
    expect(series[2]!.data.map((d) => d.value)).toEqual(['-', '-']);
    const many = Array.from({ length: 40 }, (_, i) => agency(`a${i}`, `机关${i}`));
    expect((buildCompareLinesOption(many, years, 'outcomes.disclosureRate', index, text).series as unknown[]).length).toBe(LINE_LIMIT);
  });
});

describe('compare: table and exports', () => {
  it('has a column per metric and year, values linked to their report, blanks as blanks', () => {
    const grid = metricGrid(agencies, years, ['outcomes.disclosureRate', 'applications.new'], index, text);
    expect(grid.columns.map((c) => c.label)).toEqual(['机关', '公开率 2022年', '公开率 2023年', '新收申请 2022年', '新收申请 2023年']);
    const hz = grid.rows.find((r) => r.key === 'hz')!;
    const column = (key: string) => grid.columns.find((c) => c.key === key)!;
    const rate2023 = hz.cells['outcomes.disclosureRate:2023'];
    expect(rate2023?.sort).toBe(0.61);
    expect(cellLink(column('outcomes.disclosureRate:2023'), rate2023)).toEqual({ name: 'report', params: { id: 'r-hz-2023' } });
    expect(cellTitle(column('outcomes.disclosureRate:2023'), rate2023)).toBe('0.61 / 100');
    expect(hz.cells['applications.new:2022']?.sort).toBeNull();
    expect(cellLink(column('applications.new:2022'), hz.cells['applications.new:2022'])).toBeNull();
    expect(cellTone(column('applications.new:2022'), hz.cells['applications.new:2022'])).toBe('muted');
    expect(cellLink(column('agency'), hz.cells.agency)).toEqual({ name: 'agency', params: { id: 'hz' } });
    expect(cellText(column('applications.new:2022'), hz.cells['applications.new:2022'])).toBe('—');
    expect(cellText(column('outcomes.disclosureRate:2023'), hz.cells['outcomes.disclosureRate:2023'])).toBe('0.61');
    expect(grid.table.rows[0]).toEqual(['洪泽区人民政府', 50, 61, null, 120]);
    expect(grid.table.columns[1]).toBe('公开率 2022年 (%)');
  });

  it('marks each value with its quality: a contradicted value is flagged in the table and hatched in the chart; a self-reported one quotes its sentence', () => {
    const marked = indexValues([
      { ...v('hz', 2023, 'review.total', 0), quality: 'CONTRADICTED' },
      { ...v('sy', 2023, 'review.total', 61), quality: 'VERIFIED' },
      { ...v('hz', 2023, 'timeliness.onTimeRate', 1), quality: 'SELF_REPORTED', evidence: [{ kind: 'allOnTime', sentence: '均在法定期限答复。' }] },
    ]);
    const grid = metricGrid(agencies, [2023], ['review.total', 'timeliness.onTimeRate'], marked, text);
    const column = (key: string) => grid.columns.find((c) => c.key === key)!;
    const cell = (agencyId: string, key: string) => grid.rows.find((r) => r.key === agencyId)!.cells[key];
    expect(cellBadge(column('review.total:2023'), cell('hz', 'review.total:2023'))).toEqual({ symbol: '⚠', label: '表内矛盾' });
    expect(cellTone(column('review.total:2023'), cell('hz', 'review.total:2023'))).toBe('error');
    expect(cellBadge(column('review.total:2023'), cell('sy', 'review.total:2023'))).toBeNull();
    expect(cellTitle(column('timeliness.onTimeRate:2023'), cell('hz', 'timeliness.onTimeRate:2023'))).toBe('报告自述 · 1 / 100 · “均在法定期限答复。”');
    const bars = buildCompareBarsOption(agencies, [2023], 'review.total', marked, text);
    const data = (bars.series as { data: { name: string; itemStyle?: unknown }[] }[])[0]!.data;
    expect(data.find((d) => d.name === '洪泽区人民政府')!.itemStyle).toBeDefined();
    expect(data.find((d) => d.name === '沭阳县人民政府')!.itemStyle).toBeUndefined();
  });

  it('exports the chart metric by agency and year in chart order', () => {
    expect(chartTable(agencies, years, 'outcomes.disclosureRate', index, text).rows).toEqual([
      ['沭阳县人民政府', 70, 80],
      ['洪泽区人民政府', 50, 61],
      ['平潭综合实验区', null, null],
    ]);
  });
});

describe('what compare covers', () => {
  it('is the governments when nothing is chosen, everyone when asked, and the choice otherwise', () => {
    expect(compareSelection(EMPTY_SELECTION, false)).toEqual({ ...EMPTY_SELECTION, kinds: ['government'] });
    expect(compareSelection(EMPTY_SELECTION, true)).toEqual(EMPTY_SELECTION);
    const chosen = { ...EMPTY_SELECTION, parentId: '7', includeDescendants: true };
    expect(compareSelection(chosen, false)).toBe(chosen);
  });
});

describe('a chart with nothing to draw', () => {
  it('is told apart from one with figures, so bare axes are never drawn', () => {
    expect(
      tableHasValues({
        columns: ['机关', '2025 年'],
        rows: [
          ['甲', null],
          ['乙', null],
        ],
      }),
    ).toBe(false);
    expect(
      tableHasValues({
        columns: ['机关', '2025 年'],
        rows: [
          ['甲', null],
          ['乙', 0],
        ],
      }),
    ).toBe(true);
    expect(tableHasValues({ columns: ['机关'], rows: [] })).toBe(false);
  });
});
