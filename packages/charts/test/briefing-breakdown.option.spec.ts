import { breakdownBars, breakdownChartHeight, buildBriefingBreakdownOption } from '../src/index.js';

const text = { countAxis: '件', barLabel: (v: number, s: number | null) => `${v} 件${s === null ? '' : `（${(s * 100).toFixed(1)}%）`}` };

describe('the briefing breakdown chart', () => {
  const parts = [
    { label: '国家秘密', value: 3, share: 3 / 20 },
    { label: '危及“三安全一稳定”', value: 0, share: 0 },
    { label: '内部事务信息', value: 12, share: 12 / 20 },
    { label: '过程性信息', value: 5, share: 5 / 20 },
    { label: '其他法律行政法规禁止公开', value: null, share: null },
  ];

  it('draws the parts with a count, largest on top, and leaves out empty and unknown ones', () => {
    const option = buildBriefingBreakdownOption(parts, text);
    // A category axis is drawn from the bottom: the last category is the top bar.
    expect(option.yAxis.data).toEqual(['国家秘密', '过程性信息', '内部事务信息']);
    expect(option.series[0]!.data).toEqual([3, 5, 12]);
  });

  it('labels each bar with its count and share', () => {
    const option = buildBriefingBreakdownOption(parts, text);
    const label = option.series[0]!.label.formatter;
    expect(label({ dataIndex: 2 })).toBe('12 件（60.0%）');
    expect(label({ dataIndex: 0 })).toBe('3 件（15.0%）');
  });

  it('orders equal counts by name so the chart is the same every time', () => {
    expect(
      breakdownBars([
        { label: '乙', value: 2, share: null },
        { label: '甲', value: 2, share: null },
      ]).map((b) => b.label),
    ).toEqual(['乙', '甲']);
  });

  it('grows with its bars and uses the font it is given', () => {
    expect(breakdownChartHeight(0)).toBe(120);
    expect(breakdownChartHeight(10)).toBe(320);
    expect(buildBriefingBreakdownOption([], text, 'WenQuanYi Zen Hei').textStyle).toEqual({ fontFamily: 'WenQuanYi Zen Hei' });
  });
});
