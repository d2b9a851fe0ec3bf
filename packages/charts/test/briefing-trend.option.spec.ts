import { briefingTrendPoints, buildBriefingTrendOption } from '../src/index.js';

const text = { received: '新收申请', handled: '办结', disclosureRate: '公开率', onTimeRate: '按时答复率', countAxis: '件', yearLabel: (y: number) => `${y}年` };

describe('the briefing trend chart', () => {
  it('puts every year asked on the axis, oldest first, a year without data as a gap', () => {
    const rows = [
      { year: 2024, metric: 'applications.new', value: 120 },
      { year: 2022, metric: 'applications.new', value: 100 },
      { year: 2024, metric: 'outcomes.disclosureRate', value: 0.4567 },
    ];
    const points = briefingTrendPoints(rows, [2024, 2023, 2022]);
    expect(points.map((p) => [p.year, p.received])).toEqual([
      [2022, 100],
      [2023, null],
      [2024, 120],
    ]);
    const option = buildBriefingTrendOption(points, text);
    expect(option.xAxis.data).toEqual(['2022年', '2023年', '2024年']);
    expect(option.series[0]!.data).toEqual([100, null, 120]);
    // 0.4567 → 45.7 on the per-cent axis.
    expect(option.series[2]!.data).toEqual([null, null, 45.7]);
    expect(option.animation).toBe(false);
  });

  it('uses the font it is given (the server names a CJK font it has)', () => {
    expect(buildBriefingTrendOption([], text, 'WenQuanYi Zen Hei').textStyle).toEqual({ fontFamily: 'WenQuanYi Zen Hei' });
  });
});
