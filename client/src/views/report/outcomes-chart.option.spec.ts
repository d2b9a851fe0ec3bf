import { describe, expect, it } from 'vitest';
import { EZHOU_2020, KEWEI_2024 } from '../../../test/fixtures/reports';
import { type ApplicationRowResult } from '../../graphql/api';
import { buildOutcomesChartOption, OUTCOME_GROUPS, outcomeTotals } from './outcomes-chart.option';

const zh = { unit: '件', incomplete: '含空白格，无法合计', groupLabel: (g: { label: string }) => g.label };
const en = { unit: 'applications', incomplete: 'blank cells, no total', groupLabel: (g: { en: string }) => g.en };

type BarItem = { value: number | string; itemStyle: { color: string } };
const seriesOf = (option: ReturnType<typeof buildOutcomesChartOption>) => {
  const series = Array.isArray(option.series) ? option.series : [option.series];
  return series[0] as { type: string; data: BarItem[] };
};
const categoriesOf = (option: ReturnType<typeof buildOutcomesChartOption>) => (option.yAxis as { data: string[] }).data;

describe('outcome totals', () => {
  it('adds up each outcome group of the seed report from the total column', () => {
    expect(outcomeTotals(EZHOU_2020.applications, '2019')).toEqual([
      { group: 'granted', value: 19 },
      { group: 'partiallyGranted', value: 1 },
      { group: 'withheld', value: 1 },
      { group: 'unableToProvide', value: 0 },
      { group: 'notProcessed', value: 8 },
      { group: 'otherHandling', value: 0 },
    ]);
  });

  it('sums the three （六） rows of a 2021 report into one 其他处理 bar', () => {
    const other = outcomeTotals(KEWEI_2024.applications, '2021').find((t) => t.group === 'otherHandling');
    expect(other?.value).toBe(10 + 0 + 4);
  });

  it('gives no total for a group with a blank cell (blank is not zero)', () => {
    const rows: ApplicationRowResult[] = EZHOU_2020.applications.map((r) =>
      r.key === 'withheld.thirdPartyRights' ? { ...r, values: [...r.values.slice(0, 6), null] } : r,
    );
    const withheld = outcomeTotals(rows, '2019').find((t) => t.group === 'withheld');
    expect(withheld?.value).toBeNull();
  });
});

describe('buildOutcomesChartOption', () => {
  it('draws one bar per outcome group, in printed order, with the totals as values', () => {
    const option = buildOutcomesChartOption(outcomeTotals(EZHOU_2020.applications, '2019'), zh);
    expect(categoriesOf(option)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    const series = seriesOf(option);
    expect(series.type).toBe('bar');
    expect(series.data.map((d) => d.value)).toEqual([19, 1, 1, 0, 8, 0]);
    expect(new Set(series.data.map((d) => d.itemStyle.color)).size).toBe(OUTCOME_GROUPS.length);
  });

  it('names the categories and the unit in the language it is given', () => {
    const option = buildOutcomesChartOption(outcomeTotals(EZHOU_2020.applications, '2019'), en);
    expect(categoriesOf(option)[0]).toBe('Disclosed');
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'applications' });
  });

  it('leaves a group without a total empty and says why under its name', () => {
    const option = buildOutcomesChartOption(
      [
        { group: 'granted', value: 5 },
        { group: 'withheld', value: null },
      ],
      zh,
    );
    expect(seriesOf(option).data.map((d) => d.value)).toEqual([5, '-']);
    expect(categoriesOf(option)[1]).toBe('不予公开\n(含空白格，无法合计)');
  });

  it('is a pure function of its input', () => {
    const totals = outcomeTotals(EZHOU_2020.applications, '2019');
    expect(JSON.stringify(buildOutcomesChartOption(totals, zh))).toBe(JSON.stringify(buildOutcomesChartOption(totals, zh)));
  });
});
