import { breakdownBars, breakdownChartHeight, breakdownCoverage, buildBriefingBreakdownOption } from '../src/index.js';

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

describe('the line under a briefing breakdown chart: what it rests on', () => {
  const part = (reportsCounted: number, agenciesCovered: number, reportsContradicted = 0, reportsUncertain = 0) => ({
    reportsCounted,
    agenciesCovered,
    agenciesExpected: 5,
    reportsContradicted,
    reportsUncertain,
  });

  it('review outcomes of 3 reports of 5 agencies, one of them contradicted in every part (its group 总计 printed 0): 1 doubtful report, not 4', () => {
    expect(breakdownCoverage([part(3, 3, 1), part(3, 3, 1), part(3, 3, 1), part(3, 3, 1)])).toEqual({ reports: 3, covered: 3, expected: 5, doubtful: 1 });
  });

  it('a part printed blank by one report counts fewer reports: the chart rests on the most any part counts; uncertain counts as doubtful', () => {
    expect(breakdownCoverage([part(2, 2), part(3, 4, 0, 2)])).toEqual({ reports: 3, covered: 4, expected: 5, doubtful: 2 });
  });

  it('no parts, no line', () => {
    expect(breakdownCoverage([])).toBeNull();
  });
});
